// `npm run openapi`: writes docs/openapi.json, the committed copy of the generated document that
// shared/openapi.test.ts compares with, so every change to the API's contract shows in review.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MANIFEST } from "../functions/manifest.js";
import { openApi } from "../shared/openapi.js";

export const OPENAPI_COPY = fileURLToPath(new URL("../docs/openapi.json", import.meta.url));

export const renderOpenApi = () => `${JSON.stringify(openApi(MANIFEST), null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_COPY, renderOpenApi());
  console.log(`wrote ${OPENAPI_COPY}`);
}
