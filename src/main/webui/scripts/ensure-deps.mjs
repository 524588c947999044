// `npm ci` when node_modules is missing or was installed from another package-lock.json; otherwise
// nothing, so that a build does not spend half a minute reinstalling what is there.
import { execSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const installed = "node_modules/.package-lock.json";
let current = false;
if (existsSync(installed)) {
  const have = JSON.parse(readFileSync(installed, "utf8")).packages ?? {};
  const want = Object.entries(lock.packages ?? {}).filter(([k]) => k.startsWith("node_modules/"));
  // optional packages (other platforms' binaries) are missing by design
  current = want.every(([k, v]) => have[k]?.version === v.version || (v.optional && !have[k]));
}
if (!current) {
  execSync("npm ci --no-audit --no-fund", { stdio: "inherit" });
}
