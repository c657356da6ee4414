// Samples run against real Azure when the usual environment variables are set, and otherwise
// against emulators started here and stopped after: no setup for someone trying azkit out.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startArmEmulator } from "arm-emulator";
import { startAzurite } from "azurite-runner";

export type Service = "storage" | "arm";

/** What `withServices` started; `armCaFile` is set when this process started an HTTPS ARM emulator. */
export interface StartedServices {
  armCaFile?: string;
}

/** An embedded ARM emulator, its environment (AZURE_*), and a PEM file for NODE_EXTRA_CA_CERTS. */
export async function startEmbeddedArm(): Promise<{
  env: Record<string, string>;
  caFile: string;
  stop: () => Promise<void>;
}> {
  // Few, short polls so the LRO samples finish in seconds; the pollers still honor Retry-After.
  const arm = await startArmEmulator({ port: 0, https: true, lro: { polls: 1, retryAfterSeconds: 1 } });
  const dir = mkdtempSync(join(tmpdir(), "azkit-samples-ca-"));
  const caFile = join(dir, "ca.pem");
  // NODE_EXTRA_CA_CERTS names one file: keep the CAs the user already trusts in it too.
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  writeFileSync(caFile, `${existing ? `${readFileSync(existing, "utf8")}\n` : ""}${arm.ca ?? ""}`);
  return {
    env: arm.env,
    caFile,
    stop: async () => {
      await arm.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `body` with every service in `needs` reachable, starting an emulator where none is configured. */
export async function withServices<T>(
  needs: readonly Service[],
  body: (started: StartedServices) => Promise<T>,
): Promise<T> {
  const stops: (() => Promise<void>)[] = [];
  const restoreEnv: [string, string | undefined][] = [];
  const setEnv = (name: string, value: string) => {
    restoreEnv.push([name, process.env[name]]);
    process.env[name] = value;
  };
  const started: StartedServices = {};
  try {
    const storageConfigured =
      process.env.AZURE_STORAGE_CONNECTION_STRING !== undefined ||
      process.env.AZURE_STORAGE_ACCOUNT_URL !== undefined;
    if (needs.includes("storage") && !storageConfigured) {
      const { info, stop } = await startAzurite();
      stops.push(stop);
      setEnv("AZURE_STORAGE_CONNECTION_STRING", info.connectionString);
      console.log(`(storage: embedded Azurite at ${info.blobUrl})`);
    }
    // A subscription id means real Azure (credentials from DefaultAzureCredential's usual sources).
    if (needs.includes("arm") && process.env.AZURE_SUBSCRIPTION_ID === undefined) {
      const arm = await startEmbeddedArm();
      stops.push(arm.stop);
      for (const [name, value] of Object.entries(arm.env)) setEnv(name, value);
      started.armCaFile = arm.caFile;
      console.log(`(arm: embedded ARM emulator at ${arm.env.AZURE_RESOURCE_MANAGER_ENDPOINT})`);
    }
    return await body(started);
  } finally {
    for (const [name, value] of restoreEnv.reverse()) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    for (const stop of stops.reverse()) await stop();
  }
}
