import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DefaultAzureCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyVaultManagementClient } from "../../src/index.js";

// Code written for the official packages runs on azkit with only its imports changed.
const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, "../..");
// The flow tools/arm-emulator runs with @azure/arm-resources 7, @azure/arm-keyvault 5 and @azure/identity 4.
const officialFlow = resolve(packageDir, "../../tools/arm-emulator/test/official/officialClientsFlow.mjs");

const IMPORTS: Record<string, string> = {
  "@azure/arm-resources": "@azkit/mgmt-resources",
  "@azure/arm-keyvault": "@azkit/mgmt-keyvault",
  "@azure/identity": "@azkit/identity",
};

/** The same source with only its package imports changed. */
function port(source: string): string {
  return source.replace(/from "(@azure\/[a-z-]+)"/g, (whole, name: string) =>
    IMPORTS[name] ? `from "${IMPORTS[name]}"` : whole,
  );
}

interface FlowResult {
  steps: Array<{ name: string; value: unknown }>;
  error?: { message: string; stack?: string };
}

function runFlow(script: string, env: Record<string, string>): Promise<FlowResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [script],
      { env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        try {
          resolvePromise(JSON.parse(stdout.trim().split("\n").pop() ?? "") as FlowResult);
        } catch {
          reject(new Error(`flow produced no result (${error?.message ?? "exit 0"}): ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

describe("README code of @azure/arm-resources 7 and @azure/arm-keyvault 5, imports changed", () => {
  it("creates the clients as the READMEs do (ReadmeSampleCreateClient_Node)", () => {
    // Verbatim but for the imports.
    const subscriptionId = "00000000-0000-0000-0000-000000000000";
    const resources = new ResourceManagementClient(new DefaultAzureCredential(), subscriptionId);
    const keyVault = new KeyVaultManagementClient(new DefaultAzureCredential(), subscriptionId);
    expect(resources.subscriptionId).toBe(subscriptionId);
    expect(resources.$host).toBe("https://management.azure.com");
    expect(typeof keyVault.vaults.beginCreateOrUpdateAndWait).toBe("function");
  });
});

describe("the official clients' end-to-end flow, imports changed, against the ARM emulator over HTTPS", () => {
  let arm: ArmEmulator;
  let dir: string;
  let result: FlowResult;
  let scriptDir: string;

  beforeAll(async () => {
    arm = await startArmEmulator({ https: true, lro: { polls: 1, retryAfterSeconds: 0 } });
    dir = mkdtempSync(join(tmpdir(), "mgmt-ported-flow-"));
    const caFile = join(dir, "ca.pem");
    writeFileSync(caFile, arm.ca!);
    // Inside the package (test/temp is git-ignored) so the @azkit imports resolve, this package by self-reference.
    scriptDir = join(packageDir, "test/temp");
    mkdirSync(scriptDir, { recursive: true });
    const script = join(scriptDir, "portedFlow.mjs");
    writeFileSync(script, port(readFileSync(officialFlow, "utf8")));
    result = await runFlow(script, { ...arm.env, NODE_EXTRA_CA_CERTS: caFile });
  }, 90_000);
  afterAll(async () => {
    await arm?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (scriptDir) rmSync(scriptDir, { recursive: true, force: true });
  });

  it("runs every step without an error", () => {
    expect(result.error, JSON.stringify(result.error)).toBeUndefined();
    expect(result.steps.length).toBeGreaterThan(20);
  });

  it("observes what the official clients observe", () => {
    const step = (name: string) => result.steps.find((s) => s.name === name)?.value;
    expect(step("group.create")).toEqual({ name: "official-rg", location: "westus", state: "Succeeded" });
    expect(step("group.checkExistence")).toEqual({ present: true, absent: false });
    expect(step("group.update")).toEqual({ tags: { env: "test", owner: "official" } });
    expect(step("tags.updateAtScope(Merge)")).toEqual({ env: "test", team: "azkit", extra: "1" });
    expect(step("vault.updateAccessPolicy(add)")).toEqual(["get", "list"]);
    expect(step("vault.list")).toEqual({
      byGroup: ["official-kv1"],
      bySub: ["official-kv1"],
      generic: ["official-kv1"],
    });
    expect(step("vault.listDeleted")).toEqual(["official-kv1"]);
    expect(step("vault.purgeDeleted")).toEqual([]);
    expect(step("group.beginDeleteAndWait")).toBe(false);
  });
});
