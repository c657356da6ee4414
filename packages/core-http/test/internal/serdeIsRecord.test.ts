import { describe, expect, it } from "vitest";
import { isRecord } from "../../src/serde/isRecord.js";
import { deserialize, serialize } from "../../src/index.js";
import { s } from "../../src/serde/schemaBuilders.js";

describe("isRecord", () => {
  it("accepts plain objects, objects without a prototype and model instances", () => {
    class Sku {
      name = "standard";
    }
    expect(isRecord({})).toBe(true);
    expect(isRecord(Object.create(null))).toBe(true);
    expect(isRecord(new Sku())).toBe(true);
  });

  it("refuses arrays, dates, bytes, maps, sets and non-objects", () => {
    for (const value of [
      [],
      new Date(0),
      new Uint8Array(2),
      Buffer.from("x"),
      new Map(),
      new Set(),
      null,
      "x",
      1,
    ]) {
      expect(isRecord(value)).toBe(false);
    }
  });

  it("lets an object model refuse a Date or an array, in both directions, naming the path", () => {
    const Thing = s.object({ sku: s.object({ name: s.string() }) });
    expect(() => serialize(Thing, { sku: new Date(0) } as never, "v")).toThrow(/^v\.sku: expected/);
    expect(() => deserialize(Thing, { sku: ["a"] }, "body")).toThrow(/^body\.sku: expected/);
  });
});
