import type { CommonClientOptions } from "@azkit/core-http";
import type { StorageRetryOptions } from "../storageRetryOptions.js";

/**
 * Options of every storage client constructor: core-http's client options plus the service
 * version, with retries in the `@azure/storage-blob` shape.
 * @public
 */
export interface StoragePipelineOptions extends Omit<CommonClientOptions, "retryOptions"> {
  /** The `x-ms-version` to send; defaults to {@link SERVICE_VERSION} (2025-11-05). */
  serviceVersion?: string;
  /** The token scope for `TokenCredential`s; defaults to `https://storage.azure.com/.default`. */
  audience?: string;
  /**
   * Retries as `@azure/storage-blob` takes them (`maxTries`, `tryTimeoutInMs`, ...), mapped onto
   * core-http's retry settings; `retryTotal` and the other core-http names work too.
   */
  retryOptions?: StorageRetryOptions;
}
