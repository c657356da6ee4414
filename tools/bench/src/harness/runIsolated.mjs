// Runs one side once in its own Node process (see childMain.mjs), so its CPU and peak RSS are its own.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { NotAvailableError } from "./notAvailable.mjs";

const childMain = fileURLToPath(new URL("./childMain.mjs", import.meta.url));

/** @returns {Promise<Record<string, number>>} */
export function runIsolated(scenarioId, sideKey, ctx) {
  return new Promise((resolve, reject) => {
    const profileDir = process.env.BENCH_CHILD_CPU_PROF;
    const execArgv = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const child = fork(childMain, [], { execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let reply;
    child.on("message", (m) => {
      reply = m;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (reply?.measurement) resolve(reply.measurement);
      else if (reply?.notAvailable) reject(new NotAvailableError(reply.notAvailable));
      else if (reply?.error) reject(new Error(`child failed: ${reply.error}`));
      else reject(new Error(`child exited (code ${code}, signal ${signal}) without a result`));
    });
    child.send({ scenarioId, sideKey, ctx });
  });
}
