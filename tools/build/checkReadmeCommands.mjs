// Fails when .ci/run stops running the README's test command, or when the README's commands stop
// being runnable on a machine with only Node (they must go through corepack, pinned pnpm).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { readmeCommand } from "./readmeCommands.mjs";

const problems = [];
for (const which of ["samples", "test"]) {
  const command = readmeCommand(which);
  if (!/corepack pnpm/.test(command))
    problems.push(`the README ${which} command must run pnpm through corepack`);
  if (!/--frozen-lockfile/.test(command))
    problems.push(`the README ${which} command must install with --frozen-lockfile`);
}
const ci = readFileSync(resolve(import.meta.dirname, "../../.ci/run"), "utf8");
if (!/readmeCommands\.mjs test/.test(ci))
  problems.push(".ci/run must execute the README's test command (tools/build/readmeCommands.mjs test)");
if (problems.length > 0) {
  console.error(`README/CI commands drifted:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("README commands and .ci/run agree");
