import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, RG_API, WEB_API } from "../helpers.js";

describe("Microsoft.Web sites, configuration and slots", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const base = () => `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web`;
  const app = (tail = "", api = WEB_API) => `${base()}/sites/app1${tail}?${api}`;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 1 } });
    c = await armCaller(arm);
  });
  beforeEach(async () => {
    arm.reset();
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
    await c.call("PUT", `${base()}/serverfarms/plan1?${WEB_API}`, {
      location: "westus",
      sku: { name: "P1v3" },
    });
    await c.call("PUT", app(), {
      location: "westus",
      properties: {
        serverFarmId: "plan1",
        siteConfig: { appSettings: [{ name: "FROM_CREATE", value: "1" }], alwaysOn: true },
      },
    });
  });
  afterAll(() => arm.close());

  it("creates a site with 202, the body and Azure-AsyncOperation, and the properties App Service computes", async () => {
    const created = await c.call("PUT", `${base()}/sites/app2?${WEB_API}`, {
      location: "West US",
      properties: { serverFarmId: `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web/serverfarms/plan1` },
    });
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({
      name: "app2",
      type: "Microsoft.Web/sites",
      kind: "app",
      location: "West US",
      properties: {
        state: "Running",
        enabled: true,
        usageState: "Normal",
        availabilityState: "Normal",
        defaultHostName: "app2.azurewebsites.net",
        hostNames: ["app2.azurewebsites.net"],
        enabledHostNames: ["app2.azurewebsites.net", "app2.scm.azurewebsites.net"],
        resourceGroup: "rg1",
        sku: "PremiumV3",
        siteConfig: { numberOfWorkers: 1, minTlsVersion: "1.2", linuxFxVersion: "" },
      },
    });
    expect(created.json.properties.possibleOutboundIpAddresses).toContain(
      created.json.properties.outboundIpAddresses,
    );
    const status = created.headers["azure-asyncoperation"]!;
    expect(status).toContain(`/providers/Microsoft.Web/sites/app2/operationResults/`);
    expect((await c.call("GET", status)).json.status).toBe("InProgress");
    expect((await c.call("GET", status)).json.status).toBe("Succeeded");
    const plan = await c.call("GET", `${base()}/serverfarms/plan1?${WEB_API}`);
    expect(plan.json.properties.numberOfSites).toBe(2);
    expect((await c.call("PUT", app(), { location: "westus", properties: {} })).status).toBe(200);
  });

  it("scaling a plan with PUT derives the workers from the new SKU; writable settings are kept", async () => {
    const plan = `${base()}/serverfarms/plan1?${WEB_API}`;
    await c.call("PUT", plan, {
      location: "westus",
      sku: { name: "B1" },
      properties: { perSiteScaling: true },
    });
    const scaled = await c.call("PUT", plan, { location: "westus", sku: { name: "P1v3", capacity: 3 } });
    expect(scaled.status).toBe(200);
    expect(scaled.json.sku).toEqual({
      name: "P1v3",
      tier: "PremiumV3",
      size: "P1v3",
      family: "Pv3",
      capacity: 3,
    });
    expect(scaled.json.properties).toMatchObject({
      maximumNumberOfWorkers: 30,
      numberOfWorkers: 3,
      perSiteScaling: true,
      numberOfSites: 1,
    });
  });

  it("validates site bodies against the spec, naming the path", async () => {
    const wrong = await c.call("PUT", `${base()}/sites/app3?${WEB_API}`, {
      location: "westus",
      properties: { serverFarmId: "plan1", siteConfig: "python|3.8" },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.code).toBe("InvalidRequestContent");
    expect(wrong.json.error.message).toContain("Path 'properties.siteConfig'");
    const badConfig = await c.call("PATCH", app("/config/web"), { properties: { numberOfWorkers: "two" } });
    expect(badConfig.json.error.details[0].target).toBe("properties.numberOfWorkers");
    const badSettings = await c.call("PUT", app("/config/appsettings"), { properties: { A: 1 } });
    expect(badSettings.json.error.details[0].target).toBe("properties.A");
  });

  it("site names are global (409), a missing plan is App Service's 404", async () => {
    await c.call("PUT", `${c.sub}/resourcegroups/rg2?${RG_API}`, { location: "westus" });
    const taken = await c.call(
      "PUT",
      `${c.sub}/resourceGroups/rg2/providers/Microsoft.Web/sites/APP1?${WEB_API}`,
      { location: "westus", properties: { serverFarmId: `${base()}/serverfarms/plan1` } },
    );
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toBe("Website with given name APP1 already exists.");
    const noPlan = await c.call("PUT", `${base()}/sites/app9?${WEB_API}`, { location: "westus" });
    expect(noPlan.status).toBe(404);
  });

  it("config/web: GET, PATCH and PUT update the members given; the site's siteConfig follows", async () => {
    const got = await c.call("GET", app("/config/web"));
    expect(got.json).toMatchObject({
      id: `${base()}/sites/app1/config/web`,
      name: "web",
      type: "Microsoft.Web/sites/config",
      properties: { alwaysOn: true, ftpsState: "AllAllowed" },
    });
    expect(got.json.properties.appSettings).toBeUndefined();
    await c.call("PATCH", app("/config/web"), { properties: { linuxFxVersion: "PYTHON|3.11" } });
    const put = await c.call("PUT", app("/config/web"), { properties: { http20Enabled: true } });
    expect(put.json.properties).toMatchObject({
      linuxFxVersion: "PYTHON|3.11",
      http20Enabled: true,
      alwaysOn: true,
    });
    expect((await c.call("GET", app())).json.properties.siteConfig.linuxFxVersion).toBe("PYTHON|3.11");
    const list = await c.call("GET", app("/config"));
    expect(list.json.value.map((v: { name: string }) => v.name)).toEqual(["web"]);
  });

  it("app settings and connection strings: PUT replaces, POST .../list reads back", async () => {
    const initial = await c.call("POST", app("/config/appsettings/list"));
    expect(initial.json.properties).toEqual({ FROM_CREATE: "1" });
    const put = await c.call("PUT", app("/config/appsettings"), { properties: { A: "1", B: "2" } });
    expect(put.json).toMatchObject({ name: "appsettings", properties: { A: "1", B: "2" } });
    expect((await c.call("POST", app("/config/appsettings/list"))).json.properties).toEqual({
      A: "1",
      B: "2",
    });

    const strings = { Db: { value: "Server=x;Database=y", type: "SQLAzure" } };
    expect((await c.call("PUT", app("/config/connectionstrings"), { properties: strings })).status).toBe(200);
    const read = await c.call("POST", app("/config/connectionstrings/list"));
    expect(read.json).toMatchObject({ name: "connectionstrings", properties: strings });
    const badType = await c.call("PUT", app("/config/connectionstrings"), {
      properties: { Db: { value: "x", type: "Oracle" } },
    });
    expect(badType.status).toBe(400);
  });

  it("stop and start change state; restart answers 200; a missing site is 404", async () => {
    expect((await c.call("POST", app("/stop"))).status).toBe(200);
    expect((await c.call("GET", app())).json.properties.state).toBe("Stopped");
    expect((await c.call("POST", app("/start"))).status).toBe(200);
    expect((await c.call("GET", app())).json.properties.state).toBe("Running");
    expect((await c.call("POST", app("/restart"))).status).toBe(200);
    const missing = await c.call("POST", `${base()}/sites/nope/stop?${WEB_API}`);
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe("ResourceNotFound");
  });

  it("slots: create from the site's config, get, list, slot config, swap keeping sticky settings, delete", async () => {
    const slot = (tail = "") => app(`/slots/staging${tail}`);
    const created = await c.call("PUT", slot(), { location: "westus", properties: {} });
    expect(created.status).toBe(202);
    expect(created.json).toMatchObject({
      name: "app1/staging",
      type: "Microsoft.Web/sites/slots",
      properties: { defaultHostName: "app1-staging.azurewebsites.net", siteConfig: { alwaysOn: true } },
    });
    expect((await c.call("GET", slot())).json.properties.serverFarmId).toContain("/serverfarms/plan1");
    const list = await c.call("GET", app("/slots"));
    expect(list.json.value.map((s: { name: string }) => s.name)).toEqual(["app1/staging"]);
    const withSlots = await c.call("GET", `${base()}/sites?${WEB_API}&includeSlots=true`);
    expect(withSlots.json.value).toHaveLength(2);
    expect((await c.call("GET", `${base()}/sites?${WEB_API}`)).json.value).toHaveLength(1);

    await c.call("PUT", app("/config/appsettings"), { properties: { VERSION: "1", ENV: "prod" } });
    await c.call("PUT", slot("/config/appsettings"), { properties: { VERSION: "2", ENV: "staging" } });
    await c.call("PATCH", slot("/config/web"), { properties: { linuxFxVersion: "PYTHON|3.12" } });
    const sticky = await c.call("PUT", app("/config/slotConfigNames"), {
      properties: { appSettingNames: ["ENV"] },
    });
    expect(sticky.json.properties.appSettingNames).toEqual(["ENV"]);

    const swap = await c.call("POST", app("/slotsswap"), { targetSlot: "staging", preserveVnet: true });
    expect(swap.status).toBe(202);
    let poll = await c.call("GET", swap.headers.location!);
    expect(poll.status).toBe(202);
    poll = await c.call("GET", swap.headers.location!);
    expect(poll.status).toBe(200);
    expect((await c.call("POST", app("/config/appsettings/list"))).json.properties).toEqual({
      VERSION: "2",
      ENV: "prod",
    });
    expect((await c.call("POST", slot("/config/appsettings/list"))).json.properties).toEqual({
      VERSION: "1",
      ENV: "staging",
    });
    expect((await c.call("GET", app("/config/web"))).json.properties.linuxFxVersion).toBe("PYTHON|3.12");

    // Swap with preview: the slot takes production's sticky ENV until reset.
    await c.call("POST", slot("/applySlotConfig"), { targetSlot: "production", preserveVnet: true });
    expect((await c.call("POST", slot("/config/appsettings/list"))).json.properties.ENV).toBe("prod");
    await c.call("POST", slot("/resetSlotConfig"));
    expect((await c.call("POST", slot("/config/appsettings/list"))).json.properties.ENV).toBe("staging");

    expect((await c.call("DELETE", slot())).status).toBe(200);
    expect((await c.call("GET", slot())).status).toBe(404);
    expect((await c.call("DELETE", slot())).status).toBe(204);
  });

  it("source control: unconfigured reads empty; PUT is an LRO (202 + Azure-AsyncOperation); DELETE", async () => {
    expect((await c.call("GET", app("/sourcecontrols/web"))).json.properties).toMatchObject({
      repoUrl: null,
    });
    const put = await c.call("PUT", app("/sourcecontrols/web"), {
      properties: { repoUrl: "https://github.com/example/app", branch: "main", isManualIntegration: true },
    });
    expect(put.status).toBe(202);
    expect(put.json).toMatchObject({
      name: "web",
      type: "Microsoft.Web/sites/sourcecontrols",
      properties: { repoUrl: "https://github.com/example/app", branch: "main" },
    });
    const status = put.headers["azure-asyncoperation"]!;
    expect((await c.call("GET", status)).json.status).toBe("InProgress");
    expect((await c.call("GET", status)).json.status).toBe("Succeeded");
    expect((await c.call("GET", app("/sourcecontrols/web"))).json.properties.repoUrl).toBe(
      "https://github.com/example/app",
    );
    expect((await c.call("GET", app("/config/web"))).json.properties.scmType).toBe("ExternalGit");
    expect((await c.call("DELETE", app("/sourcecontrols/web"))).status).toBe(200);
    expect((await c.call("GET", app("/sourcecontrols/web"))).json.properties.repoUrl).toBeNull();
  });

  it("publishing credentials (200 User) and the publishing profile as application/xml", async () => {
    const user = await c.call("POST", app("/config/publishingcredentials/list"));
    expect(user.status).toBe(200);
    expect(user.json.properties.publishingUserName).toBe("$app1");
    expect(user.json.properties.scmUri).toBe(
      `https://$app1:${user.json.properties.publishingPassword}@app1.scm.azurewebsites.net`,
    );
    const xml = await c.call("POST", app("/publishxml"), { format: "WebDeploy" });
    expect(xml.status).toBe(200);
    expect(xml.headers["content-type"]).toBe("application/xml");
    expect(xml.text).toContain('publishMethod="MSDeploy"');
    expect(xml.text).toContain(`userPWD="${user.json.properties.publishingPassword}"`);
    const zilla = await c.call("POST", app("/publishxml"), { format: "FileZilla3" });
    expect(zilla.text).toContain("<FileZilla3");
  });

  it("keeps auth settings (secrets only on the list read), storage mounts (no keys) and publishing policies", async () => {
    const v2 = {
      properties: {
        platform: { enabled: true },
        identityProviders: {
          azureActiveDirectory: { registration: { clientId: "c", clientSecret: "s3cret" } },
        },
      },
    };
    expect((await c.call("PUT", app("/config/authsettingsV2"), v2)).status).toBe(200);
    const withSecrets = await c.call("GET", app("/config/authsettingsV2/list"));
    expect(withSecrets.json.properties.identityProviders.azureActiveDirectory.registration.clientSecret).toBe(
      "s3cret",
    );
    const without = await c.call("GET", app("/config/authsettingsV2"));
    expect(without.json.properties.identityProviders.azureActiveDirectory.registration).toEqual({
      clientId: "c",
    });
    await c.call("PUT", app("/config/authsettings"), {
      properties: { enabled: true, defaultProvider: "Google" },
    });
    expect((await c.call("POST", app("/config/authsettings/list"))).json.properties.defaultProvider).toBe(
      "Google",
    );

    const mounts = {
      m1: { type: "AzureFiles", accountName: "sa", shareName: "s", accessKey: "k", mountPath: "/m" },
    };
    const put = await c.call("PUT", app("/config/azurestorageaccounts"), { properties: mounts });
    expect(put.json.properties.m1).toEqual({
      type: "AzureFiles",
      accountName: "sa",
      shareName: "s",
      mountPath: "/m",
      state: "Ok",
    });
    expect(
      (await c.call("GET", app("/config/web"))).json.properties.azureStorageAccounts.m1.accessKey,
    ).toBeUndefined();

    expect((await c.call("GET", app("/basicPublishingCredentialsPolicies/ftp"))).json.properties.allow).toBe(
      true,
    );
    await c.call("PUT", app("/basicPublishingCredentialsPolicies/ftp"), { properties: { allow: false } });
    const policies = await c.call("GET", app("/basicPublishingCredentialsPolicies"));
    expect(
      policies.json.value.map((p: { name: string; properties: { allow: boolean } }) => [
        p.name,
        p.properties.allow,
      ]),
    ).toEqual([
      ["ftp", false],
      ["scm", true],
    ]);
  });

  it("backups: POST backup is InProgress, then Succeeded; secrets only on .../list; restore is an LRO; delete", async () => {
    const taken = await c.call("POST", app("/backup"), {
      properties: {
        storageAccountUrl: "https://sa.blob.core.windows.net/backups?sv=1&sig=secret",
        backupName: "b1",
      },
    });
    expect(taken.status).toBe(200);
    expect(taken.json.properties).toMatchObject({ id: 1, name: "b1", status: "InProgress" });
    expect(taken.json.properties.storageAccountUrl).toBe("https://sa.blob.core.windows.net/backups");
    const read = async () => (await c.call("GET", app("/backups/1"))).json.properties;
    expect((await read()).status).toBe("InProgress");
    expect((await read()).status).toBe("Succeeded");
    const secrets = await c.call("POST", app("/backups/1/list"));
    expect(secrets.json.properties.storageAccountUrl).toContain("sig=secret");
    const listed = await c.call("GET", app("/backups"));
    expect(listed.json.value.map((b: { properties: { id: number } }) => b.properties.id)).toEqual([1]);
    const restore = await c.call("POST", app("/backups/1/restore"), {
      properties: {
        storageAccountUrl: "https://sa.blob.core.windows.net/backups?sig=secret",
        overwrite: true,
      },
    });
    expect(restore.status).toBe(202);
    await c.call("GET", restore.headers["azure-asyncoperation"]!);
    expect((await c.call("GET", restore.headers["azure-asyncoperation"]!)).json.status).toBe("Succeeded");
    expect((await read()).lastRestoreTimeStamp).toMatch(/^\d{4}-/);
    expect((await c.call("DELETE", app("/backups/1"))).status).toBe(200);
    expect((await c.call("DELETE", app("/backups/1"))).status).toBe(404);
  });

  it("Key Vault references in app settings resolve against the emulated vaults and the app's identity", async () => {
    await c.call("PUT", app("/config/appsettings"), {
      properties: {
        DB: "@Microsoft.KeyVault(SecretUri=https://kv1.vault.azure.net/secrets/db/)",
        BROKEN: "@Microsoft.KeyVault(nonsense)",
        PLAIN: "x",
      },
    });
    const status = async (key: string) =>
      (await c.call("GET", app(`/config/configreferences/appsettings/${key}`))).json.properties.status;
    expect(await status("DB")).toBe("MSINotEnabled");
    expect(await status("BROKEN")).toBe("InvalidSyntax");
    expect((await c.call("GET", app("/config/configreferences/appsettings/PLAIN"))).status).toBe(404);
    await c.call("PATCH", app(), { identity: { type: "SystemAssigned" } });
    expect(await status("DB")).toBe("VaultNotFound");
    await c.call(
      "PUT",
      `${c.sub}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1?api-version=2025-05-01`,
      {
        location: "westus",
        properties: { tenantId: arm.tenantId, sku: { family: "A", name: "standard" }, accessPolicies: [] },
      },
    );
    const db = (await c.call("GET", app("/config/configreferences/appsettings/DB"))).json.properties;
    expect(db).toMatchObject({ status: "Resolved", vaultName: "kv1", secretName: "db", source: "KeyVault" });
    const all = await c.call("GET", app("/config/configreferences/appsettings"));
    expect(all.json.value.map((v: { name: string }) => v.name)).toEqual(["BROKEN", "DB"]);
    await c.call("PUT", app("/config/connectionstrings"), {
      properties: { Main: { value: "@Microsoft.KeyVault(VaultName=kv1;SecretName=conn)", type: "SQLAzure" } },
    });
    const conn = await c.call("GET", app("/config/configreferences/connectionstrings/Main"));
    expect(conn.json).toMatchObject({
      name: "Main",
      properties: { status: "Resolved", vaultName: "kv1", secretName: "conn" },
    });
  });

  it("a clone takes its source's plan, configuration and settings, with the overrides", async () => {
    const cloned = await c.call("PUT", `${base()}/sites/copy1?${WEB_API}`, {
      location: "westus",
      properties: {
        cloningInfo: { sourceWebAppId: `${base()}/sites/app1`, appSettingsOverrides: { EXTRA: "2" } },
      },
    });
    expect(cloned.status).toBe(202);
    expect(cloned.json.properties.serverFarmId).toBe(`${base()}/serverfarms/plan1`);
    expect(cloned.json.properties.cloningInfo).toBeUndefined();
    expect(cloned.json.properties.siteConfig.alwaysOn).toBe(true);
    const settings = await c.call("POST", `${base()}/sites/copy1/config/appsettings/list?${WEB_API}`);
    expect(settings.json.properties).toEqual({ FROM_CREATE: "1", EXTRA: "2" });
    const missing = await c.call("PUT", `${base()}/sites/copy2?${WEB_API}`, {
      location: "westus",
      properties: { cloningInfo: { sourceWebAppId: `${base()}/sites/nope` } },
    });
    expect(missing.status).toBe(404);
  });

  it("deleting the last site with deleteEmptyServerFarm=true also deletes its plan", async () => {
    expect((await c.call("DELETE", `${app()}&deleteEmptyServerFarm=true`)).status).toBe(200);
    expect((await c.call("GET", `${base()}/serverfarms/plan1?${WEB_API}`)).status).toBe(404);
  });

  it("answers unserved Microsoft.Web operations with 501 naming the operation, unknown paths with 404", async () => {
    const logs = await c.call("GET", app("/config/logs"));
    expect(logs.status).toBe(501);
    expect(logs.json.error.code).toBe("NotImplemented");
    expect(logs.json.error.message).toContain("WebApps_GetDiagnosticLogsConfiguration");
    const hostNames = await c.call("GET", app("/hostNameBindings"));
    expect(hostNames.json.error.message).toContain("WebApps_ListHostNameBindings");
    const unknown = await c.call("GET", app("/nothing/here"));
    expect(unknown.status).toBe(404);
  });

  it("accepts 2025-05-01 (the official client's default) and older recorded versions", async () => {
    expect((await c.call("GET", app("", "api-version=2025-05-01"))).status).toBe(200);
    expect((await c.call("GET", app("", "api-version=2022-03-01"))).status).toBe(200);
    const refused = await c.call("GET", app("", "api-version=2022-09-01"));
    expect(refused.json.error.code).toBe("NoRegisteredProviderFound");
  });

  it("an lroFailure fault fails a site create on its status URL and leaves no site", async () => {
    arm.injectFault({ kind: "lroFailure", methods: ["PUT"], pathContains: "/sites/doomed" });
    const created = await c.call("PUT", `${base()}/sites/doomed?${WEB_API}`, {
      location: "westus",
      properties: { serverFarmId: "plan1" },
    });
    expect(created.status).toBe(202);
    const status = created.headers["azure-asyncoperation"]!;
    await c.call("GET", status);
    const failed = await c.call("GET", status);
    expect(failed.json).toMatchObject({ status: "Failed", error: { code: "ProvisioningFailed" } });
    expect((await c.call("GET", `${base()}/sites/doomed?${WEB_API}`)).status).toBe(404);
  });
});

