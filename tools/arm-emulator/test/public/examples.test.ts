import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, type Reply, shapeMismatches, specsRoot } from "../helpers.js";
import { WEB_NOT_EMULATED, WEB_SETUP, webNotReplayedReason } from "./webExamples.js";

// biome-ignore lint/suspicious/noExplicitAny: swagger and example documents are untyped JSON
type Json = any;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : full.endsWith(".json") ? [full] : [];
  });
}

interface Operation {
  operationId: string;
  method: string;
  template: string;
  parameters: Json[];
}

const allFiles = walk(join(specsRoot, "specification"));
const exampleFiles = allFiles.filter((f) => f.split("/").includes("examples"));
const swaggerFiles = allFiles.filter((f) => !f.split("/").includes("examples"));

const operations = new Map<string, Operation>();
const operationByExample = new Map<string, string>();
for (const file of swaggerFiles) {
  const doc: Json = JSON.parse(readFileSync(file, "utf8"));
  for (const [template, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (method === "parameters") continue;
      const parameters = (op.parameters ?? []).map((p: Json) =>
        p.$ref?.startsWith("#/parameters/") ? doc.parameters[p.$ref.slice(13)] : p,
      );
      operations.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase(),
        template,
        parameters,
      });
      for (const ex of Object.values<Json>(op["x-ms-examples"] ?? {})) {
        operationByExample.set(resolve(dirname(file), ex.$ref), op.operationId);
      }
    }
  }
}

/**
 * Setup each served operation needs before its example request (it may return parameters to use
 * instead of the example's, for names the service generates); an unlisted operation is not replayed.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: most setups return nothing
type Setup = (c: ArmCaller, ex: Json) => Promise<void | Record<string, string>>;
const SETUP: Record<string, Setup> = {
  ResourceGroups_CreateOrUpdate: async () => {},
  ResourceGroups_Delete: async (c, ex) => createGroup(c, ex.parameters.resourceGroupName),
  Vaults_CreateOrUpdate: async (c, ex) => createGroup(c, ex.parameters.resourceGroupName),
  Vaults_Get: async (c, ex) => createVault(c, ex.parameters.resourceGroupName, ex.parameters.vaultName),
  Vaults_Delete: async (c, ex) => createVault(c, ex.parameters.resourceGroupName, ex.parameters.vaultName),
  Vaults_ListByResourceGroup: async (c, ex) => {
    // Two vaults, so that `$top` leaves a nextLink as in the example.
    await createVault(c, ex.parameters.resourceGroupName, "sample-vault");
    await createVault(c, ex.parameters.resourceGroupName, "sample-vault-2");
  },
  // Microsoft.Resources
  ResourceGroups_Get: async (c, ex) => createGroup(c, ex.parameters.resourceGroupName),
  ResourceGroups_ExportTemplate: async (c, ex) => {
    await createGeneric(c, ex.parameters.resourceGroupName, "My.RP/myResourceType/myFirstResource");
    await createGeneric(c, ex.parameters.resourceGroupName, "My.RP/myResourceType/mySecondResource");
  },
  ProviderResourceTypes_List: async (c, ex) =>
    createGeneric(c, "my-resource-group", `${ex.parameters.resourceProviderNamespace}/TestResourceType/r1`),
  Tags_GetAtScope: async (c, ex) => {
    await tagScopeTarget(c, ex.parameters.scope);
    const tags = ex.responses["200"].body.properties.tags;
    const put = await c.call(
      "PUT",
      `/${ex.parameters.scope}/providers/Microsoft.Resources/tags/default?api-version=2025-04-01`,
      {
        properties: { tags },
      },
    );
    expect(put.status).toBe(200);
  },
  Tags_CreateOrUpdateAtScope: async (c, ex) => tagScopeTarget(c, ex.parameters.scope),
  Tags_UpdateAtScope: async (c, ex) => tagScopeTarget(c, ex.parameters.scope),
  // Microsoft.KeyVault
  Vaults_Update: async (c, ex) => {
    // The example's vault has network rules and a private endpoint connection.
    await createVault(
      c,
      ex.parameters.resourceGroupName,
      ex.parameters.vaultName,
      "createVaultWithNetworkAcls.json",
    );
    await createConnection(c, ex, "sample-pe");
  },
  Vaults_UpdateAccessPolicy: async (c, ex) =>
    createVault(c, ex.parameters.resourceGroupName, ex.parameters.vaultName),
  Vaults_ListBySubscription: async (c) => {
    await createVault(c, "sample-group", "sample-vault");
    await createVault(c, "sample-group", "sample-vault-2");
  },
  Vaults_CheckNameAvailability: async () => {},
  Vaults_ListDeleted: async (c) => {
    await createDeletedVault(c, "sample-group", "sample-vault");
    await createDeletedVault(c, "sample-group", "sample-vault-2");
  },
  Vaults_GetDeleted: async (c, ex) => createDeletedVault(c, "sample-group", ex.parameters.vaultName),
  Vaults_PurgeDeleted: async (c, ex) => createDeletedVault(c, "sample-group", ex.parameters.vaultName),
  // Connections are named by the service: the request uses the name the setup's endpoint got.
  PrivateEndpointConnections_Get: async (c, ex) => ({
    privateEndpointConnectionName: await createConnection(c, ex),
  }),
  PrivateEndpointConnections_Put: async (c, ex) => ({
    privateEndpointConnectionName: await createConnection(c, ex),
  }),
  PrivateEndpointConnections_Delete: async (c, ex) => ({
    privateEndpointConnectionName: await createConnection(c, ex),
  }),
  PrivateEndpointConnections_ListByResource: async (c, ex) => {
    await createConnection(c, ex, "sample-pe-1");
    await createConnection(c, ex, "sample-pe-2");
  },
  PrivateLinkResources_ListByVault: async (c, ex) =>
    createVault(c, ex.parameters.resourceGroupName, ex.parameters.vaultName),
  ...WEB_SETUP,
};

/** Members of example bodies the emulator does not produce, with the reason. */
const NOT_EMULATED = [
  "properties.hsmPoolResourceId", // Managed HSM pools are not emulated
  ...WEB_NOT_EMULATED,
];

