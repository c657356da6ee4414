// Measures how long the emulator takes to start, in fresh processes (needs `pnpm run build` first):
// import + startArmEmulator() until listening, for HTTP, HTTPS with the per-user cached certificate,
// HTTPS on a machine's first start (empty TMPDIR: the certificate is generated), and the CLI.
// Usage: node scripts/measureStartup.mjs [runs=5]
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[2] ?? 5);

function inProcess(https, env = process.env) {
  const script = `
    const t0 = performance.now();
    const { startArmEmulator } = await import(${JSON.stringify(resolve(root, "dist/index.js"))});
    const arm = await startArmEmulator({ https: ${https} });
    console.log((performance.now() - t0).toFixed(1));
    await arm.close();`;
  return Number(
    execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", env }).trim(),
  );
}

function cli() {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [resolve(root, "dist/cli.js"), "--port", "0"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout.on("data", (chunk) => {
      if (String(chunk).includes("listening")) {
        resolvePromise(performance.now() - t0);
        child.kill();
      }
    });
    child.once("error", reject);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { http: [], https: [], "https-first": [], cli: [] };
for (let i = 0; i < runs; i++) {
  results.http.push(inProcess(false));
  results.https.push(inProcess(true));
  const empty = mkdtempSync(`${tmpdir()}/arm-emulator-measure-`);
  results["https-first"].push(inProcess(true, { ...process.env, TMPDIR: empty }));
  rmSync(empty, { recursive: true, force: true });
  results.cli.push(await cli());
}
for (const [name, xs] of Object.entries(results)) {
  console.log(
    `${name.padEnd(6)} median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (${runs} runs)`,
  );
}
