// Where the time goes: summarizes V8 .cpuprofile files (from `node --cpu-prof`) by self time per
// package and per function. Usage:
//   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof src/cli.mjs --quick --only pipeline
//   node src/profile/summarizeProfile.mjs /tmp/prof [--top 25] [--filter @azkit]
// Isolated sides (transfers) run in child processes: set BENCH_CHILD_CPU_PROF=/tmp/prof to profile them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "25" }, filter: { type: "string" } },
});

/** Names the owner of a script URL: an npm package, an azkit workspace package, node itself, or the bench. */
export function ownerOf(url, functionName = "") {
  if (!url) return functionName.startsWith("(") ? functionName : "(native: syscalls, C++ builtins)";
  if (url.startsWith("node:")) return "node:internal";
  // pnpm's store path names the exact version, which tells apart two copies (e.g. fast-xml-parser).
  const store = url.match(/\/node_modules\/\.pnpm\/([^/]+)\//);
  if (store) return store[1].replace(/_.*$/, "").replace(/^@([^+]+)\+/, "@$1/");
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = url.match(/\/packages\/([^/]+)\//);
  if (workspace) return `@azkit/${workspace[1]}`;
  if (url.includes("/tools/bench/")) return "bench";
  return url;
}

export function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const byOwner = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    const owner = ownerOf(callFrame.url, callFrame.functionName);
    const name = callFrame.functionName || "(anonymous)";
    total += micros;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    const file = callFrame.url.split("/").slice(-1)[0];
    const key = `${owner} ${name} ${file}:${callFrame.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  return { total, byOwner, byFunction };
}

function print(title, map, total, top, filter) {
  console.log(`\n${title}`);
  const rows = [...map].filter(([k]) => !filter || k.includes(filter)).sort((a, b) => b[1] - a[1]);
  for (const [key, micros] of rows.slice(0, top)) {
    console.log(
      `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = positionals[0] ?? ".";
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => join(target, f))
    : [target];
  for (const file of files) {
    const { total, byOwner, byFunction } = summarize(JSON.parse(readFileSync(file, "utf8")));
    console.log(`# ${file}: ${(total / 1000).toFixed(0)} ms sampled`);
    print("self time by package", byOwner, total, Number(values.top), values.filter);
    print("self time by function", byFunction, total, Number(values.top), values.filter);
  }
}
