import { compileObject } from "./compileObject.js";
import { compilePolymorphic } from "./compilePolymorphic.js";
import { isRecord } from "./isRecord.js";
import type { CompiledSchema } from "./compiledSchema.js";
import { describeSchema } from "./describeSchema.js";
import { describeValue } from "./describeValue.js";
import type { ArraySchema, DictionarySchema, NumberSchema, Schema, StringSchema } from "./schema.js";
import type { SerdeContext } from "./serdeContext.js";
import {
  decodeBytes,
  encodeBytes,
  isBase64,
  isIsoDuration,
  parseIsoDate,
  parseIsoDateTime,
  parseRfc1123,
} from "./wireFormats.js";
import { setOwn } from "./setOwn.js";

const base64Like = /^[A-Za-z0-9+/_-]*={0,2}$/;

type Walker = (value: unknown, ctx: SerdeContext) => unknown;

const cache = new WeakMap<Schema, CompiledSchema>();

/**
 * @internal The compiled walkers of a schema, built once per schema object and cached in a WeakMap,
 * so the hot path does no schema interpretation beyond a property loop.
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
  const itemNode = (): CompiledSchema => {
    items ??= compileSchema(schema.items);
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
    const out = new Array(wire.length);
    for (let i = 0; i < wire.length; i++) {
      const w = wire[i];
      if (w === null) {
        out[i] = null;
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

function stringWalkers(schema: StringSchema, node: CompiledSchema): { ser: Walker; de: Walker } {
  const { minLength, maxLength, secret } = schema;
  const closed = schema.enum && !schema.extensible ? new Set(schema.enum) : undefined;
  let pattern: RegExp | undefined;
  if (schema.pattern !== undefined) {
    try {
      pattern = new RegExp(schema.pattern, "u");
    } catch {
      // Some spec patterns are not valid ECMAScript; a pattern we cannot run is not enforced.
      pattern = undefined;
    }
  }
  const simple = !closed && !pattern && minLength === undefined && maxLength === undefined;
  const ser: Walker = (v, ctx) => {
    if (typeof v !== "string") return ctx.fail(node.expected(), describeValue(v, secret));
    if (simple) return v;
    if (
      (closed && !closed.has(v)) ||
      (minLength !== undefined && v.length < minLength) ||
      (maxLength !== undefined && v.length > maxLength) ||
      (pattern && !pattern.test(v))
    ) {
      return ctx.fail(node.expected(), describeValue(v, secret));
    }
    return v;
  };
  const de: Walker = (w, ctx) =>
    typeof w === "string" ? w : ctx.fail(node.expected(), describeValue(w, secret));
  return { ser, de };
}

function numberWalkers(schema: NumberSchema, node: CompiledSchema): { ser: Walker; de: Walker } {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  const integer = schema.type === "integer";
  const allowed = schema.enum ? new Set(schema.enum) : undefined;
  const ser: Walker = (v, ctx) => {
    if (
      typeof v !== "number" ||
      !Number.isFinite(v) ||
      (integer && !Number.isInteger(v)) ||
      (minimum !== undefined && v < minimum) ||
      (maximum !== undefined && v > maximum) ||
      (exclusiveMinimum !== undefined && v <= exclusiveMinimum) ||
      (exclusiveMaximum !== undefined && v >= exclusiveMaximum) ||
      (allowed && !allowed.has(v))
    ) {
      return ctx.fail(node.expected(), describeValue(v));
    }
    return v;
  };
  const de: Walker = (w, ctx) =>
    typeof w === "number" && Number.isFinite(w) ? w : ctx.fail(node.expected(), describeValue(w));
  return { ser, de };
}

function isValidDate(v: unknown): v is Date {
  return v instanceof Date && !Number.isNaN(v.getTime());
}

function scalarWalkers(schema: Schema, node: CompiledSchema): { ser: Walker; de: Walker } {
  const bad = (v: unknown, ctx: SerdeContext): undefined => ctx.fail(node.expected(), describeValue(v));
  switch (schema.type) {
    case "string":
      return stringWalkers(schema, node);
    case "number":
    case "integer":
      return numberWalkers(schema, node);
    case "boolean": {
      const walk: Walker = (v, ctx) => (typeof v === "boolean" ? v : bad(v, ctx));
      return { ser: walk, de: walk };
    }
    case "date-time": {
      const rfc1123 = schema.format === "rfc1123";
      const parse = rfc1123 ? parseRfc1123 : parseIsoDateTime;
      return {
        ser: (v, ctx) => {
          if (isValidDate(v)) return rfc1123 ? v.toUTCString() : v.toISOString();
          return typeof v === "string" && parse(v) ? v : bad(v, ctx);
        },
        de: (w, ctx) => (typeof w === "string" ? (parse(w) ?? bad(w, ctx)) : bad(w, ctx)),
      };
    }
    case "date":
      return {
        ser: (v, ctx) => {
          if (isValidDate(v)) return v.toISOString().slice(0, 10);
          return typeof v === "string" && parseIsoDate(v) ? v : bad(v, ctx);
        },
        de: (w, ctx) => (typeof w === "string" ? (parseIsoDate(w) ?? bad(w, ctx)) : bad(w, ctx)),
      };
    case "unix-time":
      return {
        ser: (v, ctx) => {
          if (isValidDate(v)) return Math.floor(v.getTime() / 1000);
          return typeof v === "number" && Number.isInteger(v) ? v : bad(v, ctx);
        },
        de: (w, ctx) => (typeof w === "number" && Number.isFinite(w) ? new Date(w * 1000) : bad(w, ctx)),
      };
    case "duration":
      return {
        ser: (v, ctx) => (typeof v === "string" && isIsoDuration(v) ? v : bad(v, ctx)),
        de: (w, ctx) => (typeof w === "string" ? w : bad(w, ctx)),
      };
    case "bytes": {
      const url = schema.format === "base64url";
      return {
        ser: (v, ctx) => {
          if (v instanceof Uint8Array) return encodeBytes(v, url);
          return typeof v === "string" && isBase64(v, url) ? v : bad(v, ctx);
        },
        // Services differ in padding and alphabet; any base64-like text decodes.
        de: (w, ctx) => (typeof w === "string" && base64Like.test(w) ? decodeBytes(w, url) : bad(w, ctx)),
      };
    }
    case "any": {
      const walk: Walker = (v) => v;
      return { ser: walk, de: walk };
    }
    default:
      throw new TypeError(`Unknown schema type ${JSON.stringify((schema as { type?: unknown }).type)}.`);
  }
}

function compileScalar(schema: Schema, node: CompiledSchema): void {
  Object.assign(node, scalarWalkers(schema, node));
}
