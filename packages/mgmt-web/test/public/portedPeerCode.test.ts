import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDefaultHttpClient } from "@azkit/core-http";
import { type LogRecord, resetLogSettings, setLogLevel, setLogSink } from "@azkit/core-logging";
import {
  ClientSecretCredential,
  DefaultAzureCredential,
  InteractiveBrowserCredential,
} from "@azkit/identity";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSiteManagementClient } from "../../src/index.js";

// Code written for @azure/arm-appservice 19.0.0 runs on azkit with only its imports changed.
const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "../..");
// The guide's web app walkthrough as tools/arm-emulator runs it with the official @azure/arm-appservice 19,
// @azure/arm-resources 7 and @azure/identity 4.
const officialWalkthrough = resolve(
  packageDir,
  "../../tools/arm-emulator/test/official/officialAppServiceWalkthrough.mjs",
);

const IMPORTS: Record<string, string> = {
  "@azure/arm-appservice": "@azkit/mgmt-web",
  "@azure/arm-resources": "@azkit/mgmt-resources",
  "@azure/identity": "@azkit/identity",
};

/** The same source with only its package imports changed. */
function port(source: string): string {
  return source.replace(/from "(@azure\/[a-z-]+)"/g, (whole, name: string) =>
    IMPORTS[name] ? `from "${IMPORTS[name]}"` : whole,
  );
}

function runScript(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [script],
      { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${script} failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolvePromise(stdout);
      },
    );
  });
}

describe("README code of @azure/arm-appservice 19.0.0, imports changed", () => {
  it("creates the client as the README does (ReadmeSampleCreateClient_Node)", () => {
    // Verbatim but for the imports (at the top of this file).
    const subscriptionId = "00000000-0000-0000-0000-000000000000";
    const client = new WebSiteManagementClient(new DefaultAzureCredential(), subscriptionId);
    expect(client.subscriptionId).toBe(subscriptionId);
    expect(typeof client.webApps.beginCreateOrUpdateAndWait).toBe("function");
    expect(typeof client.appServicePlans.listByResourceGroup).toBe("function");
  });

  it("creates the client with an interactive credential (ReadmeSampleCreateClient_Browser)", () => {
    // The README's placeholders filled in (both SDKs refuse "<YOUR_TENANT_ID>" as a tenant).
    const credential = new InteractiveBrowserCredential({
      tenantId: "88888888-8888-8888-8888-888888888888",
      clientId: "11111111-1111-1111-1111-111111111111",
    });
    const subscriptionId = "00000000-0000-0000-0000-000000000000";
    const client = new WebSiteManagementClient(credential, subscriptionId);
    expect(client.subscriptionId).toBe(subscriptionId);
  });
});

