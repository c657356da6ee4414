import { describe, expect, expectTypeOf, it } from "vitest";
import {
  DeserializationError,
  deserialize,
  type Infer,
  type ObjectSchema,
  type Schema,
  s,
  SerializationError,
  serialize,
} from "../../src/index.js";

function problemsOf(
  action: () => unknown,
): { path: string; expected: string; actual: string; hint?: string }[] {
  try {
    action();
  } catch (error) {
    if (error instanceof SerializationError || error instanceof DeserializationError)
      return [...error.problems];
    throw error;
  }
  throw new Error("expected a serde error");
}

describe("schema builders", () => {
  it("return plain data a generator could have written", () => {
    const built = s.object(
      {
        name: s.required(s.enum(["a", "b"])),
        when: s.readOnly(s.dateTime()),
        tenantId: s.wire(["properties", "tenantId"], s.string()),
        tags: s.nullable(s.dictionary(s.string())),
      },
      { name: "Thing", additionalProperties: true },
    );
    const written = {
      type: "object",
      properties: {
        name: { type: "string", enum: ["a", "b"], required: true },
        when: { type: "date-time", readOnly: true },
        tenantId: { type: "string", wireName: ["properties", "tenantId"] },
        tags: { type: "dictionary", values: { type: "string" }, nullable: true },
      },
      name: "Thing",
      additionalProperties: true,
    };
    expect(JSON.parse(JSON.stringify(built))).toEqual(written);
    expect(built).toEqual(written);
  });
});

describe("flattened properties (x-ms-client-flatten)", () => {
  const Site = s.object({
    location: s.required(s.string()),
    state: s.readOnly(s.wire(["properties", "state"], s.string())),
    serverFarmId: s.wire(["properties", "serverFarmId"], s.string()),
    httpsOnly: s.wire(["properties", "httpsOnly"], s.boolean()),
    kind: s.string(),
  });

  it("nests flattened properties back under properties when serializing", () => {
    expect(
      JSON.stringify(
        serialize(Site, { httpsOnly: true, location: "westus", serverFarmId: "/farm", kind: "app" }),
      ),
    ).toBe('{"location":"westus","properties":{"serverFarmId":"/farm","httpsOnly":true},"kind":"app"}');
  });

  it("lifts them onto the model when deserializing, and reports wire paths", () => {
    const wire = {
      location: "westus",
      properties: { state: "Running", httpsOnly: false, extra: 1 },
      kind: "app",
    };
    expect(deserialize(Site, wire)).toEqual({
      location: "westus",
      state: "Running",
      httpsOnly: false,
      kind: "app",
    });
    const [problem] = problemsOf(() => deserialize(Site, { properties: { httpsOnly: "yes" } }, "body"));
    expect(problem?.path).toBe("body.properties.httpsOnly");
  });
});

describe("open and closed models", () => {
  const Closed = s.object({ name: s.string() }, { name: "Closed" });
  const Open = s.object({ name: s.string() }, { additionalProperties: true });
  const Typed = s.object({ name: s.string() }, { additionalProperties: s.integer() });

  it("keeps unknown properties of open models in both directions", () => {
    expect(serialize(Open, { name: "n", extra: { deep: [1] } } as never)).toEqual({
      name: "n",
      extra: { deep: [1] },
    });
    expect(deserialize(Open, { name: "n", added: true })).toEqual({ name: "n", added: true });
  });

  it("keeps a property named __proto__ of an open model as data", () => {
    const read = deserialize(Open, JSON.parse('{"name":"n","__proto__":{"polluted":true}}')) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(["name", "__proto__"]);
    const sent = serialize(Open, read as never) as Record<string, unknown>;
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
    expect(JSON.stringify(sent)).toBe('{"name":"n","__proto__":{"polluted":true}}');
  });

  it("validates unknown properties against an additionalProperties schema", () => {
    expect(serialize(Typed, { name: "n", count: 3 })).toEqual({ name: "n", count: 3 });
    expect(problemsOf(() => serialize(Typed, { name: "n", count: "3" }, "v"))[0]?.path).toBe("v.count");
    expectTypeOf<Infer<typeof Typed>>().toEqualTypeOf<{ name?: string; [key: string]: unknown }>();
  });

  it("rejects unknown properties of closed models and drops them when deserializing", () => {
    const [problem] = problemsOf(() => serialize(Closed, { name: "n", nmae: "x" } as never, "v"));
    expect(problem).toMatchObject({ path: "v.nmae", hint: 'did you mean "name"?' });
    expect(problem?.expected).toBe("one of the properties of Closed (name)");
    expect(deserialize(Closed, { name: "n", added: true })).toEqual({ name: "n" });
  });

  it("ignores properties explicitly set to undefined", () => {
    expect(serialize(Closed, { name: undefined, other: undefined } as never)).toEqual({});
  });
});

