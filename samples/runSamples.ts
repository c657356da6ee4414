// Runs every sample, one after another, each service against real Azure when its environment
// variables are set (see storage-blob/connect.ts, resources/armClient.ts) and otherwise against an
// embedded emulator.
import { spawn } from "node:child_process";
import { withServices } from "./embeddedEmulators.js";
import { samples } from "./sampleList.js";

const needs = [...new Set(samples.flatMap((sample) => sample.needs))];
const exitCode = await withServices(needs, async ({ armCaFile }) => {
  // Node reads NODE_EXTRA_CA_CERTS only at startup, so to trust the embedded ARM emulator's CA the
  // samples run in a child process started with it (the emulators stay here): the samples carry no TLS code.
  if (armCaFile !== undefined) return runChild({ ...process.env, NODE_EXTRA_CA_CERTS: armCaFile });
  for (const sample of samples) {
    console.log(`\n== ${sample.name}`);
    const started = Date.now();
    await sample.run();
    console.log(`== ${sample.name}: ok (${Date.now() - started} ms)`);
  }
  console.log(`\n${samples.length} samples ran`);
  return 0;
});
process.exitCode = exitCode;

function runChild(env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env,
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
