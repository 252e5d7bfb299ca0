import { Link } from "react-router";
import { $api } from "../api/client";

/**
 * "待办 3" in the header, linking to the 待办 page. Its own chunk, loaded after the first screen;
 * refetched every minute and whenever a submission invalidates the queries (api/submit.ts).
 */
export default function TodoCount() {
  const q = $api.useQuery("get", "/v1/todo", {}, { refetchInterval: 60_000 });
  const total = q.data?.total;
  return (
    <Link to="/todo" className="shell-todo" data-testid="todo-count" aria-label={total === undefined ? "待办" : `待办 ${total} 项`}>
      待办{total !== undefined && <span className="shell-todo-count">{total}</span>}
    </Link>
  );
}
