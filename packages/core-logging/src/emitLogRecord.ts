import type { LogRecord } from "./logRecord.js";
import { logSettings } from "./logSettings.js";
import { stderrSink } from "./stderrSink.js";

/**
 * Hands a finished record to this thread's sink (the one given to `setLogSink`, else stderr),
 * as it is: no level filter, since the thread that made it already applied one. Use it to
 * deliver records made on another thread (azkit's sync bridge forwards its worker's records so).
 * A sink that throws is ignored, as it is for records made here.
 *
 * @example
 * ```ts
 * worker.on("message", (message) => message.logRecord && emitLogRecord(message.logRecord));
 * ```
 * @public
 */
export function emitLogRecord(record: LogRecord): void {
  const sink = logSettings().sink ?? stderrSink;
  try {
    sink(record);
  } catch {
    // A broken sink must not break the Azure call that happened to log.
  }
}
