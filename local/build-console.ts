// Builds web/dist once before the test run (npm's pretest), so the test projects that start the
// local stack find it current instead of building it at the same moment into the same folder.
import { ensureConsoleBuilt } from "./web.js";

await ensureConsoleBuilt();
