// Prints the gzipped size of the JavaScript each screen loads, and fails when the volunteer page,
// opened on a cheap phone over a mobile network, would load more than its budget.
import { gzipSync } from "node:zlib";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// every screen of the volunteer's page: each is the first a volunteer may open from a link
const BUDGET_KB = Object.fromEntries(["VolunteerHome", "ClaimHours", "ActivitiesView", "GiveView", "BoardsView",
  "ServicesView", "PostNeed", "FamilyView"]
  .map((screen) => [`src/volunteer/${screen}.vue`, 250]));
const out = fileURLToPath(new URL("../../../../target/classes/META-INF/resources", import.meta.url));
const manifest = JSON.parse(readFileSync(join(out, ".vite", "manifest.json"), "utf8"));
// the manifest only serves this check: it is not shipped
rmSync(join(out, ".vite"), { recursive: true, force: true });

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
function files(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const dep of chunk.imports ?? []) files(dep, seen);
  return seen;
}
const gz = (key) => gzipSync(readFileSync(join(out, manifest[key].file))).length;

let over = false;
for (const screen of Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && k.endsWith(".vue"))) {
  const keys = new Set([...files(entry), ...files(screen)]);
  const kb = [...keys].reduce((sum, k) => sum + gz(k), 0) / 1024;
  const budget = BUDGET_KB[screen];
  const verdict = budget === undefined ? "" : kb <= budget ? ` (budget ${budget} KB: ok)` : ` (budget ${budget} KB: OVER)`;
  console.log(`${screen}: ${kb.toFixed(1)} KB of JavaScript, gzipped${verdict}`);
  if (budget !== undefined && kb > budget) over = true;
}
if (over) {
  console.error("a screen is over its JavaScript budget");
  process.exit(1);
}
