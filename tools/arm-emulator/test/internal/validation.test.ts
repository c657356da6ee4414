import { describe, expect, it } from "vitest";
import { specData } from "../../src/generated/specSchemas.js";
import { assertValid, type Schema, validate, writableOnly } from "../../src/validation.js";

const schema: Schema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string" },
    id: { type: "string", readOnly: true },
    size: { type: "integer" },
    tier: { type: "string", enum: ["Basic", "Premium"] },
    tags: { type: "object", additionalProperties: { type: "string" } },
    items: {
      type: "array",
      items: { type: "object", required: ["v"], properties: { v: { type: "boolean" } } },
    },
  },
};

describe("validate", () => {
  it("accepts a valid value and ignores unknown and read-only members", () => {
    expect(validate(schema, { name: "a", id: 5, extra: true, tier: "premium" })).toEqual([]);
  });

  it("reports required, type, enum, map-value and array-item problems with their paths", () => {
    const problems = validate(schema, { size: 1.5, tier: "Gold", tags: { a: 1 }, items: [{ v: true }, {}] });
    expect(problems.map((p) => p.path)).toEqual(["name", "size", "tier", "tags.a", "items[1].v"]);
  });

  it("assertValid throws InvalidRequestContent naming the first field, with every problem in details", () => {
    try {
      assertValid(schema, { name: 1, size: "x" });
      expect.unreachable();
    } catch (error) {
      const e = error as {
        status: number;
        code: string;
        message: string;
        details: Array<{ target: string }>;
      };
      expect(e.status).toBe(400);
      expect(e.code).toBe("InvalidRequestContent");
      expect(e.message).toContain("Path 'name'");
      expect(e.details.map((d) => d.target)).toEqual(["name", "size"]);
    }
  });

  it("writableOnly drops read-only members at any depth", () => {
    expect(writableOnly(schema, { name: "a", id: "x", items: [{ v: true }] })).toEqual({
      name: "a",
      items: [{ v: true }],
    });
  });

  it("uses the spec's schemas: sku.name is a closed enum, sku.family an open one", () => {
    const body = (sku: object) => ({
      location: "x",
      properties: { tenantId: "00000000-0000-0000-0000-000000000000", sku },
    });
    const s = specData.schemas.VaultCreateOrUpdateParameters as Schema;
    expect(validate(s, body({ family: "B", name: "standard" }))).toEqual([]);
    expect(validate(s, body({ family: "A", name: "basic" })).map((p) => p.path)).toEqual([
      "properties.sku.name",
    ]);
  });
});
