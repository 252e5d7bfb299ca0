import { lambda } from "../../shared/http.js";
import { routes } from "./routes.js";

export const handler = lambda(routes, {});
