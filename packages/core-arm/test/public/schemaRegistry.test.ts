import { deserialize, isSerializationError, serialize } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import { createSchemaRegistry, modelClass } from "../../src/index.js";

describe("createSchemaRegistry", () => {
  const definitions = {
    Resource: () => ({
      type: "object",
      name: "Resource",
      properties: { id: { type: "string", readOnly: true } },
    }),
    Node: (ref) => ({
      type: "object",
      name: "Node",
      bases: ["Resource"],
      properties: {
        children: { type: "array", items: ref("Node") },
        parent: ref("Node", { readOnly: true }),
      },
    }),
    Sku: () => ({ type: "object", name: "Sku", properties: { name: { type: "string", required: true } } }),
    Vault: (ref) => ({
      type: "object",
      name: "Vault",
      properties: { sku: ref("Sku", { required: true, wireName: ["properties", "sku"] }) },
    }),
  } as const satisfies Parameters<typeof createSchemaRegistry>[0];

  it("builds nothing until a schema is asked for", () => {
    let built = 0;
    const registry = createSchemaRegistry({
      A: () => {
        built++;
        return { type: "string" };
      },
    });
    expect(built).toBe(0);
    registry.get("A");
    registry.get("A");
    expect(built).toBe(1);
  });

  it("shares one schema per name, so recursive models are cycles", () => {
    const registry = createSchemaRegistry(definitions);
    const tree = deserialize(registry.get("Node"), { id: "1", children: [{ id: "2", children: [] }] });
    expect(tree).toEqual({ id: "1", children: [{ id: "2", children: [] }] });
  });

  it("merges the properties of bases first, and applies property flags without copying the model", () => {
    const registry = createSchemaRegistry(definitions);
    expect(serialize(registry.get("Node"), { id: "dropped", children: [] })).toEqual({ children: [] });
    expect(serialize(registry.get("Vault"), { sku: { name: "standard" } })).toEqual({
      properties: { sku: { name: "standard" } },
    });
    let error: unknown;
    try {
      serialize(registry.get("Vault"), {}, "parameters");
    } catch (e) {
      error = e;
    }
    expect(isSerializationError(error)).toBe(true);
    expect((error as Error).message).toContain("parameters.sku");
  });

  it("names a schema it does not have", () => {
    expect(() => createSchemaRegistry({}).get("Nope")).toThrow(/no schema named "Nope"/);
  });
});

describe("modelClass", () => {
  it("makes named classes whose instances serialize like inline JSON", () => {
    const registry = createSchemaRegistry(definitions());
    const Sku = modelClass<{ name: string }>("Sku");
    const sku = new Sku({ name: "premium" });
    expect(Sku.name).toBe("Sku");
    expect(Sku.modelName).toBe("Sku");
    expect(sku).toBeInstanceOf(Sku);
    expect(serialize(registry.get("Vault"), { sku })).toEqual(
      serialize(registry.get("Vault"), { sku: { name: "premium" } }),
    );
  });
});

function definitions() {
  return {
    Sku: () => ({ type: "object", name: "Sku", properties: { name: { type: "string", required: true } } }),
    Vault: (ref) => ({ type: "object", name: "Vault", properties: { sku: ref("Sku") } }),
  } as const satisfies Parameters<typeof createSchemaRegistry>[0];
}
