import { createClientLogger } from "@azkit/core-logging";

/**
 * The logger of `@azkit/identity` (namespace `azkit:identity`): `logger.info(...)`, `logger.verbose(...)`.
 * Its level follows `AZURE_LOG_LEVEL`, `AZKIT_LOG` or core-logging's `setLogLevel`.
 * @public
 */
export const logger = createClientLogger("identity");
