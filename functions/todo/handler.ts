// The to-do Lambda: the caller's items, computed on read from the deadlines other contexts keep.
import { lambda } from "../../shared/http.js";
import { routes } from "./routes.js";
import { MAX_PER_KIND } from "./rules.js";
import { scopeOf, todoOf } from "./service.js";

export const handler = lambda(routes, {
  getTodo: async ({ actor, now }) => {
    const scope = scopeOf(actor);
    const list = scope ? await todoOf(scope, now, MAX_PER_KIND) : { items: [], counts: [] };
    return { body: { asOf: now.toISOString(), total: list.counts.reduce((n, c) => n + c.total, 0), ...list } };
  },
});
