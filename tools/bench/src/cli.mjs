// `pnpm bench` entry: node src/cli.mjs [--quick | --tiny] [--only id,id] [--out dir] [--wait-build seconds]
//   [--sides azkit,peer] (only these sides: e.g. to profile one SDK with --cpu-prof)
// Starts the servers it needs, runs the scenarios, prints the table and writes latest.md/latest.json.
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { profiles } from "./harness/profiles.mjs";
import { writeResults } from "./harness/report.mjs";
import { Resources } from "./harness/resources.mjs";
import { runScenario } from "./harness/runScenario.mjs";
import { scenarios } from "./scenarios/index.mjs";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    tiny: { type: "boolean", default: false },
    only: { type: "string" },
    out: { type: "string", default: fileURLToPath(new URL("../results", import.meta.url)) },
    "wait-build": { type: "string", default: "0" },
    sides: { type: "string" },
  },
});

const sizes = values.tiny ? profiles.tiny : values.quick ? profiles.quick : profiles.full;
const only = values.only?.split(",").filter(Boolean);
const sideKeys = values.sides?.split(",").filter(Boolean);
const selected = scenarios
  .filter((s) => !only || only.some((prefix) => s.id.startsWith(prefix)))
  .map((s) => (sideKeys ? { ...s, sides: s.sides.filter((side) => sideKeys.includes(side.key)) } : s));
const waitForBuildMs = Number(values["wait-build"]) * 1000;
const log = (line) => process.stderr.write(`${line}\n`);

const resources = new Resources();
const stop = async () => {
  await resources.stopAll();
  process.exit(130);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

const startedAt = new Date();
const t0 = performance.now();
const results = {
  mode: sizes.name,
  startedAt: startedAt.toISOString(),
  node: process.versions.node,
  cpus: cpus().length,
  seconds: 0,
  sizes,
  scenarios: [],
  skipped: [],
};
try {
  for (const scenario of selected) {
    if (scenario.enabled && !scenario.enabled(sizes)) {
      results.skipped.push({
        id: scenario.id,
        title: scenario.title,
        reason: `not run in ${sizes.name} mode`,
      });
      continue;
    }
    log(`- ${scenario.id}`);
    try {
      await resources.ensure(scenario.needs ?? []);
      results.scenarios.push(await runScenario(scenario, { env: resources.env, sizes, waitForBuildMs }, log));
      // Partial results survive a crash or Ctrl-C later in the run.
      results.seconds = (performance.now() - t0) / 1000;
      writeResults(values.out, results);
    } catch (e) {
      log(`  ${scenario.id} failed: ${e instanceof Error ? e.stack : e}`);
      results.skipped.push({ id: scenario.id, title: scenario.title, reason: `failed: ${e}` });
    }
  }
} finally {
  await resources.stopAll();
}
results.seconds = (performance.now() - t0) / 1000;
process.stdout.write(writeResults(values.out, results));
