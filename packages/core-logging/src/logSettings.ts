import { AZKIT_LOG_LEVELS, type AzkitLogLevel, assertLogLevel, isAzkitLogLevel } from "./logLevel.js";
import { compileNamespacePattern, toNamespace } from "./namespacePattern.js";
import type { LogSink } from "./logRecord.js";

interface LevelRule {
  pattern: string;
  matches: (namespace: string) => boolean;
  /** `undefined` turns the matching loggers off. */
  level: AzkitLogLevel | undefined;
}

/**
 * The process-wide logging state. It lives on `globalThis` under a registered symbol so that the
 * ESM and CJS copies of this package (or two installed versions) share one configuration:
 * `setLogLevel` in an ESM app must reach a library that `require`d us.
 */
interface LogSettingsState {
  /** Bumped on every change; loggers compare it to know when their cached level is stale. */
  generation: number;
  environmentLoaded: boolean;
  globalLevel: AzkitLogLevel | undefined;
  rules: LevelRule[];
  sink: LogSink | undefined;
}

const STATE_KEY = Symbol.for("@azkit/core-logging/settings@1");

type GlobalWithState = typeof globalThis & { [STATE_KEY]?: LogSettingsState };

/** @internal */
export function logSettings(): LogSettingsState {
  const holder = globalThis as GlobalWithState;
  let state = holder[STATE_KEY];
  if (!state) {
    state = { generation: 1, environmentLoaded: false, globalLevel: undefined, rules: [], sink: undefined };
    holder[STATE_KEY] = state;
  }
  if (!state.environmentLoaded) loadEnvironment(state);
  return state;
}

function changed(state: LogSettingsState): void {
  state.generation++;
}

/**
 * Reads `AZURE_LOG_LEVEL` and `AZKIT_LOG` once, when logging is first needed (never at import,
 * so an app may set them after loading azkit and before its first call).
 */
function loadEnvironment(state: LogSettingsState): void {
  state.environmentLoaded = true;
  const env = typeof process === "object" ? process.env : {};
  const levelText = env.AZURE_LOG_LEVEL?.trim().toLowerCase();
  let envLevel: AzkitLogLevel | undefined;
  if (levelText) {
    if (isAzkitLogLevel(levelText)) envLevel = levelText;
    else warnOnce(`AZURE_LOG_LEVEL=${JSON.stringify(env.AZURE_LOG_LEVEL)}`);
  }
  const patterns = env.AZKIT_LOG?.trim();
  if (!patterns) {
    state.globalLevel = envLevel;
    changed(state);
    return;
  }
  // Like DEBUG: only the listed namespaces log. Each entry is "pattern", "pattern=level" or
  // "-pattern" (off); a pattern without a level logs at AZURE_LOG_LEVEL, else at verbose.
  state.globalLevel = undefined;
  for (const entry of patterns.split(/[\s,]+/).filter(Boolean)) {
    const off = entry.startsWith("-");
    const [pattern = "", explicit] = (off ? entry.slice(1) : entry).split("=");
    let level: AzkitLogLevel | undefined = off ? undefined : (envLevel ?? "verbose");
    if (!off && explicit !== undefined) {
      const normalized = explicit.trim().toLowerCase();
      if (isAzkitLogLevel(normalized)) level = normalized;
      else {
        warnOnce(`AZKIT_LOG entry ${JSON.stringify(entry)}`);
        continue;
      }
    }
    state.rules.push({ pattern: toNamespace(pattern), matches: compileNamespacePattern(pattern), level });
  }
  changed(state);
}

function warnOnce(what: string): void {
  if (typeof process !== "object" || typeof process.emitWarning !== "function") return;
  process.emitWarning(
    `${what} is not a log level azkit knows, so it is ignored; use one of ${AZKIT_LOG_LEVELS.join(", ")}.`,
    { code: "AZKIT_INVALID_LOG_LEVEL" },
  );
}

/**
 * Sets the log level for every azkit library, or for the libraries whose namespace matches a
 * pattern. A pattern is a library name (`"storage-blob"`), a namespace (`"azkit:storage-blob"`) or
 * a glob over namespaces (`"azkit:mgmt-*"` is every management library). The most recent matching
 * pattern wins; libraries matching no pattern use the level set without one. `undefined` turns
 * logging off.
 *
 * @example
 * ```ts
 * setLogLevel("warning");                 // everything at warning
 * setLogLevel("verbose", "storage-blob"); // but blob storage in full
 * setLogLevel(undefined, "azkit:mgmt-*"); // and the management libraries silent
 * ```
 * @throws TypeError when `level` is not one of "error", "warning", "info", "verbose" or undefined.
 * @public
 */
export function setLogLevel(level: AzkitLogLevel | undefined, namespacePattern?: string): void {
  if (level !== undefined) assertLogLevel(level, "setLogLevel");
  const state = logSettings();
  if (namespacePattern === undefined) {
    state.globalLevel = level;
  } else {
    const pattern = toNamespace(namespacePattern);
    state.rules = state.rules.filter((rule) => rule.pattern !== pattern);
    state.rules.push({ pattern, matches: compileNamespacePattern(pattern), level });
  }
  changed(state);
}

/**
 * The level in force for a namespace (or library name), or, without one, the level set for all.
 * `undefined` means logging is off there.
 * @public
 */
export function getLogLevel(namespace?: string): AzkitLogLevel | undefined {
  const state = logSettings();
  if (namespace === undefined) return state.globalLevel;
  return effectiveLevel(state, toNamespace(namespace));
}

/** @internal */
export function effectiveLevel(state: LogSettingsState, namespace: string): AzkitLogLevel | undefined {
  for (let i = state.rules.length - 1; i >= 0; i--) {
    const rule = state.rules[i]!;
    if (rule.matches(namespace)) return rule.level;
  }
  return state.globalLevel;
}

/**
 * Routes every record (of loggers without a sink of their own) to `sink`; `undefined` restores
 * the default, one line per record on stderr.
 * @public
 */
export function setLogSink(sink: LogSink | undefined): void {
  if (sink !== undefined && typeof sink !== "function") {
    throw new TypeError("setLogSink: expected a function (record) => void or undefined.");
  }
  const state = logSettings();
  state.sink = sink;
  changed(state);
}

/**
 * Forgets every level, pattern and sink set from code and reads `AZURE_LOG_LEVEL` and `AZKIT_LOG`
 * again at the next log call. For tests and for apps that change those variables at run time.
 * @public
 */
export function resetLogSettings(): void {
  const state = logSettings();
  state.globalLevel = undefined;
  state.rules = [];
  state.sink = undefined;
  state.environmentLoaded = false;
  changed(state);
}
