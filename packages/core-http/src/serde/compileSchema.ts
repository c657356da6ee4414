import { compileObject } from "./compileObject.js";
import { compilePolymorphic } from "./compilePolymorphic.js";
import type { CompiledSchema } from "./compiledSchema.js";
import { describeSchema } from "./describeSchema.js";
import { describeValue } from "./describeValue.js";
import { isRecord } from "./isRecord.js";
import { passesThrough, passThroughWireType, scalarWalkers } from "./scalarWalkers.js";
import type { ArraySchema, DictionarySchema, Schema } from "./schema.js";
import type { SerdeContext } from "./serdeContext.js";
import { setOwn } from "./setOwn.js";

type Walker = (value: unknown, ctx: SerdeContext) => unknown;

const cache = new WeakMap<Schema, CompiledSchema>();

/**
 * @internal The compiled walkers of a schema, built once per schema object and cached in a WeakMap,
 * so a call only runs walkers (closures, and generated code for objects) without reading the schema.
 */
export function compileSchema(schema: Schema): CompiledSchema {
  const cached = cache.get(schema);
  if (cached) return cached;
  let description: string | undefined;
  const node: { -readonly [K in keyof CompiledSchema]: CompiledSchema[K] } = {
    schema,
    ser: unreachable,
    de: unreachable,
    expected: () => {
      description ??= describeSchema(schema);
      return description;
    },
  };
  cache.set(schema, node);
  switch (schema.type) {
    case "object":
      compileObject(schema, node, compileSchema);
      break;
    case "polymorphic":
      compilePolymorphic(schema, node, compileSchema);
      break;
    case "array":
      compileArray(schema, node);
      break;
    case "dictionary":
      compileDictionary(schema, node);
      break;
    default:
      compileScalar(schema, node);
  }
  return node;
}

function unreachable(): never {
  throw new Error("schema used before it was compiled");
}

/**
 * @internal Converts one value a container holds (array item, dictionary value, root). Null is decided
 * here once rather than in every walker: when serializing it passes if the schema is nullable (or
 * `any`); when deserializing it is always tolerated.
 */
export function serChild(node: CompiledSchema, value: unknown, ctx: SerdeContext): unknown {
  if (value !== null) return node.ser(value, ctx);
  return node.schema.nullable || node.schema.type === "any" ? null : ctx.fail(node.expected(), "null");
}

function compileArray(schema: ArraySchema, node: CompiledSchema): void {
  const { minItems, maxItems } = schema;
  let items: CompiledSchema | undefined;
  // Read once: item schemas of generated clients are views whose `type` sits on a prototype, and
  // reading it on every call was a megamorphic lookup per array.
  let pass: ReturnType<typeof passThroughWireType>;
  const itemNode = (): CompiledSchema => {
    if (items === undefined) {
      items = compileSchema(schema.items);
      pass = passThroughWireType(items.schema);
    }
    return items;
  };
  const ser: Walker = (value, ctx) => {
    if (!Array.isArray(value)) return ctx.fail(node.expected(), describeValue(value));
    if (
      (minItems !== undefined && value.length < minItems) ||
      (maxItems !== undefined && value.length > maxItems)
    ) {
      ctx.fail(node.expected(), describeValue(value));
    }
    const item = itemNode();
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      ctx.segments.push(i);
      out[i] = serChild(item, value[i], ctx);
      ctx.segments.pop();
    }
    return out;
  };
  const de: Walker = (wire, ctx) => {
    if (!Array.isArray(wire)) return ctx.fail(node.expected(), describeValue(wire));
    const item = itemNode();
    // Items the walker would return as they are (the strings of `hostNames`) are copied without a
    // call or a path step; any other item, a refused one included, goes through the walker.
    const out = new Array(wire.length);
    for (let i = 0; i < wire.length; i++) {
      const w = wire[i];
      if (w === null) {
        out[i] = null;
        continue;
      }
      if (passesThrough(pass, w)) {
        out[i] = w;
        continue;
      }
      ctx.segments.push(i);
      out[i] = item.de(w, ctx);
      ctx.segments.pop();
    }
    return out;
  };
  Object.assign(node, { ser, de });
}

function compileDictionary(schema: DictionarySchema, node: CompiledSchema): void {
  let values: CompiledSchema | undefined;
  const valueNode = (): CompiledSchema => {
    values ??= compileSchema(schema.values);
    return values;
  };
  const walk =
    (direction: "ser" | "de"): Walker =>
    (value, ctx) => {
      // Callers may hold tags or metadata in a Map; it is a dictionary with string keys like any other.
      if (
        direction === "ser" &&
        value instanceof Map &&
        [...value.keys()].every((k) => typeof k === "string")
      ) {
        value = Object.fromEntries(value);
      }
      if (!isRecord(value)) return ctx.fail(node.expected(), describeValue(value));
      const inner = valueNode();
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) {
        const v = value[key];
        if (v === undefined) continue;
        ctx.segments.push(key);
        const converted =
          v !== null ? inner[direction](v, ctx) : direction === "de" ? null : serChild(inner, v, ctx);
        ctx.segments.pop();
        setOwn(out, key, converted);
      }
      return out;
    };
  Object.assign(node, { ser: walk("ser"), de: walk("de") });
}

function compileScalar(schema: Schema, node: CompiledSchema): void {
  Object.assign(node, scalarWalkers(schema, node));
}
