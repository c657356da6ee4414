import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, KV_API, RG_API, type Reply, vaultBody } from "../helpers.js";

describe("Key Vault: api-version defaults, access policies, private endpoint connections", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const vaultPath = (name = "kv1") =>
    `${c.sub}/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/${name}`;
  const endpointPath = (name: string) =>
    `${c.sub}/resourceGroups/rg1/providers/Microsoft.Network/privateEndpoints/${name}`;
  const pollToEnd = async (first: Reply): Promise<Reply> => {
    let reply = first;
    for (let i = 0; i < 10 && reply.status === 202; i++) reply = await c.call("GET", reply.headers.location!);
    return reply;
  };
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 1 } });
    c = await armCaller(arm);
  });
  beforeEach(async () => {
    arm.reset();
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("a vault created at 2026-02-01 (what @azure/arm-keyvault 5 sends) defaults to RBAC; older versions do not", async () => {
    const at2026 = await c.call("PUT", `${vaultPath("kv2026")}?api-version=2026-02-01`, vaultBody());
    expect(at2026.status).toBe(201);
    expect(at2026.json.properties.enableRbacAuthorization).toBe(true);
    const at2025 = await c.call("PUT", `${vaultPath("kv2025")}?${KV_API}`, vaultBody());
    expect(at2025.json.properties.enableRbacAuthorization).toBe(false);
    const explicit = vaultBody();
    (explicit.properties as Record<string, unknown>).enableRbacAuthorization = false;
    const optedOut = await c.call("PUT", `${vaultPath("kvoptout")}?api-version=2026-02-01`, explicit);
    expect(optedOut.json.properties.enableRbacAuthorization).toBe(false);
    // Updating an existing vault at 2026-02-01 keeps its access model.
    const again = await c.call("PUT", `${vaultPath("kv2025")}?api-version=2026-02-01`, vaultBody());
    expect(again.status).toBe(200);
    expect(again.json.properties.enableRbacAuthorization).toBe(false);
  });

  it("accepts the preview versions upstream publishes and refuses an unknown one", async () => {
    for (const v of ["2026-04-01-preview", "2026-03-01-preview", "2024-11-01"]) {
      expect(
        (await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault/vaults?api-version=${v}`)).status,
      ).toBe(200);
    }
    const unknown = await c.call(
      "GET",
      `${c.sub}/providers/Microsoft.KeyVault/vaults?api-version=2026-01-01`,
    );
    expect(unknown.json.error.code).toBe("NoRegisteredProviderFound");
  });

  it("adds, replaces and removes access policy permissions per identity", async () => {
    await c.call("PUT", `${vaultPath()}?${KV_API}`, vaultBody());
    const identity = { tenantId: arm.tenantId, objectId: "00000000-0000-0000-0000-0000000000aa" };
    const update = (kind: string, permissions: Record<string, string[]>) =>
      c.call("PUT", `${vaultPath()}/accessPolicies/${kind}?${KV_API}`, {
        properties: { accessPolicies: [{ ...identity, permissions }] },
      });
    const policies = async () =>
      (await c.call("GET", `${vaultPath()}?${KV_API}`)).json.properties.accessPolicies;

    const added = await update("add", { keys: ["get"], secrets: ["list"] });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      id: `${vaultPath()}/accessPolicies/`,
      type: "Microsoft.KeyVault/vaults/accessPolicies",
      properties: { accessPolicies: [{ ...identity, permissions: { keys: ["get"], secrets: ["list"] } }] },
    });
    await update("add", { keys: ["get", "sign"] });
    expect((await policies())[0].permissions).toEqual({ keys: ["get", "sign"], secrets: ["list"] });
    await update("replace", { certificates: ["get"] });
    expect((await policies())[0].permissions).toEqual({ keys: [], secrets: [], certificates: ["get"] });
    await update("remove", { certificates: ["get"] });
    expect(await policies()).toEqual([]);

    const bad = await update("merge", { keys: ["get"] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("InvalidOperationKind");
    const missing = await c.call("PUT", `${vaultPath("nope")}/accessPolicies/add?${KV_API}`, {
      properties: { accessPolicies: [] },
    });
    expect(missing.status).toBe(404);
  });

  it("a private endpoint linking to the vault makes a connection that can be approved, listed and deleted (LRO)", async () => {
    await c.call("PUT", `${vaultPath()}?${KV_API}`, vaultBody());
    const link = (name: string, manual: boolean) =>
      c.call("PUT", `${endpointPath(name)}?api-version=2024-05-01`, {
        location: "westus",
        properties: {
          [manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"]: [
            {
              name,
              properties: {
                privateLinkServiceId: vaultPath(),
                groupIds: ["vault"],
                requestMessage: "please",
              },
            },
          ],
        },
      });
    expect((await link("pe-auto", false)).status).toBe(201);
    expect((await link("pe-manual", true)).status).toBe(201);
    const list = await c.call("GET", `${vaultPath()}/privateEndpointConnections?${KV_API}`);
    expect(list.status).toBe(200);
    const byEndpoint = Object.fromEntries(
      list.json.value.map((p: { properties: { privateEndpoint: { id: string } } }) => [
        p.properties.privateEndpoint.id.split("/").pop(),
        p,
      ]),
    );
    expect(byEndpoint["pe-auto"].properties.privateLinkServiceConnectionState.status).toBe("Approved");
    const pending = byEndpoint["pe-manual"];
    expect(pending).toMatchObject({
      type: "Microsoft.KeyVault/vaults/privateEndpointConnections",
      name: expect.stringMatching(/^pe-manual\.[0-9a-f-]{36}$/),
      properties: { privateLinkServiceConnectionState: { status: "Pending", description: "please" } },
    });
    const vault = await c.call("GET", `${vaultPath()}?${KV_API}`);
    expect(vault.json.properties.privateEndpointConnections).toHaveLength(2);

    const pecPath = `${vaultPath()}/privateEndpointConnections/${pending.name}?${KV_API}`;
    const approved = await c.call("PUT", pecPath, {
      properties: { privateLinkServiceConnectionState: { status: "Approved", description: "ok" } },
    });
    expect(approved.status).toBe(200);
    expect(approved.json.properties.privateLinkServiceConnectionState).toEqual({
      status: "Approved",
      description: "ok",
      actionsRequired: "None",
    });
    expect(approved.json.etag).not.toBe(pending.etag);
    expect(approved.headers["azure-asyncoperation"]).toMatch(/operationStatuses/);
    const stale = await c.call("PUT", pecPath, { etag: pending.etag, properties: {} });
    expect(stale.status).toBe(412);

    const deleting = await c.call("DELETE", pecPath);
    expect(deleting.status).toBe(202);
    expect(deleting.headers.location).toMatch(/\/locations\/westus\/operationResults\//);
    const deleted = await pollToEnd(deleting);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toMatchObject({
      name: pending.name,
      properties: { provisioningState: "Disconnected" },
    });
    expect((await c.call("GET", pecPath)).status).toBe(204);
    expect((await c.call("DELETE", pecPath)).status).toBe(204);
    await c.call("DELETE", `${endpointPath("pe-auto")}?api-version=2024-05-01`);
    expect((await c.call("GET", `${vaultPath()}/privateEndpointConnections?${KV_API}`)).json.value).toEqual(
      [],
    );
    const notMade = await c.call("PUT", `${vaultPath()}/privateEndpointConnections/made-up?${KV_API}`, {
      properties: {},
    });
    expect(notMade.status).toBe(404);
  });

  it("lists the vault's private link resource", async () => {
    await c.call("PUT", `${vaultPath()}?${KV_API}`, vaultBody());
    const reply = await c.call("GET", `${vaultPath()}/privateLinkResources?${KV_API}`);
    expect(reply.json.value).toEqual([
      expect.objectContaining({
        name: "vault",
        properties: {
          groupId: "vault",
          requiredMembers: ["default"],
          requiredZoneNames: ["privatelink.vaultcore.azure.net"],
        },
      }),
    ]);
  });
});
