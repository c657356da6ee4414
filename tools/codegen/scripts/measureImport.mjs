#!/usr/bin/env node
// Import + construct time of a generated management client against its @azure/arm-* peer: the median
// of several fresh Node processes each, so module caches never help.
//   node tools/codegen/scripts/measureImport.mjs packages/mgmt-web [runs]
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const packageDir = resolve(process.argv[2] ?? ".");
const runs = Number(process.argv[3] ?? 9);
const config = JSON.parse(readFileSync(resolve(packageDir, "codegen.json"), "utf8"));
const pkg = JSON.parse(readFileSync(resolve(packageDir, "package.json"), "utf8"));
const peer = Object.keys(pkg.devDependencies ?? {}).find((name) => name.startsWith("@azure/arm-"));

function measure(specifier) {
  const script = `
    const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3600000 }) };
    const start = performance.now();
    const m = await import(${JSON.stringify(specifier)});
    new m[${JSON.stringify(config.clientName)}](credential, "00000000-0000-0000-0000-000000000000");
    process.stdout.write(String(performance.now() - start));`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(
      Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: packageDir })),
    );
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const ours = measure(pkg.name);
const theirs = peer ? measure(peer) : undefined;
console.log(
  `${pkg.name}: import + new ${config.clientName}() median of ${runs}: ${ours.toFixed(1)} ms` +
    (theirs === undefined ? "" : `; ${peer}: ${theirs.toFixed(1)} ms; ratio ${(ours / theirs).toFixed(2)}`),
);
