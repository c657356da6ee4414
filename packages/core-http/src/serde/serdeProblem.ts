/**
 * One thing wrong with a value: where (`path`), what the schema wanted (`expected`) and what was
 * found (`actual`), plus an optional hint such as `did you mean "tenantId"?`.
 * @public
 */
export interface SerdeProblem {
  /** Where the problem is, from the root name given to serialize/deserialize: `parameters.properties.sku`. */
  readonly path: string;
  /** What the schema wanted: `an object { name: "standard" | "premium", family: "A" }`. */
  readonly expected: string;
  /** What was found: `the string "standard"`. */
  readonly actual: string;
  /** A suggestion to fix it, when there is one: `did you mean "tenantId"?`. */
  readonly hint?: string;
  /** The three (and the hint) in one line: `path: expected ..., got ...`. */
  readonly message: string;
}

/** The most problems one error collects before serialization or deserialization stops. */
export const MAX_PROBLEMS = 10;

/** @internal Builds a problem and its one-line message. */
export function createProblem(path: string, expected: string, actual: string, hint?: string): SerdeProblem {
  const where = path === "" ? "" : `${path}: `;
  const message = `${where}expected ${expected}, got ${actual}${hint ? `; ${hint}` : ""}`;
  return hint ? { path, expected, actual, hint, message } : { path, expected, actual, message };
}

/** @internal The message of an error carrying several problems: the first in full, the rest listed. */
export function formatProblems(problems: readonly SerdeProblem[]): string {
  const [first, ...rest] = problems;
  if (!first) return "invalid value";
  if (rest.length === 0) return first.message;
  const more = rest.length === 1 ? "1 more problem" : `${rest.length} more problems`;
  const capped = problems.length >= MAX_PROBLEMS ? ` (stopped after ${MAX_PROBLEMS})` : "";
  return `${first.message}\n  and ${more}${capped}:\n${rest.map((p) => `  - ${p.message}`).join("\n")}`;
}
