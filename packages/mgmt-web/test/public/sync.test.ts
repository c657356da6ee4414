import {
  closeSyncBridge,
  isResourceExistsError,
  isResourceNotFoundError,
  isSerializationError,
} from "@azkit/core-http";
import { ClientSecretCredential } from "@azkit/identity/sync";
import { ResourceManagementClient } from "@azkit/mgmt-resources/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServicePlan, Site, SiteConfig, WebSiteManagementClient } from "../../src/sync.js";
import { type EmulatorProcess, startEmulatorProcess } from "mgmt-test-support/emulatorProcess";

// The walkthrough of endToEnd.test.ts on the blocking surface. The sync client blocks this thread,
// so the emulator runs in a child process (over HTTP on loopback: the bridge's worker cannot be
// handed a CA object, and NODE_EXTRA_CA_CERTS is read only when a process starts).
let emulator: EmulatorProcess;
let credential: ClientSecretCredential;
let resources: ResourceManagementClient;
let client: WebSiteManagementClient;
let plan: AppServicePlan;
let clientOptions: { endpoint: string; allowInsecureConnection: true };
let subscriptionId: string;
const group = "web-sync";
const location = "westus";
const fast = { updateIntervalInMs: 1 };
const repoUrl = "https://github.com/Azure-Samples/python-docs-hello-world";

/** Runs `action` and returns what it threw. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

beforeAll(async () => {
  emulator = await startEmulatorProcess({ lroPolls: 2, pageSize: 2 });
  const env = emulator.env;
  subscriptionId = env.AZURE_SUBSCRIPTION_ID!;
  credential = new ClientSecretCredential(
    env.AZURE_TENANT_ID!,
    env.AZURE_CLIENT_ID!,
    env.AZURE_CLIENT_SECRET!,
    {
      authorityHost: env.AZURE_AUTHORITY_HOST!,
    },
  );
  clientOptions = { endpoint: env.AZURE_RESOURCE_MANAGER_ENDPOINT!, allowInsecureConnection: true };
  resources = new ResourceManagementClient(credential, subscriptionId, clientOptions);
  resources.resourceGroups.createOrUpdate(group, { location });
  client = new WebSiteManagementClient(credential, subscriptionId, clientOptions);
});
afterAll(async () => {
  await closeSyncBridge();
  emulator?.stop();
});

describe("@azkit/mgmt-web/sync: the web app walkthrough without a Promise", () => {
  it("creates the plan, iterating the states of the begin* poller with onProgress", () => {
    const poller = client.appServicePlans.beginCreateOrUpdate(
      group,
      "web-sync-plan",
      { location, reserved: true, sku: { name: "B1" } },
      fast,
    );
    const progress: string[] = [];
    poller.onProgress((state) => progress.push(state.status));
    const iterated: string[] = [];
    for (const state of poller) iterated.push(state.status);
    expect(iterated).toContain("running");
    expect(iterated.at(-1)).toBe("succeeded");
    expect(progress.at(-1)).toBe("succeeded");
    expect(poller.isDone()).toBe(true);
    plan = poller.getResult()!;
    expect(plan).toMatchObject({ name: "web-sync-plan", provisioningState: "Succeeded", reserved: true });
  });

  it("creates Python apps from new Site(...) (createOrUpdate's poller) and from inline JSON (begin*AndWait)", () => {
    const poller = client.webApps.createOrUpdate(
      group,
      "web-sync-models",
      new Site({
        location,
        serverFarmId: plan.id,
        siteConfig: new SiteConfig({ linuxFxVersion: "PYTHON|3.11" }),
      }),
      fast,
    );
    const site = poller.pollUntilDone();
    expect(poller.isDone).toBe(true);
    expect(site).toMatchObject({ name: "web-sync-models", state: "Running", kind: "app,linux" });
    expect(site.siteConfig?.linuxFxVersion).toBe("PYTHON|3.11");
    const inline = client.webApps.beginCreateOrUpdateAndWait(
      group,
      "web-sync-inline",
      { location, serverFarmId: plan.id, siteConfig: { linuxFxVersion: "PYTHON|3.11" } },
      fast,
    );
    expect(inline.siteConfig?.linuxFxVersion).toBe("PYTHON|3.11");
    expect(inline.serverFarmId).toBe(site.serverFarmId);
  });

  it("throws the path-naming SerializationError for a wrong shape", () => {
    const error = thrown(() =>
      client.webApps.beginCreateOrUpdate(group, "web-sync-bad", {
        location,
        siteConfig: "python|3.8",
      } as never),
    );
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("siteEnvelope.siteConfig: expected an object");
    expect(() => client.webApps.get(group, "web-sync-bad")).toThrow(/web-sync-bad/);
  });

  it("resumes a create in a new client from a token taken mid-operation", () => {
    const body = { location, serverFarmId: plan.id, siteConfig: { linuxFxVersion: "PYTHON|3.11" } };
    const poller = client.webApps.beginCreateOrUpdate(group, "web-sync-resumed", body, fast);
    expect(poller.poll().status).toBe("running");
    const token = poller.toString();
    poller.stopPolling();
    const other = new WebSiteManagementClient(credential, subscriptionId, clientOptions);
    const site = other.webApps
      .beginCreateOrUpdate(group, "web-sync-resumed", body, { ...fast, resumeFrom: token })
      .pollUntilDone();
    expect(site).toMatchObject({ name: "web-sync-resumed", state: "Running" });
  });

  it("updates and reads app settings, stops and starts, connects source control", () => {
    client.webApps.updateApplicationSettings(group, "web-sync-models", { properties: { MODE: "sync" } });
    expect(client.webApps.listApplicationSettings(group, "web-sync-models").properties).toEqual({
      MODE: "sync",
    });
    client.webApps.stop(group, "web-sync-models");
    expect(client.webApps.get(group, "web-sync-models").state).toBe("Stopped");
    client.webApps.start(group, "web-sync-models");
    expect(client.webApps.get(group, "web-sync-models").state).toBe("Running");
    const sourceControl = client.webApps
      .beginCreateOrUpdateSourceControl(
        group,
        "web-sync-models",
        { repoUrl, branch: "main", isManualIntegration: true },
        fast,
      )
      .result();
    expect(sourceControl.repoUrl).toBe(repoUrl);
    expect(client.webApps.getSourceControl(group, "web-sync-models").branch).toBe("main");
  });

  it("lists the group's apps as an iterable and by page", () => {
    const names = [...client.webApps.listByResourceGroup(group)].map((s) => s.name).sort();
    expect(names).toEqual(["web-sync-inline", "web-sync-models", "web-sync-resumed"]);
    const pages = [...client.webApps.listByResourceGroup(group).byPage()];
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
  });

  it("deletes the apps, the plan and the group", () => {
    expect(isResourceExistsError(thrown(() => client.appServicePlans.delete(group, "web-sync-plan")))).toBe(
      true,
    );
    for (const name of ["web-sync-models", "web-sync-inline", "web-sync-resumed"])
      client.webApps.delete(group, name);
    expect(isResourceNotFoundError(thrown(() => client.webApps.get(group, "web-sync-models")))).toBe(true);
    client.appServicePlans.delete(group, "web-sync-plan");
    resources.resourceGroups.beginDeleteAndWait(group, fast);
    expect(resources.resourceGroups.checkExistence(group)).toEqual({ body: false });
  });
});
