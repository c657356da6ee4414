import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, KV_API, RG_API, vaultBody } from "../helpers.js";

describe("resource groups", () => {
  let arm: ArmEmulator;
  let c: ArmCaller;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 2, retryAfterSeconds: 7 } });
    c = await armCaller(arm);
  });
  beforeEach(() => arm.reset());
  afterAll(() => arm.close());

  it("creates (201) then replaces (200), filling id/name/type/location like ARM", async () => {
    const created = await c.call("PUT", `${c.sub}/resourcegroups/My-RG?${RG_API}`, {
      location: "West US",
      tags: { env: "test" },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      id: `${c.sub}/resourceGroups/My-RG`,
      name: "My-RG",
      type: "Microsoft.Resources/resourceGroups",
      location: "westus",
      tags: { env: "test" },
      properties: { provisioningState: "Succeeded" },
    });
    const replaced = await c.call("PUT", `${c.sub}/resourcegroups/my-rg?${RG_API}`, { location: "westus" });
    expect(replaced.status).toBe(200);
    expect(replaced.json.name).toBe("My-RG");
  });

  it("routes case-insensitively and answers HEAD with 204/404", async () => {
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
    expect((await c.call("GET", `${c.sub.toUpperCase()}/RESOURCEGROUPS/RG1?${RG_API}`)).status).toBe(200);
    expect((await c.call("HEAD", `${c.sub}/resourceGroups/rg1?${RG_API}`)).status).toBe(204);
    expect((await c.call("HEAD", `${c.sub}/resourceGroups/nope?${RG_API}`)).status).toBe(404);
  });

  it("tolerates a doubled slash and refuses a malformed percent-encoding with 400", async () => {
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
    expect((await c.call("GET", `/${c.sub}/resourcegroups/rg1?${RG_API}`)).status).toBe(200);
    expect((await c.call("GET", `${c.sub}/resourcegroups/bad%zz?${RG_API}`)).status).toBe(400);
  });

  it("answers 404 ResourceGroupNotFound for a missing group", async () => {
    const reply = await c.call("GET", `${c.sub}/resourcegroups/missing?${RG_API}`);
    expect(reply.status).toBe(404);
    expect(reply.json.error).toEqual({
      code: "ResourceGroupNotFound",
      message: "Resource group 'missing' could not be found.",
    });
  });

  it("refuses to move a group to another location (409) and requires a location (400)", async () => {
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus" });
    const moved = await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "eastus" });
    expect(moved.status).toBe(409);
    expect(moved.json.error.code).toBe("InvalidResourceGroupLocation");
    const missing = await c.call("PUT", `${c.sub}/resourcegroups/rg2?${RG_API}`, { tags: {} });
    expect(missing.status).toBe(400);
    expect(missing.json.error.code).toBe("LocationRequired");
  });

  it("PATCH replaces tags and validates types with the field named", async () => {
    await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, { location: "westus", tags: { a: "1" } });
    const patched = await c.call("PATCH", `${c.sub}/resourcegroups/rg1?${RG_API}`, { tags: { b: "2" } });
    expect(patched.status).toBe(200);
    expect(patched.json.tags).toEqual({ b: "2" });
    const bad = await c.call("PATCH", `${c.sub}/resourcegroups/rg1?${RG_API}`, { tags: { b: 2 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("InvalidRequestContent");
    expect(bad.json.error.message).toContain("Path 'tags.b'");
  });

  it("answers 415 UnsupportedMediaType for a body that is not JSON", async () => {
    const reply = await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, "location=westus", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(reply.status).toBe(415);
    expect(reply.json.error.code).toBe("UnsupportedMediaType");
  });

  it("answers 413 for a body over ARM's 4 MB limit", async () => {
    const big = JSON.stringify({ location: "westus", tags: { a: "x".repeat(4 * 1024 * 1024) } });
    const reply = await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, big);
    expect(reply.status).toBe(413);
    expect(reply.json.error.code).toBe("RequestEntityTooLarge");
  });

  it("rejects malformed JSON with 400 InvalidRequestContent", async () => {
    const reply = await c.call("PUT", `${c.sub}/resourcegroups/rg1?${RG_API}`, "{not json");
    expect(reply.status).toBe(400);
    expect(reply.json.error.code).toBe("InvalidRequestContent");
  });

  it("DELETE is an LRO: 202 + Location + Retry-After, N polls of 202, then 200 and a cascade delete", async () => {
    await c.call("PUT", `${c.sub}/resourcegroups/doomed?${RG_API}`, { location: "westus" });
    await c.call(
      "PUT",
      `${c.sub}/resourcegroups/doomed/providers/Microsoft.KeyVault/vaults/kv-doomed?${KV_API}`,
      vaultBody(),
    );
    await c.call(
      "PUT",
      `${c.sub}/resourcegroups/doomed/providers/Contoso.Widgets/widgets/w1?api-version=2024-01-01`,
      {
        location: "westus",
      },
    );
    const started = await c.call("DELETE", `${c.sub}/resourcegroups/doomed?${RG_API}`);
    expect(started.status).toBe(202);
    expect(started.headers["retry-after"]).toBe("7");
    expect(started.headers.location).toMatch(
      /\/subscriptions\/[\w-]+\/operationresults\/[\w-]+\?api-version=2025-04-01$/,
    );

    const during = await c.call("GET", `${c.sub}/resourcegroups/doomed?${RG_API}`);
    expect(during.json.properties.provisioningState).toBe("Deleting");
    const blocked = await c.call(
      "PUT",
      `${c.sub}/resourcegroups/doomed/providers/Contoso.Widgets/widgets/w2?api-version=2024-01-01`,
      {
        location: "westus",
      },
    );
    expect(blocked.status).toBe(409);
    expect(blocked.json.error.code).toBe("ResourceGroupBeingDeleted");

    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await c.call("GET", started.headers.location!)).status);
    expect(statuses).toEqual([202, 202, 200]);
    expect((await c.call("HEAD", `${c.sub}/resourcegroups/doomed?${RG_API}`)).status).toBe(404);
    const everything = await c.call("GET", `${c.sub}/resources?${RG_API}`);
    expect(everything.json.value).toEqual([]);
    const deleted = await c.call("GET", `${c.sub}/providers/Microsoft.KeyVault/deletedVaults?${KV_API}`);
    expect(deleted.json.value.map((d: { name: string }) => d.name)).toEqual(["kv-doomed"]);
  });

  it("answers 404 for an operation it does not know", async () => {
    const reply = await c.call("GET", `${c.sub}/operationresults/bm9wZQ?${RG_API}`);
    expect(reply.status).toBe(404);
  });
});
