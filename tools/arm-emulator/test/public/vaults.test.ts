import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, KV_API, RG_API, vaultBody } from "../helpers.js";

describe("Microsoft.KeyVault/vaults", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const vault = (rg: string, name: string) =>
    `/subscriptions/${arm.subscriptionId}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}?${KV_API}`;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 2, asyncOperationHeader: true } });
    c = await armCaller(arm);
  });
  beforeEach(async () => {
    arm.reset();
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
    await c.call("PUT", `${c.sub}/resourcegroups/rg2?${RG_API}`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("PUT creates with 201 and provisioningState RegisteringDns, Succeeded after N polls", async () => {
    const created = await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: `${c.sub}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1`,
      name: "kv1",
      type: "Microsoft.KeyVault/vaults",
      location: "westus",
      tags: {},
      systemData: { createdBy: arm.clientId, createdByType: "Application" },
      properties: {
        provisioningState: "RegisteringDns",
        vaultUri: "https://kv1.vault.azure.net/",
        enableSoftDelete: true,
      },
    });
    expect(created.headers["azure-asyncoperation"]).toMatch(
      /\/providers\/Microsoft\.KeyVault\/locations\/westus\/operationStatuses\//,
    );
    const states: string[] = [];
    for (let i = 0; i < 3; i++)
      states.push((await c.call("GET", vault("rg1", "kv1"))).json.properties.provisioningState);
    expect(states).toEqual(["RegisteringDns", "RegisteringDns", "Succeeded"]);
  });

  it("reports the Azure-AsyncOperation status InProgress then Succeeded", async () => {
    const created = await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await c.call("GET", created.headers["azure-asyncoperation"]!)).json.status);
    expect(statuses).toEqual(["InProgress", "InProgress", "Succeeded"]);
  });

  it("names the offending field in validation errors (required, enum, type, uuid)", async () => {
    const cases: Array<[unknown, string]> = [
      [{ location: "westus", properties: { tenantId: arm.tenantId } }, "Path 'properties.sku'"],
      [
        { location: "westus", properties: { tenantId: arm.tenantId, sku: { family: "A", name: "gold" } } },
        "Path 'properties.sku.name'",
      ],
      [
        { ...vaultBody(), properties: { ...(vaultBody().properties as object), enableSoftDelete: "yes" } },
        "Path 'properties.enableSoftDelete'",
      ],
      [
        {
          location: "westus",
          properties: { tenantId: "not-a-guid", sku: { family: "A", name: "standard" } },
        },
        "Path 'properties.tenantId'",
      ],
      [{ location: "westus" }, "Path 'properties'"],
    ];
    for (const [body, path] of cases) {
      const reply = await c.call("PUT", vault("rg1", "kv1"), body);
      expect(reply.status).toBe(400);
      expect(reply.json.error.code).toBe("InvalidRequestContent");
      expect(reply.json.error.message).toContain(path);
    }
  });

  it("ignores read-only input such as provisioningState and vaultUri", async () => {
    const body = vaultBody();
    (body.properties as Record<string, unknown>).hsmPoolResourceId = "forged";
    (body.properties as Record<string, unknown>).privateEndpointConnections = [{ id: "x" }];
    const created = await c.call("PUT", vault("rg1", "kv1"), body);
    expect(created.status).toBe(201);
    expect(created.json.properties.hsmPoolResourceId).toBeUndefined();
    expect(created.json.properties.privateEndpointConnections).toBeUndefined();
  });

  it("vault names are global: 409 VaultAlreadyExists from another group, and checkNameAvailability agrees", async () => {
    await c.call("PUT", vault("rg1", "shared-name"), vaultBody());
    const clash = await c.call("PUT", vault("rg2", "shared-name"), vaultBody());
    expect(clash.status).toBe(409);
    expect(clash.json.error.code).toBe("VaultAlreadyExists");
    const check = (name: string) =>
      c.call("POST", `${c.sub}/providers/Microsoft.KeyVault/checkNameAvailability?${KV_API}`, {
        name,
        type: "Microsoft.KeyVault/vaults",
      });
    expect((await check("shared-name")).json).toMatchObject({
      nameAvailable: false,
      reason: "AlreadyExists",
    });
    expect((await check("free-name")).json).toEqual({ nameAvailable: true });
    expect((await check("1bad--name")).json).toMatchObject({
      nameAvailable: false,
      reason: "AccountNameInvalid",
    });
  });

  it("answers HEAD (Resources_CheckExistenceById) with 204/404", async () => {
    await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    expect((await c.call("HEAD", vault("rg1", "kv1"))).status).toBe(204);
    expect((await c.call("HEAD", vault("rg1", "kv2"))).status).toBe(404);
  });

  it("requires a non-empty location (LocationRequired)", async () => {
    const reply = await c.call("PUT", vault("rg1", "kv1"), { ...vaultBody(), location: "" });
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("LocationRequired");
  });

  it("rejects an invalid vault name with VaultNameNotValid", async () => {
    const reply = await c.call("PUT", vault("rg1", "ab"), vaultBody());
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("VaultNameNotValid");
  });

  it("PATCH merges properties and tags; 404 for a missing vault or group", async () => {
    await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    const patched = await c.call("PATCH", vault("rg1", "kv1"), {
      tags: { a: "b" },
      properties: { enabledForDeployment: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.tags).toEqual({ a: "b" });
    expect(patched.json.properties).toMatchObject({ enabledForDeployment: true, sku: { name: "standard" } });
    expect((await c.call("PATCH", vault("rg1", "nope"), { tags: {} })).json.error.code).toBe(
      "ResourceNotFound",
    );
    expect((await c.call("GET", vault("rg9", "kv1"))).json.error.code).toBe("ResourceGroupNotFound");
  });

  it("DELETE answers 200 then 204, soft-deletes, blocks the name until purge (an LRO)", async () => {
    await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    expect((await c.call("DELETE", vault("rg1", "kv1"))).status).toBe(200);
    expect((await c.call("DELETE", vault("rg1", "kv1"))).status).toBe(204);
    const again = await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    expect(again.status).toBe(409);
    const deleted = await c.call(
      "GET",
      `${c.sub}/providers/Microsoft.KeyVault/locations/westus/deletedVaults/kv1?${KV_API}`,
    );
    expect(deleted.json.properties.vaultId).toBe(
      `${c.sub}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/kv1`,
    );
    const purge = await c.call(
      "POST",
      `${c.sub}/providers/Microsoft.KeyVault/locations/westus/deletedVaults/kv1/purge?${KV_API}`,
    );
    expect(purge.status).toBe(202);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await c.call("GET", purge.headers.location!)).status);
    expect(statuses).toEqual([202, 202, 200]);
    expect((await c.call("PUT", vault("rg1", "kv1"), vaultBody())).status).toBe(201);
  });

  it("lists by group and by subscription, and through /resources with the 2015-11-01 filter", async () => {
    await c.call("PUT", vault("rg1", "kv1"), vaultBody());
    await c.call("PUT", vault("rg2", "kv2"), vaultBody());
    const byGroup = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults?${KV_API}`,
    );
    expect(byGroup.json.value.map((v: { name: string }) => v.name)).toEqual(["kv1"]);
    const bySub = await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault/vaults?${KV_API}`);
    expect(bySub.json.value).toHaveLength(2);
    const viaResources = await c.call(
      "GET",
      `${c.sub}/resources?$filter=${encodeURIComponent("resourceType eq 'Microsoft.KeyVault/vaults'")}&api-version=2015-11-01`,
    );
    expect(viaResources.json.value.map((v: { id: string }) => v.id)).toHaveLength(2);
  });
});
