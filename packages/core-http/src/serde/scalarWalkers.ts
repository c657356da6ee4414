import type { CompiledSchema, Walkers } from "./compiledSchema.js";
import { describeValue } from "./describeValue.js";
import type { NumberSchema, Schema, StringSchema } from "./schema.js";
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

const base64Like = /^[A-Za-z0-9+/_-]*={0,2}$/;

type Walker = (value: unknown, ctx: SerdeContext) => unknown;

function stringWalkers(schema: StringSchema, node: CompiledSchema): Walkers {
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

function numberWalkers(schema: NumberSchema, node: CompiledSchema): Walkers {
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

/**
 * @internal The JavaScript type of wire values that a schema's `de` returns unchanged (`number`
 * means finite numbers; `any` passes everything), or undefined when `de` converts or may refuse
 * values of every type (dates, bytes, objects). Hot loops check this inline and call the walker only
 * for a value it refuses, so the error (message and path) is the walker's own.
 */
export function passThroughWireType(schema: Schema): "string" | "number" | "boolean" | "any" | undefined {
  switch (schema.type) {
    case "string":
    case "duration":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "any":
      return "any";
    default:
      return undefined;
  }
}

/**
 * @internal Whether `w` is a wire value that a schema of pass-through type `pass` returns unchanged.
 * Each `typeof` compares with a literal, which the compiler turns into a type check; `typeof w ===
 * pass` with `pass` a variable builds the type name as a string for every value.
 */
export function passesThrough(pass: ReturnType<typeof passThroughWireType>, w: unknown): boolean {
  switch (pass) {
    case "string":
      return typeof w === "string";
    case "number":
      return typeof w === "number" && Number.isFinite(w);
    case "boolean":
      return typeof w === "boolean";
    case "any":
      return true;
    default:
      return false;
  }
}

/** @internal The walkers of a scalar schema (string, number, boolean, dates, duration, bytes, any). */
export function scalarWalkers(schema: Schema, node: CompiledSchema): Walkers {
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
