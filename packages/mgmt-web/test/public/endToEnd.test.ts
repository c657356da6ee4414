import {
  createDefaultHttpClient,
  type DefaultHttpClient,
  isResourceExistsError,
  isResourceNotFoundError,
  isSerializationError,
  type PipelineRequest,
} from "@azkit/core-http";
import { ClientSecretCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServicePlan, Site, SiteConfig, WebSiteManagementClient } from "../../src/index.js";

// The usage guide's web app walkthrough against tools/arm-emulator over HTTPS, with a token from its
// token endpoint through ClientSecretCredential. Long-running operations answer "InProgress" for two
// polls (enough to take a resume token mid-operation); lists page by two, so byPage and nextLink are
// exercised with three apps.
let arm: ArmEmulator;
let httpClient: DefaultHttpClient;
let credential: ClientSecretCredential;
let resources: ResourceManagementClient;
let client: WebSiteManagementClient;
let plan: AppServicePlan;
const sent: PipelineRequest[] = [];
const group = "web-e2e";
const location = "westus";
const fast = { updateIntervalInMs: 1 };
const repoUrl = "https://github.com/Azure-Samples/python-docs-hello-world";

/** A client of the emulator that records every request it sends into `log`. */
function newClient(log: PipelineRequest[]): WebSiteManagementClient {
  const web = new WebSiteManagementClient(credential, arm.subscriptionId, { endpoint: arm.url, httpClient });
  web.pipeline.addPolicy({
    name: "recordRequests",
    sendRequest: (request, next) => {
      log.push(request);
      return next(request);
    },
  });
  return web;
}

const putBodies = (name: string) =>
  sent.filter((r) => r.method === "PUT" && r.url.includes(`/sites/${name}?`)).map((r) => String(r.body));

beforeAll(async () => {
  arm = await startArmEmulator({ https: true, lro: { polls: 2, retryAfterSeconds: 0 }, pageSize: 2 });
  httpClient = createDefaultHttpClient({ tlsSettings: { ca: arm.ca! } });
  credential = new ClientSecretCredential(arm.tenantId, arm.clientId, arm.clientSecret, {
    authorityHost: arm.authorityHost,
    httpClient,
  });
  resources = new ResourceManagementClient(credential, arm.subscriptionId, { endpoint: arm.url, httpClient });
  await resources.resourceGroups.createOrUpdate(group, { location });
  client = newClient(sent);
});
afterAll(async () => {
  await credential?.close();
  httpClient?.close();
  await arm?.close();
});

