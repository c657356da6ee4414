// The harness side of azureOrEmulator.ts (samples never import this file): when no real Azure is
// configured, start the emulators and hand the samples the variables that point at them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loopbackCertificate, startArmEmulator } from "arm-emulator";
import { startAzurite } from "azurite-runner";

/** Real Azure when either of its variables is set; emulators otherwise. */
export function realAzureConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AZURE_SUBSCRIPTION_ID !== undefined || env.AZURE_STORAGE_ACCOUNT_URL !== undefined;
}

/** Started emulators: the environment the samples need (including NODE_EXTRA_CA_CERTS), and a stop. */
export interface EmbeddedEmulators {
  env: Record<string, string>;
  stop: () => Promise<void>;
}

/**
 * Starts the ARM emulator (Resource Manager and an Entra ID token endpoint) and Azurite, both over
 * HTTPS with one loopback certificate, Azurite accepting the emulator's bearer tokens: so
 * DefaultAzureCredential works against both, as against Azure.
 */
export async function startEmbeddedEmulators(): Promise<EmbeddedEmulators> {
  // Long-running operations answer 202 with Retry-After: 1 and are done at the first poll, so the
  // samples that start several finish in seconds (pollers still wait out each Retry-After).
  const [arm, azurite] = await Promise.all([
    startArmEmulator({ port: 0, https: true, lro: { polls: 0, retryAfterSeconds: 1 } }),
    loopbackCertificate().then((tls) => startAzurite({ oauth: tls })),
  ]);
  // Node reads NODE_EXTRA_CA_CERTS (one file) only at startup, so the samples run in a process started
  // with it; keep the CAs the user already trusts in that file too.
  const dir = mkdtempSync(join(tmpdir(), "azkit-samples-ca-"));
  const caFile = join(dir, "ca.pem");
  const existing = process.env.NODE_EXTRA_CA_CERTS;
  writeFileSync(caFile, `${existing ? `${readFileSync(existing, "utf8")}\n` : ""}${arm.ca ?? ""}`);
  return {
    env: { ...arm.env, AZURE_STORAGE_ACCOUNT_URL: azurite.info.blobUrl, NODE_EXTRA_CA_CERTS: caFile },
    stop: async () => {
      await Promise.all([arm.close(), azurite.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
