// Regenerates the golden replay fixtures (run from the repository root):
//   node --import tsx shared/test/golden/update.ts
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { replay } from "../../src/rules/resolve.js";
import { GOLDEN_CASES, summarize, UPDATE_COMMAND, type GoldenFile } from "./cases.js";

const here = dirname(fileURLToPath(import.meta.url));
for (const c of GOLDEN_CASES) {
  const record = c.make();
  const { state } = replay(record);
  const file: GoldenFile = { name: c.name, description: c.description, regenerate: UPDATE_COMMAND, record, summary: summarize(state) };
  const path = join(here, `${c.name}.json`);
  writeFileSync(path, JSON.stringify(file, null, 1) + "\n");
  const s = file.summary;
  console.log(`${c.name}: ${s.ending} in round ${s.round}, scores ${JSON.stringify(s.scores)} → ${path}`);
}
