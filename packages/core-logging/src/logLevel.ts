/**
 * The levels a log record can have, from the most to the least severe.
 * @public
 */
export type AzkitLogLevel = "error" | "warning" | "info" | "verbose";

/** Every valid level, most severe first; a level enables itself and every level before it. */
export const AZKIT_LOG_LEVELS: readonly AzkitLogLevel[] = ["error", "warning", "info", "verbose"];

/** @internal */
export function isAzkitLogLevel(value: unknown): value is AzkitLogLevel {
  return typeof value === "string" && (AZKIT_LOG_LEVELS as readonly string[]).includes(value);
}

/** @internal Severity rank: a record is written when its rank is at most the configured rank. */
export function levelRank(level: AzkitLogLevel): number {
  return AZKIT_LOG_LEVELS.indexOf(level);
}

/** @internal Throws the error a caller passing a bad level from code should see. */
export function assertLogLevel(value: unknown, where: string): asserts value is AzkitLogLevel {
  if (!isAzkitLogLevel(value)) {
    throw new TypeError(
      `${where}: unknown log level ${JSON.stringify(value)}; use one of ${AZKIT_LOG_LEVELS.join(", ")}.`,
    );
  }
}
