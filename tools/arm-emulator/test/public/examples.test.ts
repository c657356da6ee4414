import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ArmEmulator, startArmEmulator } from "../../src/index.js";
import { type ArmCaller, armCaller, type Reply, shapeMismatches, specsRoot } from "../helpers.js";

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

/** Setup each served operation needs before its example request; an unlisted operation fails the test. */
const SETUP: Record<string, (c: ArmCaller, ex: Json) => Promise<void>> = {
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
};

/** Members of example bodies the emulator does not produce, with the reason. */
const NOT_EMULATED = [
  "properties.hsmPoolResourceId", // Managed HSM pools are not emulated
];

async function createGroup(c: ArmCaller, name: string): Promise<void> {
  const reply = await c.call("PUT", `${c.sub}/resourcegroups/${name}?api-version=2025-04-01`, {
    location: "westus",
  });
  expect([200, 201]).toContain(reply.status);
}

async function createVault(c: ArmCaller, rg: string, name: string): Promise<void> {
  await createGroup(c, rg);
  const createExample: Json = JSON.parse(
    readFileSync(exampleFiles.find((f) => basename(f) === "createVault.json")!, "utf8"),
  );
  const path = `${c.sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${name}?api-version=2025-05-01`;
  expect((await c.call("PUT", path, createExample.parameters.parameters)).status).toBe(201);
}

function buildRequest(op: Operation, ex: Json): { path: string; body: unknown } {
  const path = op.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(ex.parameters[name])),
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
  let arm: ArmEmulator;
  let caller: ArmCaller;
  beforeAll(async () => {
    arm = await startArmEmulator({ https: false, lro: { polls: 1 } });
  });
  afterAll(() => arm.close());

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

  for (const { file, ex, operationId } of served) {
    it(`${relative(specsRoot, file)} (${operationId})`, async () => {
      const op = operations.get(operationId!);
      expect(op, `operation ${operationId} found in a swagger`).toBeDefined();
      const setup = SETUP[operationId!];
      arm.reset();
      caller = await armCaller(arm);
      await setup!(caller, ex);

      const { path, body } = buildRequest(op!, ex);
      const reply = await caller.call(op!.method, path, body);
      const statuses = Object.keys(ex.responses).map(Number);
      expect(statuses, reply.text).toContain(reply.status);
      const expected = ex.responses[String(reply.status)];
      if (expected.body !== undefined) {
        expect(shapeMismatches(reply.json, expected.body, NOT_EMULATED)).toEqual([]);
      }
      for (const header of Object.keys(expected.headers ?? {})) {
        expect(reply.headers, `header ${header}`).toHaveProperty(header.toLowerCase());
      }
      if (reply.status === 202) {
        const final = await pollToEnd(caller, reply);
        expect(statuses).toContain(final.status);
      }
    });
  }
});
