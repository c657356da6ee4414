import { closeSyncBridge } from "@azkit/core-http";
import { ClientSecretCredential } from "@azkit/identity/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceGroup, ResourceManagementClient } from "../../src/sync.js";
import { type EmulatorProcess, startEmulatorProcess } from "mgmt-test-support/emulatorProcess";

// The sync client blocks this thread, so the emulator runs in a child process (over HTTP on loopback).
let emulator: EmulatorProcess;
let client: ResourceManagementClient;
let credential: ClientSecretCredential;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
  const env = emulator.env;
  credential = new ClientSecretCredential(
    env.AZURE_TENANT_ID!,
    env.AZURE_CLIENT_ID!,
    env.AZURE_CLIENT_SECRET!,
    {
      authorityHost: env.AZURE_AUTHORITY_HOST!,
    },
  );
  client = new ResourceManagementClient(credential, env.AZURE_SUBSCRIPTION_ID!, {
    endpoint: env.AZURE_RESOURCE_MANAGER_ENDPOINT!,
    allowInsecureConnection: true,
  });
});
afterAll(async () => {
  await closeSyncBridge();
  emulator?.stop();
});

describe("@azkit/mgmt-resources/sync", () => {
  it("runs the resource group flow without a Promise", () => {
    const inline = client.resourceGroups.createOrUpdate("sync-inline", { location: "westus" });
    expect(inline.name).toBe("sync-inline");
    const model = client.resourceGroups.createOrUpdate(
      "sync-model",
      new ResourceGroup({ location: "westus", tags: { a: "b" } }),
    );
    expect(model.tags).toEqual({ a: "b" });
    expect(client.resourceGroups.checkExistence("sync-model")).toEqual({ body: true });
    const names = [...client.resourceGroups.list()].map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(["sync-inline", "sync-model"]));
    const pages = [...client.resourceGroups.list().byPage({ maxPageSize: 1 })];
    expect(pages.every((p) => p.length <= 1)).toBe(true);
    const poller = client.resourceGroups.beginDelete("sync-inline", { updateIntervalInMs: 1 });
    poller.pollUntilDone();
    expect(poller.isDone()).toBe(true);
    client.resourceGroups.beginDeleteAndWait("sync-model", { updateIntervalInMs: 1 });
    expect(client.resourceGroups.checkExistence("sync-model")).toEqual({ body: false });
  });
});
