import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { repoRoot } from "../helpers.js";

const run = promisify(execFile);
const WALKTHROUGH = resolve(repoRoot, "tools/arm-emulator/test/official/officialAppServiceWalkthrough.mjs");

// Fidelity: the official @azure/arm-appservice 19.0.0 (default api-version 2025-05-01) with
// @azure/identity's ClientSecretCredential and @azure/arm-resources runs the guide's web app
// walkthrough against the emulator over HTTPS, unchanged but for the endpoints.
describe("official @azure/arm-appservice 19 against the emulator", () => {
  let arm: ArmEmulator;
  let dir: string;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: true, lro: { polls: 1, retryAfterSeconds: 0 } });
    dir = mkdtempSync(join(tmpdir(), "arm-emulator-official-"));
  });
  afterAll(async () => {
    await arm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the web app walkthrough: plan, Python app, settings, stop/start, source control, slot swap, lists, deletes", async () => {
    const caFile = join(dir, "ca.pem");
    writeFileSync(caFile, arm.ca!);
    // NODE_EXTRA_CA_CERTS is read when a process starts, hence the child process.
    const { stdout } = await run(process.execPath, [WALKTHROUGH], {
      cwd: resolve(repoRoot, "tools/arm-emulator"),
      env: {
        PATH: process.env.PATH,
        NODE_EXTRA_CA_CERTS: caFile,
        ARM_URL: arm.url,
        AZURE_TENANT_ID: arm.tenantId,
        AZURE_CLIENT_ID: arm.clientId,
        AZURE_CLIENT_SECRET: arm.clientSecret,
        AZURE_SUBSCRIPTION_ID: arm.subscriptionId,
      },
      timeout: 60_000,
    });
    const seen = JSON.parse(stdout.trim().split("\n").pop()!);
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
      message:
        "Server farm 'walkthrough-plan' cannot be deleted because it has web app(s) walkthrough-app assigned to it.",
    });
    expect(seen.unserved).toMatchObject({ statusCode: 501, code: "NotImplemented" });
    expect(seen.unserved.message).toContain("WebApps_GetDiagnosticLogsConfiguration");
    expect(seen.siteAfterDelete).toBe(404);
    expect(seen.groupExists).toBe(false);
  }, 90_000);
});
