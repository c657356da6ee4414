import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, RG_API, WEB_API } from "../helpers.js";

describe("Microsoft.Web serverfarms and sites", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const farm = (name: string) =>
    `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web/serverfarms/${name}?${WEB_API}`;
  const site = (name: string) =>
    `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web/sites/${name}?${WEB_API}`;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 1, retryAfterSeconds: 3 } });
    c = await armCaller(arm);
  });
  beforeEach(async () => {
    arm.reset();
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("serverfarm PUT answers 202 with the body, then Succeeded after the polls", async () => {
    const created = await c.call("PUT", farm("plan1"), {
      location: "westus",
      sku: { name: "S1", tier: "Standard", capacity: 1 },
    });
    expect(created.status).toBe(202);
    expect(created.headers["retry-after"]).toBe("3");
    expect(created.json).toMatchObject({
      id: `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web/serverfarms/plan1`,
      type: "Microsoft.Web/serverfarms",
      sku: { name: "S1" },
      properties: { provisioningState: "InProgress" },
    });
    expect((await c.call("GET", farm("plan1"))).json.properties.provisioningState).toBe("InProgress");
    expect((await c.call("GET", farm("plan1"))).json.properties.provisioningState).toBe("Succeeded");
    expect((await c.call("PUT", farm("plan1"), { location: "westus" })).status).toBe(200);
  });

  it("a site needs an existing serverfarm and a location", async () => {
    const noFarm = await c.call("PUT", site("app1"), {
      location: "westus",
      properties: { serverFarmId: "missing" },
    });
    expect(noFarm.status).toBe(404);
    expect(noFarm.json.error.message).toBe("Cannot find ServerFarm with name missing.");
    const noLocation = await c.call("PUT", site("app1"), { properties: {} });
    expect(noLocation.json.error.code).toBe("LocationRequired");

    await c.call("PUT", farm("plan1"), { location: "westus" });
    const created = await c.call("PUT", site("app1"), {
      location: "westus",
      properties: { serverFarmId: `${c.sub}/resourceGroups/rg1/providers/Microsoft.Web/serverfarms/plan1` },
    });
    expect(created.status).toBe(202);
    expect(created.json.properties).toMatchObject({
      defaultHostName: "app1.azurewebsites.net",
      state: "Running",
    });
  });

  it("refuses to delete a serverfarm that still hosts sites (409), then deletes 200/204", async () => {
    await c.call("PUT", farm("plan1"), { location: "westus" });
    await c.call("PUT", site("app1"), { location: "westus", properties: { serverFarmId: "plan1" } });
    const blocked = await c.call("DELETE", farm("plan1"));
    expect(blocked.status).toBe(409);
    expect((await c.call("DELETE", site("app1"))).status).toBe(200);
    expect((await c.call("DELETE", farm("plan1"))).status).toBe(200);
    expect((await c.call("DELETE", farm("plan1"))).status).toBe(204);
  });

  it("PATCH updates; lists per group and subscription", async () => {
    await c.call("PUT", farm("plan1"), { location: "westus" });
    await c.call("PUT", farm("plan2"), { location: "westus" });
    const patched = await c.call("PATCH", farm("plan1"), { tags: { tier: "gold" } });
    expect(patched.json.tags).toEqual({ tier: "gold" });
    const list = await c.call("GET", `${c.sub}/providers/Microsoft.Web/serverfarms?${WEB_API}`);
    expect(list.json.value.map((f: { name: string }) => f.name)).toEqual(["plan1", "plan2"]);
  });
});