/** Members of particular examples whose data the emulator cannot produce, with the reason. */
const NOT_EMULATED_IN: Record<string, { members: string[]; reason: string }> = {
  "ExportResourceGroup.json": {
    members: ["template.parameters.myResourceType_myFirstResource_secret", "properties.secret", "error"],
    reason:
      "the example's provider declares a secret property (exported as a SecureString parameter) and a type it cannot export (the error); generic resources have neither",
  },
  "ExportResourceGroupWithFiltering.json": {
    members: ["template.parameters.myResourceType_myFirstResource_secret", "properties.secret"],
    reason: "the example's provider declares a secret property, exported as a SecureString parameter",
  },
  "ExportResourceGroupAsBicep.json": {
    members: ["error"],
    reason: "the example's export completed with errors for a type its provider cannot export",
  },
  "GetProviderResourceTypes.json": {
    members: ["value[].locationMappings"],
    reason: "no extended locations (edge zones) are emulated",
  },
};

async function createGroup(c: ArmCaller, name: string): Promise<void> {
  const reply = await c.call("PUT", `${c.sub}/resourcegroups/${name}?api-version=2025-04-01`, {
    location: "westus",
  });
  expect([200, 201]).toContain(reply.status);
}

/** A generic resource `{namespace}/{type}/{name}` in group `rg` (the group is created too). */
async function createGeneric(c: ArmCaller, rg: string, typeAndName: string): Promise<void> {
  await createGroup(c, rg);
  const path = `${c.sub}/resourceGroups/${rg}/providers/${typeAndName}?api-version=2024-01-01`;
  const reply = await c.call("PUT", path, { location: "westus", properties: { setting: "value" } });
  expect([200, 201], reply.text).toContain(reply.status);
}

