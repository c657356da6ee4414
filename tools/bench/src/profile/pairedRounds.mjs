// The round runner of the profile scripts (mgmtCallCost, blobCallCost): each named side runs `calls`
// times a round, the sides one after another and in alternating order, so this shared machine's
// drift is common to the sides of one round; what is worth reading is the per-round comparison.
import { parseArgs } from "node:util";
import { median } from "../harness/stats.mjs";

/** The options every profile script takes, beside its own. */
export const pairedRoundOptions = {
  calls: { type: "string", default: "1000" },
  rounds: { type: "string", default: "5" },
  only: { type: "string" },
  ab: { type: "string" },
  "no-forced-gc": { type: "boolean", default: false },
  /** `--versus NAME`: also print each side minus NAME, the median of the per-round differences. */
  versus: { type: "string" },
};

/** Parses the process arguments: the paired-round options plus `extra`. */
export function parsePairedRoundArgs(extra = {}) {
  return parseArgs({ options: { ...pairedRoundOptions, ...extra } }).values;
}

/**
 * Runs the sides `--only` names (all by default) and prints CPU µs per call, median of rounds.
 * A full GC runs before each round (as in the bench) unless `--no-forced-gc`. `--ab VAR=VALUE`
 * runs each side without and with VAR set (a switch planted in a built dist) and prints the median
 * of the per-round ratios.
 * @param {Record<string, () => Promise<unknown>>} sides
 * @param {ReturnType<typeof parsePairedRoundArgs>} values
 * @param {number} [warmup] calls of each side before the first round
 */
export async function runPairedRounds(sides, values, warmup = 200) {
  const calls = Number(values.calls);
  const chosen = values.only ? values.only.split(",") : Object.keys(sides);
  const unknown = chosen.filter((name) => !sides[name]);
  if (values.versus !== undefined && !chosen.includes(values.versus)) unknown.push(values.versus);
  if (unknown.length > 0)
    throw new Error(`unknown side ${unknown.join(", ")}; sides: ${Object.keys(sides).join(", ")}`);
  for (const name of chosen) for (let i = 0; i < warmup; i++) await sides[name]();
  const [abVar, abValue] = values.ab ? values.ab.split("=") : [];
  const runs = chosen.flatMap((name) =>
    abVar
      ? [
          { label: name, name, env: undefined },
          { label: `${name} ${values.ab}`, name, env: abValue },
        ]
      : [{ label: name, name }],
  );
  const results = Object.fromEntries(runs.map((run) => [run.label, []]));
  const systems = Object.fromEntries(runs.map((run) => [run.label, []]));
  for (let r = 0; r < Number(values.rounds); r++) {
    const order = r % 2 === 1 ? [...runs].reverse() : runs;
    for (const run of order) {
      if (abVar) {
        if (run.env === undefined) delete process.env[abVar];
        else process.env[abVar] = run.env;
      }
      if (!values["no-forced-gc"]) globalThis.gc?.();
      const start = process.cpuUsage();
      for (let i = 0; i < calls; i++) await sides[run.name]();
      const used = process.cpuUsage(start);
      results[run.label].push((used.user + used.system) / calls);
      systems[run.label].push(used.system / calls);
    }
  }
  for (const { label } of runs) {
    console.log(
      `${label.padEnd(28)} ${median(results[label]).toFixed(1).padStart(8)} µs CPU/call, ${median(systems[label]).toFixed(1).padStart(7)} of it system  (rounds: ${results[label].map((x) => x.toFixed(0)).join(" ")})`,
    );
  }
  if (values.versus !== undefined) {
    const base = results[values.versus];
    for (const { label } of runs) {
      if (label === values.versus) continue;
      const differences = results[label].map((x, i) => x - base[i]);
      console.log(`${label} minus ${values.versus}: ${median(differences).toFixed(1)} µs (median per round)`);
    }
  }
  if (abVar) {
    for (const name of chosen) {
      const ratios = results[name].map((x, i) => results[`${name} ${values.ab}`][i] / x);
      console.log(
        `${name}: with ${values.ab} / without, median of per-round ratios ${median(ratios).toFixed(3)}`,
      );
    }
  }
  return results;
}
