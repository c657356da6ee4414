// The generic (interpreted) object walkers, used where code generation is not allowed, must behave
// exactly like the generated ones: the same properties run here with generation switched off.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { deserialize, SerializationError, serialize } from "../../src/index.js";
import {
  corruptibleValueArbitrary,
  pathOf,
  replaceAt,
  schemaAndValueArbitrary,
  wrongValue,
} from "../public/randomSchemas.js";

const generation = vi.hoisted(() => ({ asked: 0 }));
vi.mock("../../src/serde/objectWalkerCode.js", () => ({
  generateObjectWalkers: () => {
    generation.asked++;
    return undefined;
  },
}));

describe("generic object walkers", () => {
  it("round-trip random values of random schemas", () => {
    fc.assert(
      fc.property(schemaAndValueArbitrary, ({ schema, value }) => {
        const wire = JSON.parse(JSON.stringify(serialize(schema, value as never, "v")));
        expect(deserialize(schema, wire, "w")).toEqual(value);
      }),
      { numRuns: 200 },
    );
    expect(generation.asked).toBeGreaterThan(0);
  }, 60_000);

  it("name the corrupted field", () => {
    fc.assert(
      fc.property(corruptibleValueArbitrary, ({ schema, value, location }) => {
        const bad = replaceAt(value, location.segments, wrongValue(location.schema));
        let caught: unknown;
        try {
          serialize(schema, bad as never, "v");
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(SerializationError);
        expect((caught as SerializationError).problems.map((p) => p.path)).toEqual([
          pathOf("v", location.segments),
        ]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
