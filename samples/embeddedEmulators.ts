// Samples run against real Azure when the usual environment variables are set, and otherwise
// against emulators started here and stopped after: no setup for someone trying azkit out.
import { startAzurite } from "azurite-runner";

export type Service = "storage";

/** Runs `body` with every service in `needs` reachable, starting an emulator where none is configured. */
export async function withServices<T>(needs: readonly Service[], body: () => Promise<T>): Promise<T> {
  const stops: (() => Promise<void>)[] = [];
  const restoreEnv: [string, string | undefined][] = [];
  try {
    const storageConfigured =
      process.env.AZURE_STORAGE_CONNECTION_STRING !== undefined ||
      process.env.AZURE_STORAGE_ACCOUNT_URL !== undefined;
    if (needs.includes("storage") && !storageConfigured) {
      const { info, stop } = await startAzurite();
      stops.push(stop);
      restoreEnv.push(["AZURE_STORAGE_CONNECTION_STRING", undefined]);
      process.env.AZURE_STORAGE_CONNECTION_STRING = info.connectionString;
      console.log(`(storage: embedded Azurite at ${info.blobUrl})`);
    }
    return await body();
  } finally {
    for (const [name, value] of restoreEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    for (const stop of stops.reverse()) await stop();
  }
}
