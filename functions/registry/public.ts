// What other contexts may use of the enterprise register: hazards writes an enterprise's grid
// membership into the register's own record, in the grid change's transaction.
export { enterpriseItem } from "./store.js";
export type { Enterprise } from "./schemas.js";