describe("polymorphic schemas", () => {
  const Dog = s.object({ barks: s.required(s.boolean()) }, { name: "Dog" });
  const Cat = s.object({ lives: s.integer({ minimum: 0, maximum: 9 }) }, { name: "Cat" });
  const Pet = s.polymorphic("kind", { dog: Dog, cat: Cat });
  const OpenPet = s.polymorphic("kind", { dog: Dog }, { base: s.object({}, { additionalProperties: true }) });

  it("serializes by the discriminator, writing it first", () => {
    expect(JSON.stringify(serialize(Pet, { barks: true, kind: "dog" }))).toBe('{"kind":"dog","barks":true}');
    expectTypeOf<Infer<typeof Pet>>().toEqualTypeOf<
      { kind: "dog"; barks: boolean } | { kind: "cat"; lives?: number }
    >();
  });

  it("reports an unknown or missing discriminator with the known values", () => {
    expect(problemsOf(() => serialize(Pet, { kind: "cow" } as never, "pet"))[0]).toMatchObject({
      path: "pet.kind",
      expected: 'one of "dog" | "cat"',
      actual: 'the string "cow"',
    });
    expect(problemsOf(() => serialize(Pet, { lives: 3 } as never, "pet"))[0]?.path).toBe("pet.kind");
  });

  it("validates the chosen subtype", () => {
    expect(problemsOf(() => serialize(Pet, { kind: "cat", lives: 12 }, "pet"))[0]?.path).toBe("pet.lives");
  });

  it("reads unknown kinds with the base schema, or keeps them as sent", () => {
    expect(deserialize(Pet, { kind: "cow", moos: true })).toEqual({ kind: "cow", moos: true });
    expect(deserialize(OpenPet, { kind: "cow", moos: true })).toEqual({ kind: "cow", moos: true });
    expect(serialize(OpenPet, { kind: "cow", moos: true } as never)).toEqual({ kind: "cow", moos: true });
  });
});

describe("recursive schemas", () => {
  it("handles a model that contains itself (ARM error details)", () => {
    const ErrorDetail = {
      type: "object",
      name: "ErrorDetail",
      properties: { code: { type: "string" }, message: { type: "string" } } as Record<string, Schema>,
    } satisfies ObjectSchema;
    ErrorDetail.properties.details = { type: "array", items: ErrorDetail };
    const wire = { code: "A", details: [{ code: "B", details: [{ code: "C", message: 5 }] }] };
    expect(problemsOf(() => deserialize(ErrorDetail, wire, "error"))[0]?.path).toBe(
      "error.details[0].details[0].message",
    );
    const ok = { code: "A", details: [{ code: "B", details: [] }] };
    expect(deserialize(ErrorDetail, serialize(ErrorDetail, ok as never))).toEqual(ok);
  });
});

