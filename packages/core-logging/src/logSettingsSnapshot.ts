import { type AzkitLogLevel, assertLogLevel } from "./logLevel.js";
import { logSettings } from "./logSettings.js";
import { compileNamespacePattern, toNamespace } from "./namespacePattern.js";

/**
 * The levels and patterns in force, as plain data that `postMessage` can copy (the sink, a
 * function, is not part of it).
 * @public
 */
export interface LogSettingsSnapshot {
  /** The level for libraries no pattern matches; `undefined` is off. */
  level: AzkitLogLevel | undefined;
  /** The `setLogLevel(level, pattern)` rules (and `AZKIT_LOG` entries), oldest first. */
  rules: { pattern: string; level: AzkitLogLevel | undefined }[];
}

/**
 * A number that changes whenever the log settings of this thread change (`setLogLevel`,
 * `setLogSink`, `resetLogSettings`). Compare it to a remembered one to know, at the cost of a
 * property read, whether a snapshot sent to another thread is stale.
 * @public
 */
export function getLogSettingsGeneration(): number {
  return logSettings().generation;
}

/**
 * Takes the levels and patterns in force on this thread (after reading `AZURE_LOG_LEVEL` and
 * `AZKIT_LOG` if that had not happened yet). Use it with `applyLogSettingsSnapshot` to make a
 * worker thread of your own log like this one; azkit's sync bridge does exactly that.
 *
 * @example
 * ```ts
 * worker.postMessage({ logSettings: getLogSettingsSnapshot() });
 * // in the worker: applyLogSettingsSnapshot(message.logSettings);
 * ```
 * @public
 */
export function getLogSettingsSnapshot(): LogSettingsSnapshot {
  const state = logSettings();
  return {
    level: state.globalLevel,
    rules: state.rules.map((rule) => ({ pattern: rule.pattern, level: rule.level })),
  };
}

/**
 * Replaces this thread's levels and patterns with a snapshot taken on another thread (the sink
 * stays as it is, and `AZURE_LOG_LEVEL` / `AZKIT_LOG` are not read again: the snapshot already
 * reflects them). Use it in a worker thread that should follow the main thread's settings.
 * @throws TypeError when the snapshot holds a level that is not one of azkit's.
 * @public
 */
export function applyLogSettingsSnapshot(snapshot: LogSettingsSnapshot): void {
  if (snapshot.level !== undefined) assertLogLevel(snapshot.level, "applyLogSettingsSnapshot");
  const rules = snapshot.rules.map(({ pattern, level }) => {
    if (level !== undefined) assertLogLevel(level, "applyLogSettingsSnapshot");
    const full = toNamespace(pattern);
    return { pattern: full, matches: compileNamespacePattern(full), level };
  });
  const state = logSettings();
  state.globalLevel = snapshot.level;
  state.rules = rules;
  state.generation++;
}
