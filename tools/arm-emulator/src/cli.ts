#!/usr/bin/env node
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startArmEmulator } from "./startArmEmulator.js";

const USAGE = `arm-emulator: a local Azure Resource Manager for azkit samples and tests

Usage: pnpm --filter arm-emulator start -- [options]
  --port <n>              port (default 4000; 0 = any free port)
  --host <addr>           interface (default 127.0.0.1)
  --http                  plain HTTP instead of HTTPS
  --state <file>          keep state in this JSON file across restarts
  --lro-polls <n>         polls an LRO stays in progress (default 3)
  --retry-after <s>       Retry-After seconds on LRO responses (default 2)
  --page-size <n>         items per list page (default 100)
  --client-secret <s>     fixed client secret (default: random, or the one in --state)
  --verbose               log each request
  --help                  this text`;

// `pnpm start -- --port 4000` passes the `--` through.
const args = process.argv.slice(2);
if (args[0] === "--") args.shift();

const { values } = parseArgs({
  args,
  options: {
    port: { type: "string", default: "4000" },
    host: { type: "string", default: "127.0.0.1" },
    http: { type: "boolean", default: false },
    state: { type: "string" },
    "lro-polls": { type: "string", default: "3" },
    "retry-after": { type: "string", default: "2" },
    "page-size": { type: "string", default: "100" },
    "client-secret": { type: "string" },
    verbose: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const started = performance.now();
const emulator = await startArmEmulator({
  port: Number(values.port),
  host: values.host,
  https: !values.http,
  lro: { polls: Number(values["lro-polls"]), retryAfterSeconds: Number(values["retry-after"]) },
  pageSize: Number(values["page-size"]),
  ...(values.state ? { statePath: resolve(values.state) } : {}),
  ...(values["client-secret"] ? { clientSecret: values["client-secret"] } : {}),
  ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
});
// Before anything is printed: a supervisor may stop us as soon as it reads the banner.
const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const env = { ...emulator.env };
if (emulator.ca) {
  // Beside the state file (kept, like the certificate itself), else a temporary file.
  const caPath = values.state
    ? `${resolve(values.state)}.ca.pem`
    : join(tmpdir(), `arm-emulator-ca-${process.pid}.pem`);
  writeFileSync(caPath, emulator.ca);
  env.NODE_EXTRA_CA_CERTS = caPath;
  if (!values.state) process.on("exit", () => rmSync(caPath, { force: true }));
}
console.log(
  `# arm-emulator listening on ${emulator.url} (started in ${Math.round(performance.now() - started)} ms)`,
);
console.log("# paste into your shell (bash/zsh):");
for (const [k, v] of Object.entries(env)) console.log(`export ${k}=${JSON.stringify(v)}`);
