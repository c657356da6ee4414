/**
 * The sync entry of \@azkit/core-http: the same names as the async entry (errors, types, schemas
 * and the sync bridge are synchronous already).
 * @packageDocumentation
 */
export * from "./index.js";
