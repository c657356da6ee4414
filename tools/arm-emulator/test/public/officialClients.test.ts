import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";

const flowScript = join(dirname(fileURLToPath(import.meta.url)), "../official/officialClientsFlow.mjs");

interface FlowResult {
  steps: Array<{ name: string; value?: unknown; error?: { message: string; statusCode?: number } }>;
}

/** Runs the official-client flow in a child Node process trusting the emulator's CA from its start. */
function runFlow(arm: ArmEmulator, caFile: string): Promise<FlowResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [flowScript],
      { env: { ...process.env, ...arm.env, NODE_EXTRA_CA_CERTS: caFile }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split("\n").pop() ?? "";
        try {
          resolve(JSON.parse(line) as FlowResult);
        } catch {
          reject(new Error(`flow produced no result (${error?.message ?? "exit 0"}): ${stdout}\n${stderr}`));
        }
      },
    );
  });
}

describe("official Azure SDK clients against the emulator (HTTPS, default api-versions)", () => {
  let arm: ArmEmulator;
  let dir: string;
  let result: FlowResult;
  const step = (name: string) => result.steps.find((s) => s.name === name)?.value;

  beforeAll(async () => {
    arm = await startArmEmulator({ https: true, lro: { polls: 1, retryAfterSeconds: 0 } });
    dir = mkdtempSync(join(tmpdir(), "arm-emulator-official-"));
    const caFile = join(dir, "ca.pem");
    writeFileSync(caFile, arm.ca!);
    result = await runFlow(arm, caFile);
  }, 90_000);
  afterAll(async () => {
    await arm.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs every part of the flow without an error", () => {
    expect(result.steps.filter((s) => s.error)).toEqual([]);
  });

  it("creates, reads, updates, lists (pages, $top, $filter) and checks resource groups", () => {
    expect(step("group.create")).toEqual({ name: "official-rg", location: "westus", state: "Succeeded" });
    expect(step("group.get")).toEqual({
      id: `/subscriptions/${arm.subscriptionId}/resourceGroups/official-rg`,
      tags: { env: "test" },
    });
    expect(step("group.update")).toEqual({ tags: { env: "test", owner: "official" } });
    expect(step("group.checkExistence")).toEqual({ present: true, absent: false });
    expect(step("group.list")).toEqual(["official-rg", "official-rg-2", "official-rg-3"]);
    expect(step("group.list.byPage(top 2)")).toEqual([2, 1]);
    expect(step("group.list.filter")).toEqual(["official-rg"]);
  });

  it("manages subscription tag names and tags at a scope", () => {
    expect(step("tags.list")).toEqual([
      { name: "env", count: 1, values: ["test"] },
      { name: "official-tag", count: 0, values: ["v1"] },
      { name: "owner", count: 1, values: ["official"] },
    ]);
    expect(step("tags.createOrUpdateAtScope")).toEqual({ env: "test", team: "azkit" });
    expect(step("tags.updateAtScope(Merge)")).toEqual({ env: "test", team: "azkit", extra: "1" });
    expect(step("tags.getAtScope")).toEqual({ env: "test", team: "azkit", extra: "1" });
  });

  it("lists Microsoft.KeyVault with the api-version @azure/arm-keyvault 5 sends", () => {
    expect(step("providers.get")).toEqual({
      namespace: "Microsoft.KeyVault",
      state: "Registered",
      accepts2026: true,
    });
    expect(step("providerResourceTypes.list")).toBe(true);
  });

  it("creates a vault through the poller; at 2026-02-01 it defaults to RBAC authorization", () => {
    expect(step("vault.create")).toEqual({
      state: "Succeeded",
      rbac: true,
      vaultUri: "https://official-kv1.vault.azure.net/",
    });
    expect(step("vault.get")).toMatchObject({ state: "Succeeded" });
  });

  it("adds and removes access policy permissions, and patches the vault", () => {
    expect(step("vault.updateAccessPolicy(add)")).toEqual(["get", "list"]);
    expect(step("vault.get.accessPolicies")).toEqual([["get"]]);
    expect(step("vault.update")).toEqual({ tags: { patched: "yes" }, enabledForDeployment: true });
  });

  it("lists the vault three ways and reads it as a generic resource by id", () => {
    expect(step("vault.list")).toEqual({
      byGroup: ["official-kv1"],
      bySub: ["official-kv1"],
      generic: ["official-kv1"],
    });
    expect(step("resources.getById")).toEqual({ type: "Microsoft.KeyVault/vaults", name: "official-kv1" });
    expect(step("resources.checkExistenceById")).toBe(true);
    expect(step("resources.listByResourceGroup")).toEqual(["Microsoft.KeyVault/vaults"]);
    expect(step("vault.checkNameAvailability")).toMatchObject({
      nameAvailable: false,
      reason: "AlreadyExists",
    });
  });

  it("approves and deletes (LRO) the connection a private endpoint made, and lists link resources", () => {
    expect(step("pec.list")).toEqual(["Pending"]);
    expect(step("pec.put")).toBe("Approved");
    expect(step("pec.delete")).toBe("Disconnected");
    expect(step("privateLinkResources.listByVault")).toEqual(["vault"]);
  });

  it("exports the group's template and validates then moves a resource (LROs)", () => {
    // The group still holds the private endpoint of the earlier step; the vault is deleted by then.
    expect(step("group.exportTemplate")).toEqual([
      "Contoso.Widgets/widgets",
      "Microsoft.Network/privateEndpoints",
    ]);
    expect(step("resources.moveResources")).toBe(
      `/subscriptions/${arm.subscriptionId}/resourceGroups/official-rg-2/providers/Contoso.Widgets/widgets/official-w1`,
    );
  });

  it("soft-deletes, lists and gets the deleted vault, and purges it (LRO)", () => {
    expect(step("vault.listDeleted")).toEqual(["official-kv1"]);
    expect(step("vault.getDeleted")).toEqual({
      vaultId: `/subscriptions/${arm.subscriptionId}/resourceGroups/official-rg/providers/Microsoft.KeyVault/vaults/official-kv1`,
    });
    expect(step("vault.purgeDeleted")).toEqual([]);
  });

  it("deletes the group with beginDeleteAndWait", () => {
    expect(step("group.beginDeleteAndWait")).toBe(false);
  });
});