describe("Microsoft.Web without LRO delay (lro.polls: 0)", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 0 } });
    c = await armCaller(arm);
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("answers a create that completed at once with 200 (the spec's other answer) and fills the identity", async () => {
    const base = `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web`;
    const plan = await c.call("PUT", `${base}/serverfarms/p?${WEB_API}`, { location: "westus" });
    expect(plan.status).toBe(200);
    expect(plan.headers["azure-asyncoperation"]).toBeUndefined();
    expect(plan.json.properties.provisioningState).toBe("Succeeded");
    const site = await c.call("PUT", `${base}/sites/idapp?${WEB_API}`, {
      location: "westus",
      identity: { type: "SystemAssigned" },
      properties: { serverFarmId: "p" },
    });
    expect(site.status).toBe(200);
    expect(site.json.identity).toMatchObject({ type: "SystemAssigned", tenantId: arm.tenantId });
    expect(site.json.identity.principalId).toMatch(/^[0-9a-f-]{36}$/);
    const again = await c.call("PATCH", `${base}/sites/idapp?${WEB_API}`, {
      properties: { httpsOnly: true },
    });
    expect(again.json.identity.principalId).toBe(site.json.identity.principalId);
  });
});

describe("Microsoft.Web state across a restart (statePath)", () => {
  const dir = mkdtempSync(join(tmpdir(), "arm-emulator-web-state-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps plans, apps, their configuration, settings, source control and backups", async () => {
    const statePath = join(dir, "state.json");
    const first = await startArmEmulator({ https: false, statePath, lro: { polls: 3 } });
    const c1 = await armCaller(first);
    const base = `${c1.sub}/resourceGroups/rg1/providers/Microsoft.Web`;
    const site = (tail: string) => `${base}/sites/kept${tail}?${WEB_API}`;
    await c1.call("PUT", `${c1.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
    await c1.call("PUT", `${base}/serverfarms/p?${WEB_API}`, { location: "westus" });
    await c1.call("PUT", site(""), {
      location: "westus",
      properties: { serverFarmId: "p", siteConfig: { linuxFxVersion: "NODE|20-lts" } },
    });
    await c1.call("PUT", site("/config/appsettings"), { properties: { K: "v" } });
    await c1.call("PUT", site("/sourcecontrols/web"), {
      properties: { repoUrl: "https://github.com/example/kept", branch: "main" },
    });
    await c1.call("POST", site("/backup"), { properties: { storageAccountUrl: "https://x" } });
    const credentials = await c1.call("POST", site("/config/publishingcredentials/list"));
    await first.close();

    const second = await startArmEmulator({ https: false, statePath });
    try {
      const c2 = await armCaller(second);
      expect((await c2.call("GET", site("/config/web"))).json.properties.linuxFxVersion).toBe("NODE|20-lts");
      expect((await c2.call("POST", site("/config/appsettings/list"))).json.properties).toEqual({ K: "v" });
      expect((await c2.call("GET", site("/sourcecontrols/web"))).json.properties.repoUrl).toBe(
        "https://github.com/example/kept",
      );
      // Operations in flight at shutdown have finished by the restart.
      expect((await c2.call("GET", site("/backups/1"))).json.properties.status).toBe("Succeeded");
      expect((await c2.call("GET", `${base}/serverfarms/p?${WEB_API}`)).json.properties).toMatchObject({
        provisioningState: "Succeeded",
        numberOfSites: 1,
      });
      const again = await c2.call("POST", site("/config/publishingcredentials/list"));
      expect(again.json.properties.publishingPassword).toBe(credentials.json.properties.publishingPassword);
    } finally {
      await second.close();
    }
  });
});
