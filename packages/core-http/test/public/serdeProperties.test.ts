import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DeserializationError,
  deserialize,
  SerializationError,
  type Schema,
  serialize,
} from "../../src/index.js";
import {
  corruptibleValueArbitrary,
  pathOf,
  replaceAt,
  schemaAndValueArbitrary,
  wireLocations,
  wrongValue,
  wrongWireValue,
} from "./randomSchemas.js";

function toWire(schema: Schema, value: unknown): unknown {
  return JSON.parse(JSON.stringify(serialize(schema, value as never, "v")));
}

// A property run takes well under a second; the generous timeout only guards against a loaded machine.

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("serialize and deserialize on random schemas", () => {
  it("deserialize(serialize(x)) equals x", () => {
    fc.assert(
      fc.property(schemaAndValueArbitrary, ({ schema, value }) => {
        expect(deserialize(schema, toWire(schema, value), "w")).toEqual(value);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("names the corrupted field when a valid value is corrupted", () => {
    fc.assert(
      fc.property(corruptibleValueArbitrary, ({ schema, value, location }) => {
        const bad = replaceAt(value, location.segments, wrongValue(location.schema));
        const error = thrown(() => serialize(schema, bad as never, "v"));
        expect(error).toBeInstanceOf(SerializationError);
        const problems = (error as SerializationError).problems;
        expect(problems.map((p) => p.path)).toEqual([pathOf("v", location.segments)]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("names the corrupted wire field when a service body is corrupted", () => {
    const corrupted = schemaAndValueArbitrary
      .map(({ schema, value }) => ({ schema, wire: toWire(schema, value) }))
      .filter(({ schema, wire }) => wireLocations(schema, wire).length > 0)
      .chain(({ schema, wire }) =>
        fc.constantFrom(...wireLocations(schema, wire)).map((location) => ({ schema, wire, location })),
      );
    fc.assert(
      fc.property(corrupted, ({ schema, wire, location }) => {
        const bad = replaceAt(wire, location.segments, wrongWireValue(location.schema));
        const error = thrown(() => deserialize(schema, bad, "w"));
        expect(error).toBeInstanceOf(DeserializationError);
        expect((error as DeserializationError).problems.map((p) => p.path)).toEqual([
          pathOf("w", location.segments),
        ]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
