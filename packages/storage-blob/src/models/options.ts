import type { OperationOptions } from "@azkit/core-http";

/**
 * What every operation accepts: `abortSignal`, per-call request options and the pipeline
 * overrides of core-http's `OperationOptions`.
 * @public
 */
export interface CommonOptions extends OperationOptions {}
