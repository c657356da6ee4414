/**
 * The blocking surface of \@azkit/mgmt-resources: the same client, operation groups and methods, run
 * by core-http's sync bridge (lists are iterables with `byPage()`, pollers have a blocking
 * `pollUntilDone()`, errors arrive as the same classes). Model classes and enums are the async
 * entry's own: they do no I/O, and model objects cross to the bridge as the plain data they are.
 * @packageDocumentation
 */
export * from "./generated/sync.js";
