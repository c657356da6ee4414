/**
 * Logging for azkit libraries: levels per library, per group and for everything; pluggable sinks;
 * allow-list redaction of headers and URLs.
 * @packageDocumentation
 */
export type { AzkitLogFunction, AzkitClientLogger, ClientLoggerOptions } from "./clientLogger.js";
export { createClientLogger } from "./clientLogger.js";
export type { AzkitLogLevel } from "./logLevel.js";
export { AZKIT_LOG_LEVELS } from "./logLevel.js";
export type { LogFields, LogRecord, LogSink } from "./logRecord.js";
export { getLogLevel, resetLogSettings, setLogLevel, setLogSink } from "./logSettings.js";
export type { LogSettingsSnapshot } from "./logSettingsSnapshot.js";
export {
  applyLogSettingsSnapshot,
  getLogSettingsGeneration,
  getLogSettingsSnapshot,
} from "./logSettingsSnapshot.js";
export { emitLogRecord } from "./emitLogRecord.js";
export type { HeadersLike, Sanitizer, SanitizerOptions } from "./sanitizer.js";
export { createSanitizer, REDACTED, sanitizeHeaders, sanitizeText, sanitizeUrl } from "./sanitizer.js";
