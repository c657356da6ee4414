// `pnpm samples [name]`: runs every sample (or the one named, e.g. `uploadFile` or
// `storage-blob/uploadFile`) in order, against real Azure when its variables are set (see
// azureOrEmulator.ts) and otherwise against local emulators started here once and stopped after.
// Exits 0 only when every sample it ran passed.
import { spawn } from "node:child_process";
import { onEmulators } from "./azureOrEmulator.js";
import { realAzureConfigured, startEmbeddedEmulators } from "./embeddedEmulators.js";
import { type Sample, samples } from "./sampleList.js";

const wanted = process.argv[2];
const named = (s: Sample) => s.name === wanted || s.name.endsWith(`/${wanted}`);
const selected = wanted ? samples.filter(named) : samples;
if (selected.length === 0) {
  const names = samples.map((s) => s.name);
  console.error(`No sample is named '${wanted}'. The samples are:\n  ${names.join("\n  ")}`);
  process.exit(2);
}

if (realAzureConfigured()) {
  process.exitCode = await runSamples(selected);
} else {
  // Node reads NODE_EXTRA_CA_CERTS (to trust the emulators' certificate) only at startup: so the
  // samples run in a child process started with the emulators' variables, and the emulators stay here.
  const started = Date.now();
  const emulators = await startEmbeddedEmulators();
  console.log(
    `(emulators started in ${Date.now() - started} ms: ${emulators.env.AZURE_STORAGE_ACCOUNT_URL}, ${emulators.env.AZURE_RESOURCE_MANAGER_ENDPOINT})`,
  );
  try {
    process.exitCode = await runChild({ ...process.env, ...emulators.env });
  } finally {
    await emulators.stop();
  }
}

async function runSamples(list: readonly Sample[]): Promise<number> {
  console.log(`Running ${list.length} sample(s) against ${onEmulators() ? "the local emulators" : "Azure"}`);
  const results: { name: string; ok: boolean; ms: number }[] = [];
  for (const [index, sample] of list.entries()) {
    console.log(`\n== [${index + 1}/${list.length}] ${sample.name}: ${sample.shows}`);
    const started = performance.now();
    let ok = true;
    try {
      await sample.run();
    } catch (error) {
      ok = false;
      console.error(error);
    }
    const ms = Math.round(performance.now() - started);
    results.push({ name: sample.name, ok, ms });
    console.log(`== ${sample.name}: ${ok ? "ok" : "FAILED"} (${ms} ms)`);
  }
  const failed = results.filter((r) => !r.ok);
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`\n${"sample".padEnd(width)} result time`);
  for (const r of results) console.log(r.name.padEnd(width), r.ok ? "ok    " : "FAILED", `${r.ms} ms`);
  const total = results.reduce((sum, r) => sum + r.ms, 0);
  console.log(`${results.length - failed.length} of ${results.length} passed in ${total} ms`);
  return failed.length === 0 ? 0 : 1;
}

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
