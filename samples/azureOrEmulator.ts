// The one file the samples share: where Azure is. Every sample reads its endpoints here, so the same
// sample runs unchanged against real Azure (set the variables below) or against the local emulators
// that `pnpm samples` starts (Azurite for Blob Storage, tools/arm-emulator for Resource Manager and
// Entra ID), which set the same variables for the samples' process.
//
//   AZURE_STORAGE_ACCOUNT_URL        https://<account>.blob.core.windows.net
//   AZURE_SUBSCRIPTION_ID            the subscription the management samples create resources in
//   AZURE_RESOURCE_MANAGER_ENDPOINT  optional (default https://management.azure.com)
//   AZURE_LOCATION                   optional (default westus)
//   DefaultAzureCredential's own: AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, or a
//   workload/managed identity, or `az login`.

/** The Blob Storage account URL (`AZURE_STORAGE_ACCOUNT_URL`). */
export function storageAccountUrl(): string {
  return required(
    "AZURE_STORAGE_ACCOUNT_URL",
    "your account's blob endpoint, e.g. https://myaccount.blob.core.windows.net",
  );
}

/** The subscription management samples work in (`AZURE_SUBSCRIPTION_ID`). */
export function subscriptionId(): string {
  return required("AZURE_SUBSCRIPTION_ID", "the id of the subscription to create sample resources in");
}

/** The Entra ID tenant (`AZURE_TENANT_ID`), which a Key Vault names as the one its users come from. */
export function tenantId(): string {
  return required("AZURE_TENANT_ID", "your Entra ID tenant's id (`az account show --query tenantId`)");
}

/** Azure Resource Manager's endpoint: public Azure unless `AZURE_RESOURCE_MANAGER_ENDPOINT` says otherwise. */
export function armEndpoint(): string {
  return process.env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? "https://management.azure.com";
}

/** Where sample resources go. */
export function location(): string {
  return process.env.AZURE_LOCATION ?? "westus";
}

/** True when the endpoints are the local emulators (loopback), false on real Azure. */
export function onEmulators(): boolean {
  const hosts = [process.env.AZURE_STORAGE_ACCOUNT_URL, process.env.AZURE_RESOURCE_MANAGER_ENDPOINT]
    .filter((url): url is string => url !== undefined)
    .map((url) => new URL(url).hostname);
  return hosts.length > 0 && hosts.every((host) => ["127.0.0.1", "localhost", "[::1]"].includes(host));
}

/** A name no earlier run used: real Azure keeps deleted vault names, and runs may overlap. */
export function uniqueName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * Arms a fault in the ARM emulator (its `/__emulator/faults` control endpoint), e.g. a 429 with
 * Retry-After; returns false on real Azure, which throttles only when it wants to.
 */
export async function injectArmFault(fault: {
  kind: "status" | "hang" | "reset";
  status?: number;
  retryAfterSeconds?: number;
  count?: number;
  methods?: string[];
  pathContains?: string;
}): Promise<boolean> {
  if (!onEmulators()) return false;
  const response = await fetch(`${armEndpoint()}/__emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`the ARM emulator refused the fault: ${await response.text()}`);
  return true;
}

function required(name: string, what: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `Set ${name} to ${what}, or run the samples with \`pnpm samples\`, which starts local emulators and sets it.`,
    );
  }
  return value;
}
