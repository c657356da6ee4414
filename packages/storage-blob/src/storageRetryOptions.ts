// The `@azure/storage-blob` retry options (`retryOptions: { maxTries, tryTimeoutInMs, ... }`),
// honoured by mapping them onto core-http's one retry policy: storage keeps no retry loop of its own.
import type { OverridableOptions, OptionBagShape } from "@azkit/core-http";

/**
 * How waits between storage retries grow: exponentially (with jitter) or not at all.
 * @public
 */
export enum StorageRetryPolicyType {
  /** Waits grow exponentially from `retryDelayInMs`, capped at `maxRetryDelayInMs`. */
  EXPONENTIAL = 0,
  /** Waits are `retryDelayInMs` every time. */
  FIXED = 1,
}

/**
 * Retry options in the shape `@azure/storage-blob` takes them (`StoragePipelineOptions.retryOptions`),
 * so code ports unchanged. Unset fields keep azkit's defaults (10 retries, 800 ms base wait).
 *
 * @example
 * ```ts
 * new BlobServiceClient(url, credential, { retryOptions: { maxTries: 3, tryTimeoutInMs: 30_000 } });
 * ```
 * @public
 */
export interface StorageRetryOptions {
  /** Attempts in total, the first included (so 1 means no retry). */
  maxTries?: number;
  /** Most milliseconds one attempt may take, waiting and reading included; none by default. */
  tryTimeoutInMs?: number;
  /** Base wait between attempts in milliseconds. */
  retryDelayInMs?: number;
  /** Longest wait between attempts in milliseconds. */
  maxRetryDelayInMs?: number;
  /** Exponential (default) or fixed waits. */
  retryPolicyType?: StorageRetryPolicyType;
  /** Accepted for compatibility; azkit does not read from a secondary host. */
  secondaryHost?: string;
}

/** What `retryOptions` may hold, for the option check. */
export const STORAGE_RETRY_OPTIONS_SHAPE: OptionBagShape = {
  maxTries: "number",
  tryTimeoutInMs: "number",
  retryDelayInMs: "number",
  maxRetryDelayInMs: "number",
  retryPolicyType: "number",
  secondaryHost: "string",
};

/** core-http's settings for the storage retry options, plus the per-try timeout storage applies. */
export function toCoreRetrySettings(retry: StorageRetryOptions | undefined): {
  settings: OverridableOptions;
  tryTimeoutInMs: number | undefined;
} {
  if (retry === undefined) return { settings: {}, tryTimeoutInMs: undefined };
  const { maxTries, tryTimeoutInMs, retryDelayInMs, maxRetryDelayInMs, retryPolicyType } = retry;
  if (maxTries !== undefined && (!Number.isInteger(maxTries) || maxTries < 1)) {
    throw new RangeError(`Option retryOptions.maxTries must be an integer >= 1; got ${maxTries}.`);
  }
  if (tryTimeoutInMs !== undefined && !(tryTimeoutInMs >= 0)) {
    throw new RangeError(`Option retryOptions.tryTimeoutInMs must be >= 0; got ${tryTimeoutInMs}.`);
  }
  if (retryPolicyType !== undefined && !(retryPolicyType in StorageRetryPolicyType)) {
    throw new RangeError(
      `Option retryOptions.retryPolicyType must be StorageRetryPolicyType.EXPONENTIAL or .FIXED; got ${retryPolicyType}.`,
    );
  }
  const settings: OverridableOptions = {};
  if (maxTries !== undefined) settings.retryTotal = maxTries - 1;
  if (retryDelayInMs !== undefined) settings.retryBackoffFactorInMs = retryDelayInMs;
  if (maxRetryDelayInMs !== undefined) settings.retryBackoffMaxInMs = maxRetryDelayInMs;
  if (retryPolicyType !== undefined) {
    settings.retryMode = retryPolicyType === StorageRetryPolicyType.FIXED ? "fixed" : "exponential";
  }
  return { settings, tryTimeoutInMs: tryTimeoutInMs || undefined };
}
