import { type AzkitClientLogger, createClientLogger } from "@azkit/core-logging";

/**
 * The logger of this package (namespace `azkit:storage-blob`), with `error`, `warning`, `info`
 * and `verbose` like `@azure/storage-blob`'s `logger`. Turn it on with `AZURE_LOG_LEVEL=info` or
 * `setLogLevel` from `@azkit/core-logging`.
 *
 * @example
 * ```ts
 * import { logger } from "@azkit/storage-blob";
 * logger.info("starting the nightly copy");
 * ```
 * @public
 */
export const logger: AzkitClientLogger = createClientLogger("storage-blob");
