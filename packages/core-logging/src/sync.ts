/**
 * The sync entry of \@azkit/core-logging. Logging never waits on I/O, so this entry is the async one
 * itself; it exists so that every azkit package offers "./sync" with the same names, and re-exports
 * rather than repeats the list so the two can never drift.
 * @packageDocumentation
 */
export * from "./index.js";
