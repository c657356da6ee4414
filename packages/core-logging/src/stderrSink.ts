import type { LogRecord } from "./logRecord.js";

/**
 * The default sink: one line per record on stderr,
 * `2026-11-24T07:45:31.123Z azkit:storage-blob info: message {"attempt":2}`.
 * @internal
 */
export function stderrSink(record: LogRecord): void {
  const { time, level, namespace, message, ...fields } = record;
  const extra = Object.keys(fields).length > 0 ? ` ${safeJson(fields)}` : "";
  process.stderr.write(`${time.toISOString()} ${namespace} ${level}: ${message}${extra}\n`);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v));
  } catch {
    return "[unserializable fields]";
  }
}