describe("scalars", () => {
  const When = s.object({
    at: s.dateTime(),
    httpDate: s.dateTime({ format: "rfc1123" }),
    day: s.date(),
    epoch: s.unixTime(),
    data: s.bytes(),
    ttl: s.duration(),
  });

  it("accept code values and their wire strings alike (inline JSON)", () => {
    const fromCode = serialize(When, {
      at: new Date("2025-01-02T03:04:05.678Z"),
      httpDate: new Date("2025-01-02T03:04:05Z"),
      day: new Date("2025-01-02T00:00:00Z"),
      epoch: new Date("2025-01-02T03:04:05Z"),
      data: new Uint8Array([1, 2, 3]),
      ttl: "PT1H",
    });
    expect(fromCode).toEqual({
      at: "2025-01-02T03:04:05.678Z",
      httpDate: "Thu, 02 Jan 2025 03:04:05 GMT",
      day: "2025-01-02",
      epoch: 1735787045,
      data: "AQID",
      ttl: "PT1H",
    });
    expect(serialize(When, fromCode as never)).toEqual(fromCode);
    expect(deserialize(When, fromCode).data).toEqual(new Uint8Array([1, 2, 3]));
  });

  it("reject values that are not what they claim", () => {
    const problems = problemsOf(() =>
      serialize(
        When,
        {
          at: "yesterday",
          httpDate: new Date(Number.NaN),
          day: "2025-02-30",
          epoch: 1.5,
          data: "***",
          ttl: "1h",
        },
        "w",
      ),
    );
    expect(problems.map((p) => p.path)).toEqual([
      "w.at",
      "w.httpDate",
      "w.day",
      "w.epoch",
      "w.data",
      "w.ttl",
    ]);
    expect(problems[0]?.actual).toBe('the string "yesterday"');
  });

  it("treat null by nullability: sent for nullable, an error otherwise, and absent when a service sends it", () => {
    const Patch = s.object({ tags: s.nullable(s.dictionary(s.string())), name: s.string() });
    expect(serialize(Patch, { tags: null })).toEqual({ tags: null });
    expect(problemsOf(() => serialize(Patch, { name: null } as never, "p"))[0]).toMatchObject({
      path: "p.name",
      actual: "null",
    });
    expect(deserialize(Patch, { tags: null, name: null })).toEqual({ tags: null });
    expect(problemsOf(() => serialize(s.array(s.string()), ["a", null] as never, "list"))[0]?.path).toBe(
      "list[1]",
    );
  });

  it("hide secrets in messages", () => {
    const Login = s.object({ password: s.string({ secret: true, minLength: 12 }) });
    const [problem] = problemsOf(() => serialize(Login, { password: "hunter2" }, "login"));
    expect(problem?.actual).toBe("a string of 7 characters (not shown: secret)");
  });

  it("keep read-only properties when deserializing", () => {
    const Res = s.object({ id: s.readOnly(s.string()), name: s.string() });
    expect(deserialize(Res, { id: "/x", name: "n" })).toEqual({ id: "/x", name: "n" });
    expect(serialize(Res, { id: "/x", name: "n" })).toEqual({ name: "n" });
  });

  it("take a Map for a dictionary, and refuse a Map where an object is expected", () => {
    const Tagged = s.object({ tags: s.dictionary(s.string()) }, { name: "Tagged" });
    expect(serialize(Tagged, { tags: new Map([["env", "prod"]]) })).toEqual({
      tags: { env: "prod" },
    });
    expect(problemsOf(() => serialize(Tagged, { tags: new Map([["env", 1]]) } as never, "t"))[0]?.path).toBe(
      "t.tags.env",
    );
    expect(problemsOf(() => serialize(Tagged, new Map() as never, "t"))[0]?.actual).toBe(
      "a Map object with no properties",
    );
  });

  it("keep a dictionary key named __proto__ as data", () => {
    const tags = deserialize(s.dictionary(s.string()), JSON.parse('{"__proto__":"x","a":"b"}')) as Record<
      string,
      string
    >;
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.keys(tags)).toEqual(["__proto__", "a"]);
  });
});

describe("the root value", () => {
  it("is described without a path prefix when no path is given", () => {
    expect(() => serialize(s.object({}), "x" as never)).toThrowError(
      /^expected an object \{\}, got the string "x"$/,
    );
    expect(() => serialize(s.string(), undefined as never, "name")).toThrowError(
      "name: expected a string, got nothing",
    );
    expect(() => deserialize(s.integer(), 1.5, "count")).not.toThrow();
    expect(() => deserialize(s.integer(), "1", "count")).toThrowError(DeserializationError);
  });

  it("gives the same bytes whatever the order of the input keys", () => {
    const Pair = s.object({ a: s.string(), b: s.string() });
    expect(JSON.stringify(serialize(Pair, { b: "2", a: "1" }))).toBe(
      JSON.stringify(serialize(Pair, { a: "1", b: "2" })),
    );
  });
});
