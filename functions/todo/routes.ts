// The to-do list's route, declared once for CDK, the local server and OpenAPI.
import { route } from "../../shared/route.js";
import { TodoList } from "./schemas.js";

export const routes = {
  getTodo: route({
    method: "GET", path: "/v1/todo", fn: "todo", roles: ["enterprise", "regulator", "industry_department", "approval_officer"], tags: ["todo"],
    summary: "The caller's to-do list (待办), computed from the deadlines the API keeps: rectification and review of hazards, statistics filings, accidents waiting for this level to forward, blacklist inspection tasks, licences ending, an approval officer's applications by the statutory clock; scoped like the lists, at most 20 items of each kind with each kind's total",
    response: TodoList,
  }),
} as const;
