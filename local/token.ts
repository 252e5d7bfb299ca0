// `npm run token -- --role regulator --region 420100`: prints a JWT the local server accepts
// (the token alone on the last line).
import { parseArgs } from "node:util";
import { impossibleClaims, ROLES, type Role } from "../shared/policy.js";
import { loadOrCreateKeyPair, mintToken } from "./auth.js";
import { KEY_FILE } from "./config.js";

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    region: { type: "string" },
    enterprise: { type: "string" },
    grid: { type: "string" },
    industry: { type: "string" },
    user: { type: "string" },
    head: { type: "boolean" },
    ttl: { type: "string" },
  },
});
if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
  console.error(`--role is required: one of ${ROLES.join(", ")}`);
  process.exit(2);
}
const claims = {
  role: values.role as Role,
  region: values.region ?? "420000",
  enterprise: values.enterprise,
  grid: values.grid,
  industry: values.industry,
  user: values.user,
  head: values.head,
};
// A token the API would refuse anyway is an error here, said plainly, not a silent 401 later.
const problem = impossibleClaims(claims);
if (problem) {
  console.error(`cannot mint this token: ${problem}`);
  process.exit(2);
}
const keys = await loadOrCreateKeyPair(KEY_FILE);
console.error(`token for ${JSON.stringify(claims)}`);
console.log(await mintToken(keys.privateKey, claims, values.ttl ?? "12h"));
