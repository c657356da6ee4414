import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** An ARM emulator in a child process (sync clients block this thread, so the server must live elsewhere). */
export interface EmulatorProcess {
  env: Record<string, string>;
  stop(): void;
}

/** Starts tools/arm-emulator's CLI over plain HTTP on a free port (LROs in progress for two polls, lists paged by two) and reads the environment it prints. */
export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const require = createRequire(import.meta.url);
  const cli = join(dirname(require.resolve("arm-emulator/package.json")), "dist/cli.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "--port", "0", "--http", "--lro-polls", "2", "--retry-after", "0", "--page-size", "2"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const env: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    let text = "";
    child.once("exit", (code) => reject(new Error(`arm-emulator exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      for (const match of text.matchAll(/^export (\w+)=(".*")$/gm)) env[match[1]!] = JSON.parse(match[2]!);
      if (env.AZURE_SUBSCRIPTION_ID && env.AZURE_RESOURCE_MANAGER_ENDPOINT && env.AZURE_CLIENT_SECRET)
        resolve();
    });
  });
  return { env, stop: () => child.kill() };
}
