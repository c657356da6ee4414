import { type AzkitLogLevel, assertLogLevel, levelRank } from "./logLevel.js";
import type { LogFields, LogRecord, LogSink } from "./logRecord.js";
import { effectiveLevel, logSettings } from "./logSettings.js";
import { toNamespace } from "./namespacePattern.js";
import { stderrSink } from "./stderrSink.js";

/**
 * Writes one record at a fixed level. Pass a function instead of a string when the message costs
 * something to build: it runs only when the level is enabled.
 * @public
 */
export interface AzkitLogFunction {
  /** Writes `message` (or what the function returns) with optional structured `fields`. */
  (message: string | (() => string), fields?: LogFields): void;
  /** Whether a call would write now; check it before preparing expensive fields. */
  readonly enabled: boolean;
}

/**
 * A library's logger: one function per level, under the namespace `azkit:<library>`.
 * @public
 */
export interface AzkitClientLogger {
  /** The namespace the records carry, such as `azkit:storage-blob`. */
  readonly namespace: string;
  /** Failures the caller will see as an error. */
  readonly error: AzkitLogFunction;
  /** Trouble that azkit handled, such as a retried request. */
  readonly warning: AzkitLogFunction;
  /** One line per request and response. */
  readonly info: AzkitLogFunction;
  /** Everything, including (redacted) headers and bodies. */
  readonly verbose: AzkitLogFunction;
}

/**
 * Options of one logger, for per-client and per-call logging.
 * @public
 */
export interface ClientLoggerOptions {
  /** Overrides the configured level for this logger only (e.g. a client built with `loggingEnable`). */
  level?: AzkitLogLevel;
  /** Receives this logger's records instead of the process-wide sink. */
  sink?: LogSink;
}

/**
 * Creates the logger a library (or a client of it) writes through.
 *
 * @example
 * ```ts
 * const logger = createClientLogger("storage-blob");
 * logger.info("uploading", { blobName, sizeInBytes });
 * logger.verbose(() => `headers: ${JSON.stringify(headers)}`); // built only when verbose is on
 * ```
 * @public
 */
export function createClientLogger(
  libraryName: string,
  options: ClientLoggerOptions = {},
): AzkitClientLogger {
  if (typeof libraryName !== "string" || libraryName.trim() === "") {
    throw new TypeError('createClientLogger: expected a library name such as "storage-blob".');
  }
  if (options.level !== undefined) assertLogLevel(options.level, "createClientLogger");
  const namespace = toNamespace(libraryName);
  let cachedGeneration = 0;
  let cachedRank = -1;

  const currentRank = (): number => {
    if (options.level !== undefined) return levelRank(options.level);
    const state = logSettings();
    if (state.generation !== cachedGeneration) {
      const level = effectiveLevel(state, namespace);
      cachedRank = level === undefined ? -1 : levelRank(level);
      cachedGeneration = state.generation;
    }
    return cachedRank;
  };

  const make = (level: AzkitLogLevel): AzkitLogFunction => {
    const rank = levelRank(level);
    const write = (message: string | (() => string), fields?: LogFields): void => {
      if (rank > currentRank()) return;
      const text = typeof message === "function" ? message() : message;
      const record: LogRecord = { ...fields, time: new Date(), level, namespace, message: text };
      const sink = options.sink ?? logSettings().sink ?? stderrSink;
      try {
        sink(record);
      } catch {
        // A broken sink must not break the Azure call that happened to log.
      }
    };
    Object.defineProperty(write, "enabled", { get: () => rank <= currentRank(), enumerable: true });
    return write as AzkitLogFunction;
  };

  return Object.freeze({
    namespace,
    error: make("error"),
    warning: make("warning"),
    info: make("info"),
    verbose: make("verbose"),
  });
}
