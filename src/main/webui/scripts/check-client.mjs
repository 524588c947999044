// Fails when src/api/schema.d.ts is not what openapi-typescript makes of openapi/openapi.yaml now:
// the typed client must never lag behind the contract. `npm run gen` brings it up to date.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const fresh = join(mkdtempSync(join(tmpdir(), "timebank-client-")), "schema.d.ts");
execFileSync(process.execPath, ["node_modules/openapi-typescript/bin/cli.js", "../../../openapi/openapi.yaml", "-o", fresh],
  { stdio: ["ignore", "ignore", "inherit"] });
const committed = readFileSync("src/api/schema.d.ts", "utf8");
if (readFileSync(fresh, "utf8") !== committed) {
  console.error("src/main/webui/src/api/schema.d.ts is stale: openapi/openapi.yaml changed. "
    + "Run `npm run gen` in src/main/webui and commit the result.");
  process.exit(1);
}
console.log("typed client is up to date with openapi/openapi.yaml");
