import { AzureError } from "../errors.js";
import { formatProblems, type SerdeProblem } from "./serdeProblem.js";

// The same registered-symbol brand scheme as errors.ts, so copies of this package recognize each other.
const serializationBrand = Symbol.for("@azkit/core-http/error/SerializationError");
const deserializationBrand = Symbol.for("@azkit/core-http/error/DeserializationError");

function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

function firstOf(problems: readonly SerdeProblem[]): SerdeProblem {
  return (
    problems[0] ?? { path: "", expected: "a valid value", actual: "an invalid one", message: "invalid value" }
  );
}

/**
 * What the caller passed does not fit the operation's schema: a wrong type, a missing required
 * property, an unknown property of a closed model, a value out of range. Thrown before any request is
 * sent. `path`, `expected` and `actual` describe the first problem; `problems` lists all (up to 10).
 * @example
 * ```ts
 * try {
 *   serialize(VaultSchema, { location: "westus", properties: { sku: "standard" } }, "parameters");
 * } catch (e) {
 *   if (isSerializationError(e)) console.log(e.path, e.expected, e.actual);
 * }
 * ```
 * @public
 */
export class SerializationError extends AzureError {
  /** Where the first problem is, e.g. `parameters.properties.sku`. */
  readonly path: string;
  /** What the schema wanted at `path`. */
  readonly expected: string;
  /** What was found at `path`. */
  readonly actual: string;
  /** Every problem found in the value, the first being the one above (at most 10). */
  readonly problems: readonly SerdeProblem[];

  /** Creates the error from the problems found (at least one). */
  constructor(problems: readonly SerdeProblem[], options?: { cause?: unknown }) {
    super(formatProblems(problems), { code: "SerializationError", cause: options?.cause });
    const first = firstOf(problems);
    this.path = first.path;
    this.expected = first.expected;
    this.actual = first.actual;
    this.problems = problems;
  }

  /** `instanceof` checks the brand, so an error from another copy of azkit still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, serializationBrand);
  }
}
Object.defineProperty(SerializationError.prototype, serializationBrand, { value: true });
Object.defineProperty(SerializationError.prototype, "name", {
  value: "SerializationError",
  writable: true,
  configurable: true,
});

/**
 * What the service returned does not fit the schema the client relies on (a string where an object
 * must be, an unparseable date). `path` is in wire names: `value[3].properties.createdAt`.
 * @public
 */
export class DeserializationError extends AzureError {
  /** Where the first problem is, in wire names. */
  readonly path: string;
  /** What the schema wanted at `path`. */
  readonly expected: string;
  /** What the service sent at `path`. */
  readonly actual: string;
  /** Every problem found in the body, the first being the one above (at most 10). */
  readonly problems: readonly SerdeProblem[];

  /** Creates the error from the problems found (at least one). */
  constructor(problems: readonly SerdeProblem[], options?: { cause?: unknown }) {
    super(formatProblems(problems), { code: "DeserializationError", cause: options?.cause });
    const first = firstOf(problems);
    this.path = first.path;
    this.expected = first.expected;
    this.actual = first.actual;
    this.problems = problems;
  }

  /** `instanceof` checks the brand, so an error from another copy of azkit still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, deserializationBrand);
  }
}
Object.defineProperty(DeserializationError.prototype, deserializationBrand, { value: true });
Object.defineProperty(DeserializationError.prototype, "name", {
  value: "DeserializationError",
  writable: true,
  configurable: true,
});

/**
 * Whether `error` is a {@link SerializationError}, also from another copy of this package.
 * @public
 */
export function isSerializationError(error: unknown): error is SerializationError {
  return hasBrand(error, serializationBrand);
}

/**
 * Whether `error` is a {@link DeserializationError}, also from another copy of this package.
 * @public
 */
export function isDeserializationError(error: unknown): error is DeserializationError {
  return hasBrand(error, deserializationBrand);
}