describe("WebSiteManagementClient: the web app walkthrough on the ARM emulator over HTTPS", () => {
  it("creates the App Service plan, iterating the poller's states with onProgress (beginCreateOrUpdate)", async () => {
    const poller = await client.appServicePlans.beginCreateOrUpdate(
      group,
      "web-e2e-plan",
      { location, reserved: true, sku: { name: "B1" } },
      fast,
    );
    // A classic begin* poller is not thenable: awaiting the Promise gave the poller, not the plan.
    expect("then" in poller).toBe(false);
    const progress: string[] = [];
    poller.onProgress((state) => progress.push(state.status));
    const iterated: string[] = [];
    for await (const state of poller) iterated.push(state.status);
    expect(iterated.at(-1)).toBe("succeeded");
    expect(iterated).toContain("running");
    expect(progress.at(-1)).toBe("succeeded");
    plan = poller.getResult()!;
    expect(plan.provisioningState).toBe("Succeeded");
    expect(plan.sku).toMatchObject({ name: "B1", tier: "Basic" });
    expect(plan.reserved).toBe(true);
    expect(plan.id).toBe(
      `/subscriptions/${arm.subscriptionId}/resourceGroups/${group}/providers/Microsoft.Web/serverfarms/web-e2e-plan`,
    );
  });

  it("creates a Python web app from new Site(...) by awaiting the thenable poller (createOrUpdate)", async () => {
    const poller = client.webApps.createOrUpdate(
      group,
      "web-e2e-models",
      new Site({
        location,
        serverFarmId: plan.id,
        siteConfig: new SiteConfig({ linuxFxVersion: "PYTHON|3.11" }),
      }),
      fast,
    );
    const site = await poller;
    expect(poller.isDone).toBe(true);
    expect(site).toMatchObject({
      name: "web-e2e-models",
      state: "Running",
      defaultHostName: "web-e2e-models.azurewebsites.net",
      kind: "app,linux",
      serverFarmId: plan.id,
    });
    expect(site.siteConfig?.linuxFxVersion).toBe("PYTHON|3.11");
    expect(site.outboundIpAddresses).toMatch(/^203\.0\.113\.\d+/);
  });

  it("sends the same body for inline JSON as for model objects (beginCreateOrUpdate + pollUntilDone)", async () => {
    const poller = await client.webApps.beginCreateOrUpdate(
      group,
      "web-e2e-inline",
      { location, serverFarmId: plan.id, siteConfig: { linuxFxVersion: "PYTHON|3.11" } },
      fast,
    );
    const site = await poller.pollUntilDone();
    expect(site.siteConfig?.linuxFxVersion).toBe("PYTHON|3.11");
    const [fromModels] = putBodies("web-e2e-models");
    const [inline] = putBodies("web-e2e-inline");
    expect(fromModels).toBeDefined();
    expect(inline).toBe(fromModels);
    // Flattened members go to the wire under properties, as the spec's x-ms-client-flatten says.
    expect(JSON.parse(inline!)).toEqual({
      location,
      properties: { serverFarmId: plan.id, siteConfig: { linuxFxVersion: "PYTHON|3.11" } },
    });
  });

  it("names the path of a wrong shape in a SerializationError and sends nothing", async () => {
    const before = sent.length;
    const error = await client.webApps
      .beginCreateOrUpdate(group, "web-e2e-bad", {
        location,
        serverFarmId: plan.id,
        siteConfig: "python|3.8",
      } as never)
      .catch((e: unknown) => e);
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("siteEnvelope.siteConfig");
    expect((error as Error).message).toContain('got the string "python|3.8"');
    // The thenable form fails through the poller (not by throwing from the call), also without a request.
    const thenable = await client.webApps
      .createOrUpdate(group, "web-e2e-bad", { location, siteConfig: "python|3.8" } as never)
      .catch((e: unknown) => e);
    expect(isSerializationError(thenable)).toBe(true);
    expect((thenable as Error).message).toContain("siteEnvelope.siteConfig");
    expect(sent.length).toBe(before);
  });

  it("resumes a create in a new client from a token taken mid-operation (resumeFrom and restoreFrom)", async () => {
    const body = { location, serverFarmId: plan.id, siteConfig: { linuxFxVersion: "PYTHON|3.11" } };
    const poller = await client.webApps.beginCreateOrUpdate(group, "web-e2e-resumed", body, fast);
    const state = await poller.poll();
    expect(state.status).toBe("running");
    const token = poller.toString();
    poller.stopPolling();
    expect(poller.isDone()).toBe(false);

    const resumedLog: PipelineRequest[] = [];
    const other = newClient(resumedLog);
    const resumed = await other.webApps.beginCreateOrUpdate(group, "web-e2e-resumed", body, {
      ...fast,
      resumeFrom: token,
    });
    const site = await resumed.pollUntilDone();
    expect(site.name).toBe("web-e2e-resumed");
    expect(site.state).toBe("Running");
    // The new client only polled: the create was not sent again.
    expect(resumedLog.length).toBeGreaterThan(0);
    expect(resumedLog.every((r) => r.method === "GET")).toBe(true);

    // The newer-generation name on the thenable form continues from the same token.
    const restored = await other.webApps.createOrUpdate(group, "web-e2e-resumed", body, {
      ...fast,
      restoreFrom: token,
    });
    expect(restored.name).toBe("web-e2e-resumed");
    expect(resumedLog.every((r) => r.method === "GET")).toBe(true);
  });

  it("updates the app settings and reads them back", async () => {
    const written = await client.webApps.updateApplicationSettings(group, "web-e2e-models", {
      properties: { GREETING: "hello", MODE: "emulated" },
    });
    expect(written.properties).toEqual({ GREETING: "hello", MODE: "emulated" });
    const read = await client.webApps.listApplicationSettings(group, "web-e2e-models");
    expect(read.properties).toEqual({ GREETING: "hello", MODE: "emulated" });
    const config = await client.webApps.getConfiguration(group, "web-e2e-models");
    expect(config.linuxFxVersion).toBe("PYTHON|3.11");
  });

  it("stops and starts the app", async () => {
    await client.webApps.stop(group, "web-e2e-models");
    expect((await client.webApps.get(group, "web-e2e-models")).state).toBe("Stopped");
    await client.webApps.start(group, "web-e2e-models");
    expect((await client.webApps.get(group, "web-e2e-models")).state).toBe("Running");
  });

  it("connects source control (long-running) and reads it back", async () => {
    const sourceControl = await client.webApps.beginCreateOrUpdateSourceControlAndWait(
      group,
      "web-e2e-models",
      { repoUrl, branch: "main", isManualIntegration: true },
      fast,
    );
    expect(sourceControl).toMatchObject({ repoUrl, branch: "main", isManualIntegration: true });
    expect((await client.webApps.getSourceControl(group, "web-e2e-models")).repoUrl).toBe(repoUrl);
  });

  it("lists the group's apps with for await and byPage", async () => {
    const names: string[] = [];
    for await (const site of client.webApps.listByResourceGroup(group)) names.push(site.name!);
    expect(names.sort()).toEqual(["web-e2e-inline", "web-e2e-models", "web-e2e-resumed"]);
    const pages: string[][] = [];
    for await (const page of client.webApps.listByResourceGroup(group).byPage()) {
      pages.push(page.map((s) => s.name!));
    }
    // The emulator pages by two: the iterator followed nextLink.
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat().sort()).toEqual(names.sort());
    const plans: string[] = [];
    for await (const p of client.appServicePlans.listByResourceGroup(group)) plans.push(p.name!);
    expect(plans).toEqual(["web-e2e-plan"]);
  });

  it("refuses to delete a plan that still has apps, then deletes the apps, the plan and the group", async () => {
    const conflict = await client.appServicePlans.delete(group, "web-e2e-plan").catch((e: unknown) => e);
    expect(isResourceExistsError(conflict)).toBe(true);
    expect((conflict as Error).message).toContain("cannot be deleted because it has web app(s)");

    for (const name of ["web-e2e-models", "web-e2e-inline", "web-e2e-resumed"]) {
      await client.webApps.delete(group, name);
    }
    const gone = await client.webApps.get(group, "web-e2e-models").catch((e: unknown) => e);
    expect(isResourceNotFoundError(gone)).toBe(true);
    await client.appServicePlans.delete(group, "web-e2e-plan");
    const planGone = await client.appServicePlans.get(group, "web-e2e-plan").catch((e: unknown) => e);
    expect(isResourceNotFoundError(planGone)).toBe(true);
    await resources.resourceGroups.beginDeleteAndWait(group, fast);
    expect(await resources.resourceGroups.checkExistence(group)).toEqual({ body: false });
  });
});
