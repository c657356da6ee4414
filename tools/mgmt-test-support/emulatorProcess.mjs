import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Starts tools/arm-emulator's CLI over plain HTTP on a free port and reads the environment it prints.
 * @param {{ lroPolls?: number, pageSize?: number }} [options]
 */
export async function startEmulatorProcess(options = {}) {
  const args = ["--port", "0", "--http", "--lro-polls", String(options.lroPolls ?? 1), "--retry-after", "0"];
  if (options.pageSize !== undefined) args.push("--page-size", String(options.pageSize));
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve("arm-emulator/package.json")), "dist/cli.js");
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  /** @type {Record<string, string>} */
  const env = {};
  await new Promise((resolve, reject) => {
    let text = "";
    child.once("exit", (code) => reject(new Error(`arm-emulator exited with ${code}`)));
    child.stdout?.on("data", (chunk) => {
      text += chunk.toString("utf8");
      for (const match of text.matchAll(/^export (\w+)=(".*")$/gm)) env[match[1]] = JSON.parse(match[2]);
      if (env.AZURE_SUBSCRIPTION_ID && env.AZURE_RESOURCE_MANAGER_ENDPOINT && env.AZURE_CLIENT_SECRET)
        resolve();
    });
  });
  return { env, stop: () => child.kill() };
}
