import { brandClass, hasBrand } from "../errorBrands.js";
import { AzureError } from "../errors.js";
import { formatProblems, type SerdeProblem } from "./serdeProblem.js";

/**
 * Sets the fields both serde errors share: the first problem's `path`, `expected` and `actual`,
 * then all `problems`. One place, because the two classes differ only in direction (caller's value
 * vs service's body); they stay separate classes so `catch` can tell which side was wrong.
 */
function assignProblems(
  error: SerializationError | DeserializationError,
  problems: readonly SerdeProblem[],
): void {
  const first = problems[0] ?? {
    path: "",
    expected: "a valid value",
    actual: "an invalid one",
    message: "invalid value",
  };
  Object.assign(error, { path: first.path, expected: first.expected, actual: first.actual, problems });
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
  declare readonly path: string;
  /** What the schema wanted at `path`. */
  declare readonly expected: string;
  /** What was found at `path`. */
  declare readonly actual: string;
  /** Every problem found in the value, the first being the one above (at most 10). */
  declare readonly problems: readonly SerdeProblem[];

  /** Creates the error from the problems found (at least one). */
  constructor(problems: readonly SerdeProblem[], options?: { cause?: unknown }) {
    super(formatProblems(problems), { code: "SerializationError", cause: options?.cause });
    assignProblems(this, problems);
  }

  /** `instanceof` checks the brand, so an error from another copy of azkit still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, "SerializationError");
  }
}
brandClass(SerializationError, "SerializationError");

/**
 * What the service returned does not fit the schema the client relies on (a string where an object
 * must be, an unparseable date). `path` is in wire names: `value[3].properties.createdAt`.
 * @public
 */
export class DeserializationError extends AzureError {
  /** Where the first problem is, in wire names. */
  declare readonly path: string;
  /** What the schema wanted at `path`. */
  declare readonly expected: string;
  /** What the service sent at `path`. */
  declare readonly actual: string;
  /** Every problem found in the body, the first being the one above (at most 10). */
  declare readonly problems: readonly SerdeProblem[];

  /** Creates the error from the problems found (at least one). */
  constructor(problems: readonly SerdeProblem[], options?: { cause?: unknown }) {
    super(formatProblems(problems), { code: "DeserializationError", cause: options?.cause });
    assignProblems(this, problems);
  }

  /** `instanceof` checks the brand, so an error from another copy of azkit still matches. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, "DeserializationError");
  }
}
brandClass(DeserializationError, "DeserializationError");

/**
 * Whether `error` is a {@link SerializationError}, also from another copy of this package.
 * @public
 */
export function isSerializationError(error: unknown): error is SerializationError {
  return hasBrand(error, "SerializationError");
}

/**
 * Whether `error` is a {@link DeserializationError}, also from another copy of this package.
 * @public
 */
export function isDeserializationError(error: unknown): error is DeserializationError {
  return hasBrand(error, "DeserializationError");
}
