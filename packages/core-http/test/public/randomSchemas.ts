// fast-check arbitraries for random schemas, valid values of a schema, and the places in a value (or
// its wire form) where a corruption can go, with the path an error must report for it.
import fc from "fast-check";
import type { ObjectSchema, PolymorphicSchema, Schema } from "../../src/index.js";

const PROPERTY_NAMES = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"] as const;
const EXTRA_KEYS = ["x1", "x2"] as const;
const SUBTYPE_NAMES = ["dog", "cat", "fish"] as const;
const DISCRIMINATOR = "kind";
const dictionaryKey = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);

const leafSchemas: Schema[] = [
  { type: "string" },
  { type: "string", pattern: "^[a-z]{1,8}$" },
  { type: "string", minLength: 2, maxLength: 5 },
  { type: "string", enum: ["red", "green", "blue"] },
  { type: "string", enum: ["small", "large"], extensible: true },
  { type: "string", secret: true },
  { type: "number", minimum: -1000, maximum: 1000 },
  { type: "integer", minimum: 0, maximum: 100 },
  { type: "number", enum: [1, 2.5] },
  { type: "boolean" },
  { type: "date-time" },
  { type: "date-time", format: "rfc1123" },
  { type: "date" },
  { type: "unix-time" },
  { type: "duration" },
  { type: "bytes" },
  { type: "bytes", format: "base64url" },
  { type: "any" },
];

const nullableMaybe = (schema: Schema): fc.Arbitrary<Schema> =>
  fc
    .boolean()
    .map((nullable) => (nullable && schema.type !== "any" ? { ...schema, nullable: true } : schema));

// Read-only properties stay out of XML runs: a required list reads as [] even when it was not sent.
const objectOf = (propertySchema: fc.Arbitrary<Schema>, forXml: boolean): fc.Arbitrary<ObjectSchema> =>
  fc
    .record({
      names: fc.uniqueArray(fc.constantFrom(...PROPERTY_NAMES), { maxLength: 4 }),
      open: fc.boolean(),
      props: fc.array(
        fc.record({
          schema: propertySchema,
          required: fc.boolean(),
          readOnly: fc.integer({ min: 0, max: 5 }).map((n) => n === 0 && !forXml),
          wire: fc.constantFrom("same", "renamed", "flattened"),
        }),
        { minLength: 4, maxLength: 4 },
      ),
    })
    .map(({ names, open, props }) => {
      const properties: Record<string, Schema> = {};
      names.forEach((name, i) => {
        const p = props[i]!;
        const wireName =
          p.wire === "renamed" ? `W${name}` : p.wire === "flattened" ? ["props", name] : undefined;
        properties[name] = {
          ...p.schema,
          ...(p.required ? { required: true } : {}),
          ...(p.readOnly ? { readOnly: true } : {}),
          ...(wireName ? { wireName } : {}),
        };
      });
      return { type: "object", properties, ...(open ? { additionalProperties: true } : {}) };
    });

function makeSchemaArbitrary(forXml: boolean): fc.Arbitrary<Schema> {
  // XML has no null and no `any`, and an absent unwrapped list reads as empty: those stay out of XML runs.
  const leaves = forXml ? leafSchemas.filter((l) => l.type !== "any") : leafSchemas;
  const leaf = fc.constantFrom(...leaves);
  return fc.letrec<{ schema: Schema; object: ObjectSchema }>((tie) => ({
    schema: fc.oneof(
      { maxDepth: 3, depthIdentifier: "schema" },
      forXml ? leaf : leaf.chain(nullableMaybe),
      fc
        .record({
          items: tie("schema"),
          min: fc.constantFrom(undefined, 1),
          max: fc.constantFrom(undefined, 3),
          wrapped: fc.boolean(),
        })
        .map(({ items, min, max, wrapped }): Schema => {
          const xmlMin = forXml && !wrapped ? 1 : min;
          return {
            type: "array",
            items,
            ...(xmlMin === undefined ? {} : { minItems: xmlMin }),
            ...(max === undefined ? {} : { maxItems: max }),
            ...(forXml && wrapped ? { xml: { wrapped: true } } : {}),
          };
        }),
      tie("schema").map((values): Schema => ({ type: "dictionary", values })),
      tie("object"),
      fc.uniqueArray(fc.constantFrom(...SUBTYPE_NAMES), { minLength: 1, maxLength: 3 }).chain((kinds) =>
        fc.array(tie("object"), { minLength: kinds.length, maxLength: kinds.length }).map(
          (subs): PolymorphicSchema => ({
            type: "polymorphic",
            discriminator: DISCRIMINATOR,
            subtypes: Object.fromEntries(kinds.map((k, i) => [k, subs[i]!])),
          }),
        ),
      ),
    ),
    object: objectOf(tie("schema"), forXml),
  })).schema;
}

