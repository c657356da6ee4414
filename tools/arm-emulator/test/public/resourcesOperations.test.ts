import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, KV_API, RG_API, type Reply, vaultBody } from "../helpers.js";

describe("Microsoft.Resources: tags, providers, operations, moves, template export, unserved operations", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const group = (rg: string) => `${c.sub}/resourceGroups/${rg}`;
  const widget = (rg: string, name: string) => `${group(rg)}/providers/Contoso.Widgets/widgets/${name}`;
  const tagsAt = (scope: string) => `${scope}/providers/Microsoft.Resources/tags/default?${RG_API}`;
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
    for (const rg of ["rg1", "rg2"]) await c.call("PUT", `${group(rg)}?${RG_API}`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("lists the subscription's tag names with counts, and creates and deletes predefined names and values", async () => {
    await c.call("PATCH", `${group("rg1")}?${RG_API}`, { tags: { env: "prod" } });
    await c.call("PUT", `${widget("rg1", "w1")}?api-version=2024-01-01`, {
      location: "westus",
      tags: { env: "dev" },
    });
    expect((await c.call("PUT", `${c.sub}/tagNames/costCenter?${RG_API}`)).status).toBe(201);
    expect((await c.call("PUT", `${c.sub}/tagNames/costCenter?${RG_API}`)).status).toBe(200);
    const value = await c.call("PUT", `${c.sub}/tagNames/costCenter/tagValues/42?${RG_API}`);
    expect(value.status).toBe(201);
    expect(value.json).toEqual({
      id: `${c.sub}/tagNames/costCenter/tagValues/42`,
      tagValue: "42",
      count: { type: "Total", value: 0 },
    });
    const list = await c.call("GET", `${c.sub}/tagNames?${RG_API}`);
    expect(list.json.value).toEqual([
      {
        id: `${c.sub}/tagNames/costCenter`,
        tagName: "costCenter",
        count: { type: "Total", value: 0 },
        values: [expect.objectContaining({ tagValue: "42" })],
      },
      expect.objectContaining({
        tagName: "env",
        count: { type: "Total", value: 2 },
        values: [
          expect.objectContaining({ tagValue: "prod", count: { type: "Total", value: 1 } }),
          expect.objectContaining({ tagValue: "dev", count: { type: "Total", value: 1 } }),
        ],
      }),
    ]);
    const inUse = await c.call("DELETE", `${c.sub}/tagNames/env?${RG_API}`);
    expect(inUse.status).toBe(409);
    expect((await c.call("DELETE", `${c.sub}/tagNames/costCenter/tagValues/42?${RG_API}`)).status).toBe(200);
    expect((await c.call("DELETE", `${c.sub}/tagNames/costCenter?${RG_API}`)).status).toBe(200);
    expect((await c.call("DELETE", `${c.sub}/tagNames/costCenter?${RG_API}`)).status).toBe(204);
    expect((await c.call("PUT", `${c.sub}/tagNames/a%3Fb?${RG_API}`)).json.error.code).toBe(
      "InvalidTagNameCharacters",
    );
  });

  it("sets tags at subscription, group and resource scope: PUT replaces, PATCH merges/replaces/deletes, DELETE clears", async () => {
    await c.call("PUT", `${widget("rg1", "w1")}?api-version=2024-01-01`, {
      location: "westus",
      tags: { a: "1" },
    });
    for (const scope of [c.sub, group("rg1"), widget("rg1", "w1")]) {
      const put = await c.call("PUT", tagsAt(scope), { properties: { tags: { x: "1", y: "2" } } });
      expect(put.status).toBe(200);
      expect(put.json).toEqual({
        id: `${scope}/providers/Microsoft.Resources/tags/default`,
        name: "default",
        type: "Microsoft.Resources/tags",
        properties: { tags: { x: "1", y: "2" } },
      });
      const merged = await c.call("PATCH", tagsAt(scope), {
        operation: "Merge",
        properties: { tags: { z: "3" } },
      });
      expect(merged.json.properties.tags).toEqual({ x: "1", y: "2", z: "3" });
      const deleted = await c.call("PATCH", tagsAt(scope), {
        operation: "Delete",
        properties: { tags: { x: "1", y: "other" } },
      });
      expect(deleted.json.properties.tags).toEqual({ y: "2", z: "3" });
      const replaced = await c.call("PATCH", tagsAt(scope), {
        operation: "Replace",
        properties: { tags: { only: "me" } },
      });
      expect((await c.call("GET", tagsAt(scope))).json.properties.tags).toEqual(
        replaced.json.properties.tags,
      );
      expect((await c.call("DELETE", tagsAt(scope))).status).toBe(200);
      expect((await c.call("GET", tagsAt(scope))).json.properties.tags).toEqual({});
    }
    await c.call("PUT", tagsAt(widget("rg1", "w1")), { properties: { tags: { kept: "on the resource" } } });
    expect((await c.call("GET", `${widget("rg1", "w1")}?api-version=2024-01-01`)).json.tags).toEqual({
      kept: "on the resource",
    });
    const bad = await c.call("PATCH", tagsAt(group("rg1")), {
      operation: "Append",
      properties: { tags: {} },
    });
    expect(bad.status).toBe(400);
    expect((await c.call("GET", tagsAt(group("nope")))).json.error.code).toBe("ResourceGroupNotFound");
  });

  it("serves provider resource types, unregister/register, permissions, tenant-level providers and operations", async () => {
    const types = await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault/resourceTypes?${RG_API}`);
    expect(
      types.json.value.find((t: { resourceType: string }) => t.resourceType === "vaults").apiVersions,
    ).toContain("2026-02-01");
    const un = await c.call("POST", `${c.sub}/providers/Microsoft.KeyVault/unregister?${RG_API}`);
    expect(un.json.registrationState).toBe("NotRegistered");
    expect(
      (await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault?${RG_API}`)).json.registrationState,
    ).toBe("NotRegistered");
    const refused = await c.call(
      "PUT",
      `${group("rg1")}/providers/Microsoft.KeyVault/vaults/kvreg?${KV_API}`,
      vaultBody(),
    );
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("MissingSubscriptionRegistration");
    const re = await c.call("POST", `${c.sub}/providers/Microsoft.KeyVault/register?${RG_API}`);
    expect(re.json.registrationState).toBe("Registered");
    expect(
      (
        await c.call(
          "PUT",
          `${group("rg1")}/providers/Microsoft.KeyVault/vaults/kvreg?${KV_API}`,
          vaultBody(),
        )
      ).status,
    ).toBe(201);
    expect(
      (await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault/providerPermissions?${RG_API}`)).json,
    ).toEqual({
      value: [],
    });
    const tenant = await c.call("GET", `/providers/Microsoft.KeyVault?${RG_API}`);
    expect(tenant.json).toMatchObject({
      id: "/providers/Microsoft.KeyVault",
      namespace: "Microsoft.KeyVault",
    });
    expect(tenant.json.registrationState).toBeUndefined();
    expect((await c.call("GET", `/providers?${RG_API}`)).json.value.length).toBeGreaterThanOrEqual(3);
    const ops = await c.call("GET", `/providers/Microsoft.Resources/operations?${RG_API}`);
    expect(ops.json.value).toContainEqual(
      expect.objectContaining({ name: "Microsoft.Resources/subscriptions/resourceGroups/write" }),
    );
    const kvOps = await c.call("GET", `/providers/Microsoft.KeyVault/operations?api-version=2026-02-01`);
    expect(kvOps.json.value).toContainEqual(
      expect.objectContaining({ name: "Microsoft.KeyVault/vaults/write" }),
    );
  });

  it("moves resources (and their children) to another group: 202 + Location, then 204", async () => {
    await c.call("PUT", `${widget("rg1", "w1")}?api-version=2024-01-01`, { location: "westus" });
    await c.call("PUT", `${widget("rg1", "w1")}/parts/p1?api-version=2024-01-01`, {});
    await c.call("PUT", `${group("rg1")}/providers/Microsoft.KeyVault/vaults/kvmove?${KV_API}`, vaultBody());
    const body = {
      resources: [widget("rg1", "w1"), `${group("rg1")}/providers/Microsoft.KeyVault/vaults/kvmove`],
      targetResourceGroup: group("rg2"),
    };
    const validated = await c.call("POST", `${group("rg1")}/validateMoveResources?${RG_API}`, body);
    expect(validated.status).toBe(202);
    expect((await pollToEnd(validated)).status).toBe(204);
    expect((await c.call("GET", `${widget("rg1", "w1")}?api-version=2024-01-01`)).status).toBe(200);

    const moving = await c.call("POST", `${group("rg1")}/moveResources?${RG_API}`, body);
    expect(moving.status).toBe(202);
    expect(moving.headers.location).toMatch(/\/operationresults\//);
    expect((await pollToEnd(moving)).status).toBe(204);
    expect((await c.call("GET", `${widget("rg1", "w1")}?api-version=2024-01-01`)).status).toBe(404);
    const moved = await c.call("GET", `${widget("rg2", "w1")}/parts/p1?api-version=2024-01-01`);
    expect(moved.json.id).toBe(`${widget("rg2", "w1")}/parts/p1`);
    const vault = await c.call("GET", `${group("rg2")}/providers/Microsoft.KeyVault/vaults/kvmove?${KV_API}`);
    expect(vault.status).toBe(200);
  });

  it("reports a failed move validation on the Location URL (409), and refuses malformed requests (400)", async () => {
    const missing = await c.call("POST", `${group("rg1")}/validateMoveResources?${RG_API}`, {
      resources: [widget("rg1", "ghost")],
      targetResourceGroup: group("rg2"),
    });
    expect(missing.status).toBe(202);
    const final = await pollToEnd(missing);
    expect(final.status).toBe(409);
    expect(final.json.error.code).toBe("ResourceMoveValidationFailed");
    const same = await c.call("POST", `${group("rg1")}/moveResources?${RG_API}`, {
      resources: [widget("rg1", "w1")],
      targetResourceGroup: group("rg1"),
    });
    expect(same.status).toBe(400);
    const noTarget = await c.call("POST", `${group("rg1")}/moveResources?${RG_API}`, {
      resources: [widget("rg1", "w1")],
      targetResourceGroup: group("nope"),
    });
    expect(noTarget.json.error.code).toBe("ResourceGroupNotFound");
  });

  it("exports a group as a template (Json or Bicep) through an LRO", async () => {
    await c.call("PUT", `${widget("rg1", "w1")}?api-version=2024-01-01`, {
      location: "westus",
      tags: { t: "1" },
      properties: { size: 3 },
    });
    const started = await c.call("POST", `${group("rg1")}/exportTemplate?${RG_API}`, {
      resources: ["*"],
      options: "IncludeParameterDefaultValue",
    });
    expect(started.status).toBe(202);
    const done = await pollToEnd(started);
    expect(done.status).toBe(200);
    expect(done.json.template).toMatchObject({
      contentVersion: "1.0.0.0",
      parameters: { widgets_w1_name: { defaultValue: "w1", type: "String" } },
      resources: [
        {
          type: "Contoso.Widgets/widgets",
          apiVersion: "2024-01-01",
          name: "[parameters('widgets_w1_name')]",
          location: "westus",
          tags: { t: "1" },
          properties: { size: 3 },
        },
      ],
    });
    const literal = await pollToEnd(
      await c.call("POST", `${group("rg1")}/exportTemplate?${RG_API}`, {
        resources: [widget("rg1", "w1"), widget("rg1", "ghost")],
        options: "SkipResourceNameParameterization",
      }),
    );
    expect(literal.json.template.resources[0].name).toBe("w1");
    expect(literal.json.error.details[0]).toMatchObject({
      code: "ResourceNotFound",
      target: widget("rg1", "ghost"),
    });
    const bicep = await pollToEnd(
      await c.call("POST", `${group("rg1")}/exportTemplate?${RG_API}`, {
        resources: ["*"],
        outputFormat: "Bicep",
      }),
    );
    expect(bicep.json.output).toContain(
      "resource widgets_w1_name_resource 'Contoso.Widgets/widgets@2024-01-01' = {",
    );
    expect(bicep.json.output).toContain("param widgets_w1_name string\n");
  });

  it("refuses force deletion of types ARM cannot force-delete", async () => {
    const reply = await c.call("DELETE", `${group("rg1")}?forceDeletionTypes=Microsoft.Web/sites&${RG_API}`);
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("InvalidForceDeletionTypes");
  });

  it("answers a spec operation it does not implement with 501 naming it, and an unknown path with 404", async () => {
    const mg = await c.call(
      "POST",
      `/providers/Microsoft.Management/managementGroups/mg1/providers/Microsoft.KeyVault/register?${RG_API}`,
    );
    expect(mg.status).toBe(501);
    expect(mg.json.error.code).toBe("NotImplemented");
    expect(mg.json.error.message).toContain("'Providers_RegisterAtManagementGroupScope'");
    const mgTags = await c.call("GET", tagsAt("/providers/Microsoft.Management/managementGroups/mg1"));
    expect(mgTags.status).toBe(501);
    expect(mgTags.json.error.message).toContain("'Tags_GetAtScope'");
    // Key Vault types without a vendored spec (managed HSMs, secrets) are not stored as generic resources.
    const hsm = await c.call(
      "PUT",
      `${group("rg1")}/providers/Microsoft.KeyVault/managedHSMs/hsm1?${KV_API}`,
      {
        location: "westus",
      },
    );
    expect(hsm.status).toBe(501);
    expect(hsm.json.error.message).toContain("'PUT' on 'Microsoft.KeyVault/managedHSMs'");
    await c.call("PUT", `${group("rg1")}/providers/Microsoft.KeyVault/vaults/kvs?${KV_API}`, vaultBody());
    const secret = await c.call(
      "PUT",
      `${group("rg1")}/providers/Microsoft.KeyVault/vaults/kvs/secrets/s1?${KV_API}`,
      {
        properties: { value: "x" },
      },
    );
    expect(secret.status).toBe(501);
    expect(
      (await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault/managedHSMs?${KV_API}`)).json.error.code,
    ).toBe("NotImplemented");
    const unknown = await c.call("GET", `${c.sub}/nothingHere?${RG_API}`);
    expect(unknown.status).toBe(404);
  });
});

describe("tags in the state file", () => {
  it("keeps subscription tags and predefined tag names across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "arm-emulator-tags-"));
    const statePath = join(dir, "state.json");
    try {
      const first = await startArmEmulator({ https: false, statePath });
      const c1 = await armCaller(first);
      await c1.call("PUT", `${c1.sub}/providers/Microsoft.Resources/tags/default?${RG_API}`, {
        properties: { tags: { owner: "team" } },
      });
      await c1.call("PUT", `${c1.sub}/tagNames/predefined/tagValues/v1?${RG_API}`);
      await first.close();
      const second = await startArmEmulator({ https: false, statePath });
      try {
        const c2 = await armCaller(second);
        const tags = await c2.call("GET", `${c2.sub}/providers/Microsoft.Resources/tags/default?${RG_API}`);
        expect(tags.json.properties.tags).toEqual({ owner: "team" });
        const names = await c2.call("GET", `${c2.sub}/tagNames?${RG_API}`);
        expect(names.json.value).toEqual([
          expect.objectContaining({
            tagName: "predefined",
            values: [expect.objectContaining({ tagValue: "v1" })],
          }),
        ]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
