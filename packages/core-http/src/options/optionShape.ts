import { suggestOptionName } from "./unknownOptions.js";

/**
 * What one option may hold. `"any"` accepts everything (checked later by its owner); the others
 * accept their type or `undefined`. A nested {@link OptionBagShape} is an option bag of its own,
 * checked the same way (unknown names, "did you mean", types).
 * @public
 */
export type OptionKind =
  | "any"
  | "string"
  | "number"
  | "boolean"
  | "function"
  | "date"
  | "abortSignal"
  | "bytes"
  | "stringRecord"
  | "stringArray";

/**
 * The options an operation (or client) accepts: each name with its kind or, for a nested bag
 * (`conditions`, `blobHTTPHeaders`, `retryOptions`), that bag's own shape.
 * @public
 */
export interface OptionBagShape {
  /** Each option's kind, or the shape of the nested bag it holds. */
  readonly [name: string]: OptionKind | OptionBagShape;
}

const KIND_TEXT: Record<OptionKind, string> = {
  any: "any value",
  string: "a string",
  number: "a finite number",
  boolean: "a boolean",
  function: "a function",
  date: "a valid Date",
  abortSignal: "an AbortSignal (for example AbortSignal.timeout(ms))",
  bytes: "a Uint8Array or Buffer",
  stringRecord: "an object of string values",
  stringArray: "an array of strings",
};

/** Describes a wrong value briefly, never echoing long strings (they may be secrets). */
function describeGiven(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "string")
    return value.length > 40 ? "a string" : `the string ${JSON.stringify(value)}`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return `the ${typeof value} ${String(value)}`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "an invalid Date";
  const name = (value as object).constructor?.name;
  return name && name !== "Object" ? `a ${name}` : "an object";
}

function matches(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case "any":
      return true;
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
    case "function":
      return typeof value === "function";
    case "date":
      return value instanceof Date && !Number.isNaN(value.getTime());
    case "abortSignal":
      return (
        typeof value === "object" &&
        value !== null &&
        typeof (value as { aborted?: unknown }).aborted === "boolean" &&
        typeof (value as { addEventListener?: unknown }).addEventListener === "function"
      );
    case "bytes":
      return value instanceof Uint8Array;
    case "stringRecord":
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every((v) => typeof v === "string")
      );
    case "stringArray":
      return Array.isArray(value) && value.every((v) => typeof v === "string");
  }
}

function isBag(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks an option bag against its shape, nested bags included: an unknown name is a TypeError
 * with a "did you mean" and the valid names of that bag; a value of the wrong type is a TypeError
 * naming its path (`conditions.ifModifiedSince`) and what was expected. `undefined` values pass.
 * `context` names the operation (`BlobClient.download`) so the message says where it came from.
 *
 * @example
 * ```ts
 * checkOptionBag(options, { abortSignal: "abortSignal", conditions: { ifMatch: "string" } }, "Blob.download");
 * ```
 * @public
 */
export function checkOptionBag(options: unknown, shape: OptionBagShape, context: string, path = ""): void {
  if (options === undefined) return;
  if (!isBag(options)) {
    const where = path === "" ? "options" : `option ${path}`;
    throw new TypeError(
      `${context}: ${where} must be an object or undefined; got ${describeGiven(options)}.`,
    );
  }
  for (const name of Object.keys(options)) {
    const value = options[name];
    const optionPath = path === "" ? name : `${path}.${name}`;
    const expected = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (expected === undefined) {
      if (value === undefined) continue;
      const names = Object.keys(shape).sort();
      const suggestion = suggestOptionName(name, names);
      throw new TypeError(
        `${context}: unknown option "${optionPath}"${suggestion ? `; did you mean "${path === "" ? "" : `${path}.`}${suggestion}"?` : "."} Valid options${path === "" ? "" : ` of ${path}`}: ${names.join(", ")}.`,
      );
    }
    if (value === undefined) continue;
    if (typeof expected === "object") {
      checkOptionBag(value, expected, context, optionPath);
      continue;
    }
    if (expected === "stringRecord" && isBag(value)) {
      // Name the entry that is wrong: `metadata.owner`, not just `metadata`.
      for (const [key, entry] of Object.entries(value)) {
        if (typeof entry !== "string") {
          throw new TypeError(
            `${context}: option ${optionPath}.${key} must be a string; got ${describeGiven(entry)}.`,
          );
        }
      }
      continue;
    }
    if (!matches(expected, value)) {
      throw new TypeError(
        `${context}: option ${optionPath} must be ${KIND_TEXT[expected]}; got ${describeGiven(value)}.`,
      );
    }
  }
}
