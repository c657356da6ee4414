import type { CommonOptions } from "./options.js";
import type { CommonResponse } from "./responseHeaders.js";
import type { AccessTier } from "./listModels.js";
import type { BlobRequestConditions } from "./conditions.js";

/**
 * One operation's answer inside a batch response.
 * @public
 */
export interface BatchSubResponse {
  /** HTTP status of the operation. */
  status: number;
  /** HTTP reason phrase. */
  statusMessage: string;
  /** The operation's response headers (lower-case names). */
  headers: Record<string, string>;
  /** The operation's body, when it has one (an error body). */
  bodyAsText?: string;
  /** The service's error code, for failed operations. */
  errorCode?: string;
  /** The blob URL the operation targeted. */
  url: string;
}

/**
 * Result of a batch: every operation's answer, in request order.
 * @public
 */
export interface BlobBatchSubmitBatchResponse extends CommonResponse {
  /** Answers in the order of the operations sent. */
  subResponses: BatchSubResponse[];
  /** How many operations succeeded. */
  subResponsesSucceededCount: number;
  /** How many operations failed. */
  subResponsesFailedCount: number;
}

/**
 * Options of `BlobBatchClient.deleteBlobs`.
 * @public
 */
export interface BlobBatchDeleteBlobsOptions extends CommonOptions {
  /** Delete snapshots with the blobs (`include`) or only them (`only`). */
  deleteSnapshots?: "include" | "only";
  /** Conditions applied to every blob. */
  conditions?: BlobRequestConditions;
}

/**
 * Options of `BlobBatchClient.setBlobsAccessTier`.
 * @public
 */
export interface BlobBatchSetBlobsAccessTierOptions extends CommonOptions {
  /** Lease and tag conditions applied to every blob. */
  conditions?: { leaseId?: string; tagConditions?: string };
  /** Rehydration priority from Archive. */
  rehydratePriority?: "High" | "Standard";
}

/** Re-exported for the tier parameter. */
export type BatchAccessTier = AccessTier | string;

/**
 * Options of `BlobBatchClient.submitBatch`.
 * @public
 */
export interface BlobBatchSubmitBatchOptionalParams extends CommonOptions {}