/** Makes what a tags `{scope}` names exist: the group, and the resource when the scope is one. */
async function tagScopeTarget(c: ArmCaller, scope: string): Promise<void> {
  const parts = scope.split("/");
  if (parts.length >= 4) await createGroup(c, parts[3]!);
  if (parts.length > 5) await createGeneric(c, parts[3]!, parts.slice(5).join("/"));
}

/** A vault that has been deleted (so it is in the soft-deleted list). */
async function createDeletedVault(c: ArmCaller, rg: string, name: string): Promise<void> {
  await createVault(c, rg, name);
  const path = `${c.sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}?api-version=2025-05-01`;
  expect((await c.call("DELETE", path)).status).toBe(200);
}

/**
 * A private endpoint linking to the example's vault (created when missing): Azure then shows a
 * connection on the vault, named after the endpoint plus a GUID. Returns that connection's name.
 */
async function createConnection(c: ArmCaller, ex: Json, endpointName = "sample-pe"): Promise<string> {
  const { resourceGroupName: rg, vaultName } = ex.parameters;
  const vaultPath = `${c.sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${vaultName}`;
  if ((await c.call("GET", `${vaultPath}?api-version=2025-05-01`)).status === 404)
    await createVault(c, rg, vaultName);
  const endpoint = `${c.sub}/resourceGroups/${rg}/providers/Microsoft.Network/privateEndpoints/${endpointName}`;
  const reply = await c.call("PUT", `${endpoint}?api-version=2024-05-01`, {
    location: "westus",
    properties: {
      privateLinkServiceConnections: [
        { name: endpointName, properties: { privateLinkServiceId: vaultPath, groupIds: ["vault"] } },
      ],
    },
  });
  expect([200, 201], reply.text).toContain(reply.status);
  const vault = await c.call("GET", `${vaultPath}?api-version=2025-05-01`);
  const connection = vault.json.properties.privateEndpointConnections.find(
    (p: Json) => p.properties.privateEndpoint.id === endpoint,
  );
  return connection.id.split("/").pop();
}

async function createVault(
  c: ArmCaller,
  rg: string,
  name: string,
  example = "createVault.json",
): Promise<void> {
  await createGroup(c, rg);
  const createExample: Json = JSON.parse(
    readFileSync(exampleFiles.find((f) => basename(f) === example)!, "utf8"),
  );
  const path = `${c.sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}?api-version=2025-05-01`;
  expect((await c.call("PUT", path, createExample.parameters.parameters)).status).toBe(201);
}

function buildRequest(op: Operation, ex: Json): { path: string; body: unknown } {
  // Ids and scopes (`x-ms-skip-url-encoding`) go into the path as they are.
  const raw = new Set(op.parameters.filter((p) => p["x-ms-skip-url-encoding"]).map((p) => p.name));
  const path = op.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    raw.has(name) ? String(ex.parameters[name]) : encodeURIComponent(String(ex.parameters[name])),
  );
  const query = new URLSearchParams();
  let body: unknown;
  for (const p of op.parameters) {
    const value = ex.parameters[p.name];
    if (value === undefined) continue;
    if (p.in === "query") query.set(p.name, String(value));
    if (p.in === "body") body = value;
  }
  return { path: `${path}?${query}`, body };
}

async function pollToEnd(c: ArmCaller, first: Reply): Promise<Reply> {
  let reply = first;
  for (let i = 0; i < 10 && reply.status === 202 && reply.headers.location; i++) {
    reply = await c.call("GET", reply.headers.location);
  }
  return reply;
}

