// `npm run token -- --role regulator --region 420100` or `npm run token -- --demo enterprise`:
// prints a JWT the local server accepts (the token alone on the last line). The signing key
// is the running stack's, found in DATA_DIR like `npm start` keeps it.
import { parseArgs } from "node:util";
import { impossibleClaims, ROLES, type Role } from "../shared/policy.js";
import { loadOrCreateKeyPair, mintToken, type TokenClaims } from "./auth.js";
import { KEY_FILE } from "./config.js";
import { DEMO_ACCOUNTS } from "./demo.js";

const { values } = parseArgs({
  options: {
    demo: { type: "string" },
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

function claimsFromArgs(): TokenClaims {
  if (values.demo !== undefined) {
    const account = DEMO_ACCOUNTS.find((a) => a.id === values.demo);
    if (!account) {
      console.error(`--demo takes one of: ${DEMO_ACCOUNTS.map((a) => a.id).join(", ")}`);
      process.exit(2);
    }
    return account.claims;
  }
  if (!values.role || !(ROLES as readonly string[]).includes(values.role)) {
    console.error(`--role is required (one of ${ROLES.join(", ")}), or --demo with one of ${DEMO_ACCOUNTS.map((a) => a.id).join(", ")}`);
    process.exit(2);
  }
  return {
    role: values.role as Role,
    region: values.region ?? "420000",
    enterprise: values.enterprise,
    grid: values.grid,
    industry: values.industry,
    user: values.user,
    head: values.head,
  };
}

const claims = claimsFromArgs();
// A token the API would refuse anyway is an error here, said plainly, not a silent 401 later.
const problem = impossibleClaims(claims);
if (problem) {
  console.error(`cannot mint this token: ${problem}`);
  process.exit(2);
}
const keys = await loadOrCreateKeyPair(KEY_FILE);
console.error(`token for ${JSON.stringify(claims)}`);
console.log(await mintToken(keys.privateKey, claims, values.ttl ?? "12h"));
