import type { CommonClientOptions } from "@azkit/core-http";

/**
 * Options of every storage client constructor: core-http's client options plus the service version.
 * @public
 */
export interface StoragePipelineOptions extends CommonClientOptions {
  /** The `x-ms-version` to send; defaults to {@link SERVICE_VERSION} (2025-11-05). */
  serviceVersion?: string;
  /** The token scope for `TokenCredential`s; defaults to `https://storage.azure.com/.default`. */
  audience?: string;
}