describe("spec examples replay", () => {
  let caller: ArmCaller;
  // One emulator per subscription the examples use (the Web examples have their own).
  const emulators = new Map<string, Promise<ArmEmulator>>();
  const emulatorFor = (subscriptionId: string | undefined): Promise<ArmEmulator> => {
    const key = subscriptionId ?? "";
    if (!emulators.has(key)) {
      emulators.set(
        key,
        startArmEmulator({
          https: false,
          lro: { polls: 1 },
          // One item per page: a list of two answers with a nextLink, as the list examples do.
          pageSize: 1,
          ...(subscriptionId ? { subscriptionId } : {}),
        }),
      );
    }
    return emulators.get(key)!;
  };
  afterAll(async () => {
    for (const arm of emulators.values()) await (await arm).close();
  });

  const examples = exampleFiles.map((file) => {
    const ex: Json = JSON.parse(readFileSync(file, "utf8"));
    return { file, ex, operationId: (operationByExample.get(file) ?? ex.operationId) as string | undefined };
  });
  const served = examples.filter((e) => e.operationId !== undefined && SETUP[e.operationId] !== undefined);

  it("maps every vendored example to an operation of a vendored swagger", () => {
    const unmapped = examples.filter((e) => !e.operationId || !operations.has(e.operationId));
    expect(unmapped.map((e) => relative(specsRoot, e.file))).toEqual([]);
    // Examples of operations the emulator does not serve yet are counted, not replayed.
    console.log(`spec examples: ${served.length} of ${examples.length} replayed against the emulator`);
    expect(served.length).toBeGreaterThanOrEqual(6);
  });

  it("replays every Microsoft.Resources and Microsoft.KeyVault example", () => {
    const armExamples = examples.filter((e) => /specification\/(resources|keyvault)\//.test(e.file));
    const notReplayed = armExamples.filter((e) => !served.includes(e));
    expect(notReplayed.map((e) => relative(specsRoot, e.file))).toEqual([]);
    expect(armExamples.length).toBeGreaterThan(0);
  });

  it("replays every Microsoft.Web example, or names why its operation is not served", () => {
    const web = examples.filter((e) => e.file.includes("/Microsoft.Web/"));
    const replayed = web.filter((e) => SETUP[e.operationId!] !== undefined);
    const unexplained = web.filter(
      (e) => SETUP[e.operationId!] === undefined && webNotReplayedReason(e.operationId!) === undefined,
    );
    expect(unexplained.map((e) => `${basename(e.file)} (${e.operationId})`)).toEqual([]);
    const servedButListed = replayed.filter((e) => webNotReplayedReason(e.operationId!) !== undefined);
    expect(servedButListed.map((e) => e.operationId)).toEqual([]);
    console.log(
      `Microsoft.Web examples: ${replayed.length} of ${web.length} replayed; the rest are listed with a reason`,
    );
  });

  for (const { file, ex, operationId } of served) {
    it(`${relative(specsRoot, file)} (${operationId})`, async () => {
      const op = operations.get(operationId!);
      expect(op, `operation ${operationId} found in a swagger`).toBeDefined();
      const setup = SETUP[operationId!];
      const arm = await emulatorFor(ex.parameters.subscriptionId);
      arm.reset();
      caller = await armCaller(arm);
      const overrides = await setup!(caller, ex);

      const { path, body } = buildRequest(op!, { ...ex, parameters: { ...ex.parameters, ...overrides } });
      const reply = await caller.call(op!.method, path, body);
      const statuses = Object.keys(ex.responses).map(Number);
      expect(statuses, reply.text).toContain(reply.status);
      const expected = ex.responses[String(reply.status)];
      const ignored = [...NOT_EMULATED, ...(NOT_EMULATED_IN[basename(file)]?.members ?? [])];
      if (expected.body !== undefined) {
        expect(shapeMismatches(reply.json, expected.body, ignored)).toEqual([]);
      }
      for (const header of Object.keys(expected.headers ?? {})) {
        expect(reply.headers, `header ${header}`).toHaveProperty(header.toLowerCase());
      }
      if (reply.status === 202) {
        const final = await pollToEnd(caller, reply);
        expect(statuses, final.text).toContain(final.status);
        // The result a long-running action ends with (a DELETE's final answer carries no body here).
        const finalBody = ex.responses[String(final.status)]?.body;
        // ARM's default final state of a PUT or PATCH is the resource, read again at the request URI.
        const result =
          op!.method === "PUT" || op!.method === "PATCH" ? await caller.call("GET", path) : final;
        if (op!.method !== "DELETE" && finalBody !== undefined) {
          expect(shapeMismatches(result.json, finalBody, ignored)).toEqual([]);
        }
      }
    });
  }
});
