import { ClientSecretCredential } from "@azkit/identity";
import {
  createDefaultHttpClient,
  type DefaultHttpClient,
  isResourceNotFoundError,
  isSerializationError,
  type PipelineRequest,
} from "@azkit/core-http";
import { type ArmEmulator, startArmEmulator } from "arm-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResourceGroup, ResourceManagementClient } from "../../src/index.js";

// The whole resource-group flow against tools/arm-emulator over HTTPS, with a token from its
// token endpoint through ClientSecretCredential.
let arm: ArmEmulator;
let httpClient: DefaultHttpClient;
let credential: ClientSecretCredential;
let client: ResourceManagementClient;
const sent: PipelineRequest[] = [];
const fast = { updateIntervalInMs: 1 };

beforeAll(async () => {
  arm = await startArmEmulator({ https: true, lro: { polls: 1 } });
  httpClient = createDefaultHttpClient({ tlsSettings: { ca: arm.ca! } });
  credential = new ClientSecretCredential(arm.tenantId, arm.clientId, arm.clientSecret, {
    authorityHost: arm.authorityHost,
    httpClient,
  });
  client = new ResourceManagementClient(credential, arm.subscriptionId, { endpoint: arm.url, httpClient });
  client.pipeline.addPolicy({
    name: "recordRequests",
    sendRequest: (request, next) => {
      sent.push(request);
      return next(request);
    },
  });
});
afterAll(async () => {
  await credential?.close();
  httpClient?.close();
  await arm?.close();
});

describe("ResourceManagementClient against the ARM emulator", () => {
  it("creates a group from inline JSON and from new ResourceGroup(...), with the same request body", async () => {
    const inline = await client.resourceGroups.createOrUpdate("e2e-inline", {
      location: "westus",
      tags: { env: "test" },
    });
    const model = await client.resourceGroups.createOrUpdate(
      "e2e-model",
      new ResourceGroup({ location: "westus", tags: { env: "test" } }),
    );
    expect(inline.name).toBe("e2e-inline");
    expect(model.location).toBe("westus");
    expect(model.properties?.provisioningState).toBe("Succeeded");
    const bodies = sent.filter((r) => r.method === "PUT").map((r) => r.body);
    expect(bodies[0]).toBe(bodies[1]);
    expect(JSON.parse(String(bodies[0]))).toEqual({ location: "westus", tags: { env: "test" } });
  });

  it("checks existence with { body: boolean } and throws ResourceNotFoundError for a missing group", async () => {
    expect(await client.resourceGroups.checkExistence("e2e-inline")).toEqual({ body: true });
    expect(await client.resourceGroups.checkExistence("e2e-missing")).toEqual({ body: false });
    const error = await client.resourceGroups.get("e2e-missing").catch((e: unknown) => e);
    expect(isResourceNotFoundError(error)).toBe(true);
    expect(String((error as Error).message)).toContain("ResourceGroupNotFound");
  });

  it("lists groups with for await and with byPage({ maxPageSize: 2 })", async () => {
    await client.resourceGroups.createOrUpdate("e2e-third", { location: "eastus" });
    const names: string[] = [];
    for await (const group of client.resourceGroups.list()) names.push(group.name!);
    expect(names).toEqual(expect.arrayContaining(["e2e-inline", "e2e-model", "e2e-third"]));
    const pages: string[][] = [];
    for await (const page of client.resourceGroups.list().byPage({ maxPageSize: 2 })) {
      pages.push(page.map((g) => g.name!));
    }
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.flat().sort()).toEqual([...names].sort());
    expect(sent.some((r) => r.url.includes("%24top=2") || r.url.includes("$top=2"))).toBe(true);
  });

  it("rejects a bad argument before sending anything", async () => {
    const before = sent.length;
    const error = await client.resourceGroups
      .createOrUpdate("e2e-bad", { location: "westus", tags: "env=test" } as never)
      .catch((e: unknown) => e);
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("parameters.tags");
    const nameError = await client.resourceGroups.get("bad name!").catch((e: unknown) => e);
    expect(isSerializationError(nameError)).toBe(true);
    expect((nameError as Error).message).toContain("resourceGroupName");
    expect(sent.length).toBe(before);
  });

  it("creates, reads and deletes a generic resource by id", async () => {
    const id = `/subscriptions/${arm.subscriptionId}/resourceGroups/e2e-inline/providers/Microsoft.Contoso/widgets/w1`;
    const created = await client.resources.beginCreateOrUpdateByIdAndWait(
      id,
      "2024-01-01",
      { location: "westus", properties: { color: "blue" } },
      fast,
    );
    expect(created.id?.toLowerCase()).toBe(id.toLowerCase());
    const read = await client.resources.getById(id, "2024-01-01");
    expect(read.properties).toEqual(expect.objectContaining({ color: "blue" }));
    expect(await client.resources.checkExistenceById(id, "2024-01-01")).toEqual({ body: true });
    const inGroup: string[] = [];
    for await (const r of client.resources.listByResourceGroup("e2e-inline")) inGroup.push(r.name!);
    expect(inGroup).toContain("w1");
    await client.resources.beginDeleteByIdAndWait(id, "2024-01-01", fast);
    expect(await client.resources.checkExistenceById(id, "2024-01-01")).toEqual({ body: false });
  });

  it("sets and reads tags at a scope and at the subscription", async () => {
    const scope = `/subscriptions/${arm.subscriptionId}/resourceGroups/e2e-model`;
    const tags = await client.tagsOperations.beginCreateOrUpdateAtScopeAndWait(
      scope,
      { properties: { tags: { team: "azkit" } } },
      fast,
    );
    expect(tags.properties?.tags).toEqual({ team: "azkit" });
    expect((await client.tagsOperations.getAtScope(scope)).properties?.tags).toEqual({ team: "azkit" });
    await client.tagsOperations.createOrUpdate("costCenter");
    await client.tagsOperations.createOrUpdateValue("costCenter", "42");
    const tagNames: string[] = [];
    for await (const tag of client.tagsOperations.list()) tagNames.push(tag.tagName!);
    expect(tagNames).toContain("costCenter");
  });

  it("deletes a group: beginDelete resolves to a poller that is not thenable, beginDeleteAndWait to the end", async () => {
    const poller = await client.resourceGroups.beginDelete("e2e-third", fast);
    expect("then" in poller).toBe(false);
    await poller.pollUntilDone();
    expect(poller.isDone()).toBe(true);
    await client.resourceGroups.beginDeleteAndWait("e2e-inline", fast);
    await client.resourceGroups.beginDeleteAndWait("e2e-model", fast);
    expect(await client.resourceGroups.checkExistence("e2e-inline")).toEqual({ body: false });
  });
});