/** Random schemas: leaves, arrays, dictionaries, objects (renamed, flattened, read-only, open) and polymorphic. */
export const schemaArbitrary: fc.Arbitrary<Schema> = makeSchemaArbitrary(false);

/** Random schemas XML can carry, each as the `value` of a root element `<Root>`. */
export const xmlSchemaArbitrary: fc.Arbitrary<ObjectSchema> = makeSchemaArbitrary(true).map((value) => ({
  type: "object",
  xml: { name: "Root" },
  properties: { value: { ...value, required: true } },
}));

const DATE_MIN = new Date("1970-01-01T00:00:00Z");
const DATE_MAX = new Date("2200-01-01T00:00:00Z");
const date = fc.date({ min: DATE_MIN, max: DATE_MAX, noInvalidDate: true });
const wholeSeconds = date.map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

function objectValue(schema: ObjectSchema): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [name, p] of Object.entries(schema.properties)) {
    if (p.readOnly) continue;
    model[name] = valueArbitrary(p);
    if (p.required) requiredKeys.push(name);
  }
  const known = fc.record(model, { requiredKeys, noNullPrototype: true });
  if (schema.additionalProperties !== true) return known;
  return fc
    .tuple(
      known,
      fc.dictionary(fc.constantFrom(...EXTRA_KEYS), fc.string(), { maxKeys: 2, noNullPrototype: true }),
    )
    .map(([k, extra]) => ({ ...extra, ...k }));
}