describe("generic resources", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  const API = "api-version=2024-01-01";
  const widget = (name: string) =>
    `${c.sub}/resourceGroups/rg1/providers/Contoso.Widgets/widgets/${name}?${API}`;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false });
    c = await armCaller(arm);
  });
  beforeEach(async () => {
    arm.reset();
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
  });
  afterAll(() => arm.close());

  it("PUT/GET/HEAD/PATCH/DELETE any {namespace}/{type}/{name}", async () => {
    const created = await c.call("PUT", widget("w1"), {
      location: "westus",
      kind: "blue",
      properties: { size: 3 },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      id: `${c.sub}/resourceGroups/rg1/providers/Contoso.Widgets/widgets/w1`,
      type: "Contoso.Widgets/widgets",
      kind: "blue",
      properties: { size: 3, provisioningState: "Succeeded" },
      systemData: { createdBy: arm.clientId },
    });
    expect((await c.call("HEAD", widget("w1"))).status).toBe(204);
    expect((await c.call("HEAD", widget("w2"))).status).toBe(404);
    const patched = await c.call("PATCH", widget("w1"), { properties: { color: "red" } });
    expect(patched.json.properties).toMatchObject({ size: 3, color: "red" });
    expect((await c.call("DELETE", widget("w1"))).status).toBe(200);
    expect((await c.call("DELETE", widget("w1"))).status).toBe(204);
    expect((await c.call("GET", widget("w1"))).json.error.code).toBe("ResourceNotFound");
  });

  it("validates GenericResource (identity.type enum, sku.capacity integer) naming the field", async () => {
    const badIdentity = await c.call("PUT", widget("w1"), {
      location: "westus",
      identity: { type: "Everyone" },
    });
    expect(badIdentity.status).toBe(400);
    expect(badIdentity.json.error.message).toContain("Path 'identity.type'");
    const badSku = await c.call("PUT", widget("w1"), { location: "westus", sku: { capacity: 1.5 } });
    expect(badSku.json.error.details[0].target).toBe("sku.capacity");
  });

  it("nested resources need their parent and go away with it", async () => {
    const child = `${c.sub}/resourceGroups/rg1/providers/Contoso.Widgets/widgets/w1/parts/p1?${API}`;
    expect((await c.call("PUT", child, { properties: {} })).json.error.code).toBe("ParentResourceNotFound");
    await c.call("PUT", widget("w1"), { location: "westus" });
    expect((await c.call("PUT", child, { properties: {} })).status).toBe(201);
    const parts = await c.call(
      "GET",
      `${c.sub}/resourceGroups/rg1/providers/Contoso.Widgets/widgets/w1/parts?${API}`,
    );
    expect(parts.json.value.map((p: { name: string }) => p.name)).toEqual(["w1/p1"]);
    await c.call("DELETE", widget("w1"));
    expect((await c.call("GET", child)).status).toBe(404);
  });

  it("honours If-Match / If-None-Match with the etag (412 otherwise)", async () => {
    const created = await c.call("PUT", widget("w1"), { location: "westus" });
    const etag = created.headers.etag!;
    expect(created.json.etag).toBe(etag);
    expect((await c.call("PUT", widget("w1"), { location: "westus" }, { "if-none-match": "*" })).status).toBe(
      412,
    );
    expect((await c.call("PATCH", widget("w1"), { tags: {} }, { "if-match": 'W/"stale"' })).status).toBe(412);
    const ok = await c.call("PATCH", widget("w1"), { tags: { a: "b" } }, { "if-match": etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).not.toBe(etag);
  });

  it("lists providers: the implemented ones, and generic namespaces with the api-versions used", async () => {
    await c.call("PUT", widget("w1"), { location: "westus" });
    const all = await c.call("GET", `${c.sub}/providers?${RG_API}`);
    const namespaces = all.json.value.map((p: { namespace: string }) => p.namespace);
    expect(namespaces).toEqual([
      "Microsoft.Resources",
      "Microsoft.KeyVault",
      "Microsoft.Web",
      "Contoso.Widgets",
    ]);
    const kv = await c.call("GET", `${c.sub}/providers/microsoft.keyvault?${RG_API}`);
    expect(kv.json.resourceTypes[0]).toMatchObject({
      resourceType: "vaults",
      defaultApiVersion: "2026-02-01",
    });
    const widgets = await c.call("GET", `${c.sub}/providers/Contoso.Widgets?${RG_API}`);
    expect(widgets.json.resourceTypes).toEqual([
      expect.objectContaining({ resourceType: "widgets", apiVersions: ["2024-01-01"] }),
    ]);
    expect(
      (await c.call("POST", `${c.sub}/providers/Microsoft.Web/register?${RG_API}`)).json.registrationState,
    ).toBe("Registered");
    const unknown = await c.call("GET", `${c.sub}/providers/Nope.Nothing?${RG_API}`);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("InvalidResourceNamespace");
  });

  it("answers ById paths the same as the expanded paths", async () => {
    await c.call("PUT", widget("w1"), { location: "westus" });
    const byId = await c.call(
      "GET",
      `${c.sub}/resourcegroups/RG1/providers/contoso.widgets/WIDGETS/w1?${API}`,
    );
    expect(byId.status).toBe(200);
    expect(byId.json.name).toBe("w1");
  });
});