describe("against the ARM emulator over HTTPS", () => {
  let arm: ArmEmulator;
  let dir: string;
  let scriptFile: string | undefined;

  beforeAll(async () => {
    arm = await startArmEmulator({ https: true, lro: { polls: 1, retryAfterSeconds: 0 } });
    dir = mkdtempSync(join(tmpdir(), "mgmt-web-ported-"));
  });
  afterAll(async () => {
    resetLogSettings();
    await arm?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (scriptFile) rmSync(scriptFile, { force: true });
  });

  it('logs requests after setLogLevel("info") (the README\'s SetLogLevel, from @azkit/core-logging)', async () => {
    const records: LogRecord[] = [];
    setLogSink((record) => records.push(record));
    setLogLevel("info");
    const httpClient = createDefaultHttpClient({ tlsSettings: { ca: arm.ca! } });
    const credential = new ClientSecretCredential(arm.tenantId, arm.clientId, arm.clientSecret, {
      authorityHost: arm.authorityHost,
      httpClient,
    });
    const client = new WebSiteManagementClient(credential, arm.subscriptionId, {
      endpoint: arm.url,
      httpClient,
    });
    for await (const _ of client.appServicePlans.list()) break;
    await credential.close();
    httpClient.close();
    const lines = records.map((r) => r.message).join("\n");
    expect(lines).toContain("/providers/Microsoft.Web/serverfarms");
    // Redacted by allow-list: the bearer token never reaches a log line.
    expect(lines).not.toMatch(/Bearer ey/);
  });

  it("runs the official client's walkthrough (plan, Python app, settings, stop/start, source control, slot swap, lists, deletes)", async () => {
    const caFile = join(dir, "ca.pem");
    writeFileSync(caFile, arm.ca!);
    // Inside the package (test/temp is git-ignored) so the @azkit imports resolve, this package by self-reference.
    const scriptDir = join(packageDir, "test/temp");
    mkdirSync(scriptDir, { recursive: true });
    const script = join(scriptDir, "portedAppServiceWalkthrough.mjs");
    scriptFile = script;
    const source = readFileSync(officialWalkthrough, "utf8");
    const ported = port(source);
    // Only the import lines differ.
    const changed = ported.split("\n").filter((line, i) => line !== source.split("\n")[i]);
    expect(changed).toEqual([
      'import { WebSiteManagementClient } from "@azkit/mgmt-web";',
      'import { ResourceManagementClient } from "@azkit/mgmt-resources";',
      'import { ClientSecretCredential } from "@azkit/identity";',
    ]);
    writeFileSync(script, ported);
    // NODE_EXTRA_CA_CERTS is read when a process starts, hence the child process.
    const stdout = await runScript(script, {
      NODE_EXTRA_CA_CERTS: caFile,
      ARM_URL: arm.url,
      AZURE_TENANT_ID: arm.tenantId,
      AZURE_CLIENT_ID: arm.clientId,
      AZURE_CLIENT_SECRET: arm.clientSecret,
      AZURE_SUBSCRIPTION_ID: arm.subscriptionId,
    });
    const seen = JSON.parse(stdout.trim().split("\n").pop()!);
    // What the official @azure/arm-appservice 19 observes (tools/arm-emulator/test/public/officialAppService.test.ts).
    const planId = `/subscriptions/${arm.subscriptionId}/resourceGroups/walkthrough-rg/providers/Microsoft.Web/serverfarms/walkthrough-plan`;
    expect(seen.plan).toEqual({
      id: planId,
      provisioningState: "Succeeded",
      sku: { name: "B1", tier: "Basic", size: "B1", family: "B", capacity: 1 },
      reserved: true,
    });
    expect(seen.site).toMatchObject({
      name: "walkthrough-app",
      state: "Running",
      defaultHostName: "walkthrough-app.azurewebsites.net",
      kind: "app,linux",
      linuxFxVersion: "PYTHON|3.11",
    });
    expect(seen.site.outboundIpAddresses).toMatch(/^203\.0\.113\.\d+,203\.0\.113\.\d+$/);
    expect(seen.update).toEqual({ httpsOnly: true });
    expect(seen.config).toEqual({ linuxFxVersion: "PYTHON|3.11" });
    expect(seen.appSettings).toEqual({ GREETING: "hello", MODE: "emulated" });
    expect([seen.stateAfterStop, seen.stateAfterStart]).toEqual(["Stopped", "Running"]);
    expect(seen.sourceControl).toEqual({
      repoUrl: "https://github.com/Azure-Samples/python-docs-hello-world",
      branch: "main",
    });
    expect(seen.sourceControlRead).toBe("https://github.com/Azure-Samples/python-docs-hello-world");
    expect(seen.publishingUserName).toBe("$walkthrough-app");
    expect(seen.publishXmlStart).toMatch(/^<publishData><publishProfile /);
    expect(seen.afterSwap).toEqual({ GREETING: "from staging" });
    expect(seen.slots).toEqual(["walkthrough-app/staging"]);
    expect(seen.sitesInGroup).toEqual(["walkthrough-app"]);
    expect(seen.plansInGroup).toEqual([["walkthrough-plan"]]);
    expect(seen.planDeleteWithSite).toEqual({
      statusCode: 409,
      code: "Conflict",
      message: expect.stringContaining(
        "Server farm 'walkthrough-plan' cannot be deleted because it has web app(s) walkthrough-app assigned to it.",
      ),
    });
    expect(seen.unserved).toMatchObject({ statusCode: 501, code: "NotImplemented" });
    expect(seen.unserved.message).toContain("WebApps_GetDiagnosticLogsConfiguration");
    expect(seen.siteAfterDelete).toBe(404);
    expect(seen.groupExists).toBe(false);
  }, 90_000);
});
