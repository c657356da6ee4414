// Starts a Node script as a child process that prints `LISTENING <port>` once ready. Servers live in
// their own process so the client CPU the bench reports (process.cpuUsage) is the client's alone.
import { spawn } from "node:child_process";

/**
 * @param {string[]} args node arguments (script and its options)
 * @param {{ ready: RegExp, cwd?: string, timeoutMs?: number }} options
 * @returns {Promise<{ match: RegExpMatchArray, stop: () => Promise<void> }>}
 */
export function startChild(args, { ready, cwd, timeoutMs = 60_000 }) {
  const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  // Whatever way the bench ends (even a crash), its servers end with it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  child.once("exit", () => process.off("exit", killOnExit));
  let output = "";
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${args.join(" ")} not ready after ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        child.stdout.resume();
        resolve({ match, stop });
      }
    };
    child.stdout.setEncoding("utf8").on("data", onData);
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(" ")} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}