/** Valid values of a schema, in the form deserialize returns (Dates, Uint8Arrays, no read-only properties). */
export function valueArbitrary(schema: Schema): fc.Arbitrary<unknown> {
  const base = baseValue(schema);
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function baseValue(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case "string":
      if (schema.enum && !schema.extensible) return fc.constantFrom(...schema.enum);
      if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), fc.string());
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 12 });
    case "number":
    case "integer":
      if (schema.enum) return fc.constantFrom(...schema.enum);
      if (schema.type === "integer")
        return fc.integer({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6 });
      return fc
        .double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true })
        .map((n) => (Object.is(n, -0) ? 0 : n));
    case "boolean":
      return fc.boolean();
    case "date-time":
      return schema.format === "rfc1123" ? wholeSeconds : date;
    case "date":
      return date.map((d) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00Z`));
    case "unix-time":
      return wholeSeconds;
    case "duration":
      return fc.constantFrom("PT1H", "P1D", "PT5M30S", "P1Y2M3DT4H5M6.5S", "-PT5S", "P2W");
    case "bytes":
      return fc.uint8Array({ maxLength: 12 }).map((b) => new Uint8Array(b));
    case "any":
      return fc.oneof(
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(fc.integer(), { maxLength: 3 }),
      );
    case "array":
      return fc.array(valueArbitrary(schema.items), {
        minLength: schema.minItems ?? 0,
        maxLength: schema.maxItems ?? 3,
      });
    case "dictionary":
      return fc.dictionary(dictionaryKey, valueArbitrary(schema.values), {
        maxKeys: 3,
        noNullPrototype: true,
      });
    case "object":
      return objectValue(schema);
    case "polymorphic":
      return fc.oneof(
        ...Object.entries(schema.subtypes).map(([kind, sub]) =>
          objectValue(sub).map((v) => ({ ...v, [DISCRIMINATOR]: kind })),
        ),
      );
  }
}

/** A place where a wrong value can be put, and the path segments an error must name. */
export interface Location {
  readonly segments: readonly (string | number)[];
  readonly schema: Schema;
}

/** Every place in a code value (property names) that has a schema with wrong values. */
export function valueLocations(
  schema: Schema,
  value: unknown,
  segments: (string | number)[] = [],
): Location[] {
  return locations(schema, value, segments, false);
}

/** Every place in a wire value (wire names, flattened paths) that has a schema with wrong wire values. */
export function wireLocations(schema: Schema, wire: unknown, segments: (string | number)[] = []): Location[] {
  return locations(schema, wire, segments, true);
}

// One walk for both forms: they differ only inside objects (wire names and flattened paths, and
// whether read-only properties are there), which objectLocations decides from `wire`.
function locations(schema: Schema, value: unknown, segments: (string | number)[], wire: boolean): Location[] {
  const here: Location[] = schema.type === "any" ? [] : [{ segments, schema }];
  if (value === null || value === undefined) return here;
  switch (schema.type) {
    case "array":
      return [
        ...here,
        ...(value as unknown[]).flatMap((v, i) => locations(schema.items, v, [...segments, i], wire)),
      ];
    case "dictionary":
      return [
        ...here,
        ...Object.entries(value as object).flatMap(([k, v]) =>
          locations(schema.values, v, [...segments, k], wire),
        ),
      ];
    case "object":
      return [...here, ...objectLocations(schema, value as Record<string, unknown>, segments, wire)];
    case "polymorphic": {
      const sub = schema.subtypes[(value as Record<string, string>)[DISCRIMINATOR]!]!;
      return [...here, ...objectLocations(sub, value as Record<string, unknown>, segments, wire)];
    }
    default:
      return here;
  }
}

function objectLocations(
  schema: ObjectSchema,
  value: Record<string, unknown>,
  segments: (string | number)[],
  wire: boolean,
): Location[] {
  const out: Location[] = [];
  for (const [name, p] of Object.entries(schema.properties)) {
    if (p.readOnly && !wire) continue;
    const path = wire
      ? p.wireName === undefined
        ? [name]
        : typeof p.wireName === "string"
          ? [p.wireName]
          : [...p.wireName]
      : [name];
    let v: unknown = value;
    for (const key of path)
      v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[key];
    if (v === undefined || (wire && v === null)) continue;
    out.push(...locations(p, v, [...segments, ...path], wire));
  }
  return out;
}

/** A value no schema of this kind accepts, in code form (for serialize). */
export function wrongValue(schema: Schema): unknown {
  switch (schema.type) {
    case "number":
    case "integer":
    case "boolean":
    case "unix-time":
    case "array":
    case "object":
    case "dictionary":
    case "polymorphic":
      return "wrong";
    default:
      return 42;
  }
}

/** A value no schema of this kind accepts, in wire form (for deserialize). */
export function wrongWireValue(schema: Schema): unknown {
  switch (schema.type) {
    case "number":
    case "integer":
    case "boolean":
    case "unix-time":
    case "array":
      return "wrong";
    case "object":
    case "dictionary":
    case "polymorphic":
      return 7;
    default:
      return 42;
  }
}

/** Formats segments the way errors do for identifier-like names. */
export function pathOf(root: string, segments: readonly (string | number)[]): string {
  return segments.reduce<string>(
    (path, s) => (typeof s === "number" ? `${path}[${s}]` : `${path}.${s}`),
    root,
  );
}

/** Returns a deep copy of `value` with `replacement` at `segments` (the root when empty). */
export function replaceAt(
  value: unknown,
  segments: readonly (string | number)[],
  replacement: unknown,
): unknown {
  if (segments.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of segments.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[segments[segments.length - 1]!] = replacement;
  return copy;
}

/** A random schema with a valid code value for it. */
export const schemaAndValueArbitrary: fc.Arbitrary<{ schema: Schema; value: unknown }> =
  schemaArbitrary.chain((schema) => valueArbitrary(schema).map((value) => ({ schema, value })));

/**
 * A random schema, a valid code value for it and one place in that value to corrupt: what the
 * "names the corrupted field" properties run on, with code generation on and off alike.
 */
export const corruptibleValueArbitrary: fc.Arbitrary<{ schema: Schema; value: unknown; location: Location }> =
  schemaAndValueArbitrary
    .filter(({ schema, value }) => valueLocations(schema, value).length > 0)
    .chain(({ schema, value }) =>
      fc.constantFrom(...valueLocations(schema, value)).map((location) => ({ schema, value, location })),
    );
