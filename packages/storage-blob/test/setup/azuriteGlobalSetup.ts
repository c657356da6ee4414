// Starts the real Azurite blob service (the `azurite` devDependency, pinned to 3.35.0) once per
// test run: strict mode, in memory, loopback only, on a port the OS picks. Tests read where it
// listens with `inject("azurite")`.
import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { TestProject } from "vitest/node";

/** Where the emulator listens, handed to tests. */
export interface AzuriteInfo {
  /** Blob endpoint including the account path, e.g. http://127.0.0.1:43225/devstoreaccount1 */
  blobUrl: string;
  accountName: string;
  accountKey: string;
  connectionString: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    azurite: AzuriteInfo;
  }
}

const ACCOUNT = "devstoreaccount1";
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

function azuriteBlobMain(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("azurite/package.json")), "dist/src/blob/main.js");
}

export async function startAzurite(): Promise<{ info: AzuriteInfo; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      azuriteBlobMain(),
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--inMemoryPersistence",
      "--silent",
      "--disableTelemetry",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        child.stdout?.off("data", onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`azurite exited with ${code} before listening:\n${out}`)));
    child.once("error", reject);
  });
  child.stdout?.resume();
  child.stderr?.resume();
  const blobUrl = `http://127.0.0.1:${port}/${ACCOUNT}`;
  const info: AzuriteInfo = {
    blobUrl,
    accountName: ACCOUNT,
    accountKey: KEY,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${blobUrl};`,
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    await exited;
  };
  return { info, stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { info, stop } = await startAzurite();
  project.provide("azurite", info);
  return stop;
}
