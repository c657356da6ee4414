import { formatPath } from "./serdePath.js";
import { createProblem, MAX_PROBLEMS, type SerdeProblem } from "./serdeProblem.js";

/** Thrown through the walk once enough problems are collected; caught by {@link walkCollectingProblems}. */
const enoughProblems: unique symbol = Symbol("enoughProblems");

/**
 * @internal The state of one serialize or deserialize call: the path walked so far (a stack of
 * segments, so no path string is built unless a problem is found) and the problems collected.
 */
export class SerdeContext {
  /** Property names and array indexes from the root to the value being converted. */
  readonly segments: (string | number)[] = [];
  /** Problems found so far. */
  readonly problems: SerdeProblem[] = [];

  constructor(readonly root: string) {}

  /** Records a problem at the current path (plus `child`, when given) and returns undefined. */
  fail(expected: string, actual: string, hint?: string, child?: string | number): undefined {
    const segments = child === undefined ? this.segments : [...this.segments, child];
    this.problems.push(createProblem(formatPath(this.root, segments), expected, actual, hint));
    if (this.problems.length >= MAX_PROBLEMS) throw enoughProblems;
    return undefined;
  }
}

/**
 * @internal Runs one serialize or deserialize walk with a fresh context rooted at `path`: returns
 * what `walk` returns, or throws `toError(problems)` when it recorded any. One place for both
 * directions because the early stop must be the same: after MAX_PROBLEMS the walk is cut short
 * (listing more would not help, and a large bad body would cost time), and that stop is not a failure.
 */
export function walkCollectingProblems(
  path: string,
  walk: (ctx: SerdeContext) => unknown,
  toError: (problems: readonly SerdeProblem[]) => Error,
): unknown {
  const ctx = new SerdeContext(path);
  let result: unknown;
  try {
    result = walk(ctx);
  } catch (error) {
    if (error !== enoughProblems) throw error;
  }
  if (ctx.problems.length > 0) throw toError(ctx.problems);
  return result;
}
