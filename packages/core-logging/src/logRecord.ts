import type { AzkitLogLevel } from "./logLevel.js";

/**
 * Extra structured data attached to a record, such as `{ attempt: 2, statusCode: 503 }`.
 * @public
 */
export type LogFields = Record<string, unknown>;

/**
 * One structured log record as a sink receives it.
 * @public
 */
export interface LogRecord extends LogFields {
  /** When the record was made. */
  time: Date;
  /** How severe it is. */
  level: AzkitLogLevel;
  /** The logger's namespace, such as `azkit:storage-blob`. */
  namespace: string;
  /** The formatted message. */
  message: string;
}

/**
 * Receives every record that passes the level filter. Plug one in to forward azkit logs to pino,
 * winston or a test array.
 *
 * @example
 * ```ts
 * import pino from "pino";
 * const log = pino();
 * setLogSink((record) => log[record.level === "warning" ? "warn" : record.level === "verbose" ? "debug" : record.level](record));
 * ```
 * @public
 */
export type LogSink = (record: LogRecord) => void;
