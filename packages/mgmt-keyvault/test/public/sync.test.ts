import { closeSyncBridge, isResourceNotFoundError, isSerializationError } from "@azkit/core-http";
import { ClientSecretCredential } from "@azkit/identity/sync";
import { ResourceManagementClient } from "@azkit/mgmt-resources/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyVaultManagementClient, Sku, VaultProperties } from "../../src/sync.js";
import { type EmulatorProcess, startEmulatorProcess } from "mgmt-test-support/emulatorProcess";

// The sync client blocks this thread, so the emulator runs in a child process (over HTTP on loopback).
let emulator: EmulatorProcess;
let client: KeyVaultManagementClient;
let tenantId: string;
const fast = { updateIntervalInMs: 1 };

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  const env = emulator.env;
  tenantId = env.AZURE_TENANT_ID!;
  const credential = new ClientSecretCredential(tenantId, env.AZURE_CLIENT_ID!, env.AZURE_CLIENT_SECRET!, {
    authorityHost: env.AZURE_AUTHORITY_HOST!,
  });
  const options = { endpoint: env.AZURE_RESOURCE_MANAGER_ENDPOINT!, allowInsecureConnection: true };
  new ResourceManagementClient(credential, env.AZURE_SUBSCRIPTION_ID!, options).resourceGroups.createOrUpdate(
    "kv-sync",
    {
      location: "westus",
    },
  );
  client = new KeyVaultManagementClient(credential, env.AZURE_SUBSCRIPTION_ID!, options);
});
afterAll(async () => {
  await closeSyncBridge();
  emulator?.stop();
});

describe("@azkit/mgmt-keyvault/sync", () => {
  it("runs the vault flow without a Promise", () => {
    const properties = new VaultProperties({
      tenantId,
      sku: new Sku({ family: "A", name: "standard" }),
      accessPolicies: [],
    });
    const poller = client.vaults.beginCreateOrUpdate(
      "kv-sync",
      "kv-sync-1",
      { location: "westus", properties },
      fast,
    );
    const vault = poller.pollUntilDone();
    expect(vault.properties.provisioningState).toBe("Succeeded");
    expect(client.vaults.get("kv-sync", "kv-sync-1").name).toBe("kv-sync-1");
    const policies = client.vaults.updateAccessPolicy("kv-sync", "kv-sync-1", "add", {
      properties: {
        accessPolicies: [
          { tenantId, objectId: "00000000-0000-0000-0000-0000000000cc", permissions: { keys: ["list"] } },
        ],
      },
    });
    expect(policies.properties.accessPolicies.length).toBe(1);
    expect([...client.vaults.listByResourceGroup("kv-sync")].map((v) => v.name)).toEqual(["kv-sync-1"]);
    client.vaults.delete("kv-sync", "kv-sync-1");
    expect([...client.vaults.listDeleted()].map((d) => d.name)).toContain("kv-sync-1");
    client.vaults.beginPurgeDeletedAndWait("kv-sync-1", "westus", fast);
    let error: unknown;
    try {
      client.vaults.getDeleted("kv-sync-1", "westus");
    } catch (e) {
      error = e;
    }
    expect(isResourceNotFoundError(error)).toBe(true);
  });

  it("throws the same SerializationError for a wrong shape", () => {
    let error: unknown;
    try {
      client.vaults.beginCreateOrUpdateAndWait("kv-sync", "kv-bad", {
        location: "westus",
        properties: { tenantId, sku: "standard" },
      } as never);
    } catch (e) {
      error = e;
    }
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("parameters.properties.sku");
  });
});
