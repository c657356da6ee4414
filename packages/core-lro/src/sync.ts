/**
 * The sync entry of \@azkit/core-lro. Pollers block through the sync bridge of \@azkit/core-http
 * (its `SyncPoller`), which wraps these async pollers; this entry offers the same names so that
 * every azkit package has "./sync", and re-exports rather than repeats the list so the two cannot drift.
 * @packageDocumentation
 */
export * from "./index.js";
