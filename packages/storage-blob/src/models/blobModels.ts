import type { BlobHTTPHeaders } from "./blobHTTPHeaders.js";
import type {
  AppendPositionAccessConditions,
  BlobRequestConditions,
  ModifiedAccessConditions,
  SequenceNumberAccessConditions,
  TagConditions,
} from "./conditions.js";
import type {
  AccessTier,
  Block,
  BlobType,
  CopyStatusType,
  LeaseDurationType,
  LeaseStateType,
  LeaseStatusType,
  PageRange,
} from "./listModels.js";
import type { Metadata, Tags } from "./metadata.js";
import type { CommonOptions } from "./options.js";
import type { CommonResponse, EntityResponse, WriteResponse } from "./responseHeaders.js";

/**
 * Progress of an upload or download: bytes moved so far.
 * @public
 */
export interface TransferProgressEvent {
  /** Bytes transferred so far. */
  loadedBytes: number;
}

/**
 * Rehydration priority when moving a blob out of the Archive tier.
 * @public
 */
export type RehydratePriority = "High" | "Standard";

/**
 * Which snapshots `delete` removes: `include` the blob and its snapshots, or `only` the snapshots.
 * @public
 */
export type DeleteSnapshotsOptionType = "include" | "only";

/**
 * Properties a blob reports from `getProperties` and on download.
 * @public
 */
export interface BlobPropertiesResponse extends EntityResponse {
  /** Metadata (names in lower case, as HTTP delivers them). */
  metadata: Metadata;
  /** When the blob was created. */
  createdOn?: Date;
  /** Kind of blob. */
  blobType?: BlobType;
  /** Size in bytes. */
  contentLength?: number;
  /** Content-Type. */
  contentType?: string;
  /** Stored Content-MD5 of the whole blob. */
  contentMD5?: Uint8Array;
  /** Content-Encoding. */
  contentEncoding?: string;
  /** Content-Disposition. */
  contentDisposition?: string;
  /** Content-Language. */
  contentLanguage?: string;
  /** Cache-Control. */
  cacheControl?: string;
  /** Page blob sequence number. */
  blobSequenceNumber?: number;
  /** Committed block count of an append blob. */
  blobCommittedBlockCount?: number;
  /** Lease status. */
  leaseStatus?: LeaseStatusType;
  /** Lease state. */
  leaseState?: LeaseStateType;
  /** Lease duration. */
  leaseDuration?: LeaseDurationType;
  /** Copy id of the last copy into this blob. */
  copyId?: string;
  /** State of that copy. */
  copyStatus?: CopyStatusType;
  /** Source of that copy. */
  copySource?: string;
  /** `copied/total` bytes of that copy. */
  copyProgress?: string;
  /** Why that copy failed, when it did. */
  copyStatusDescription?: string;
  /** When that copy completed. */
  copyCompletedOn?: Date;
  /** Whether the content is encrypted by the service. */
  isServerEncrypted?: boolean;
  /** Access tier. */
  accessTier?: string;
  /** Whether the tier is inferred from the account default. */
  accessTierInferred?: boolean;
  /** When the tier last changed. */
  accessTierChangedOn?: Date;
  /** Number of index tags. */
  tagCount?: number;
  /** Whether an append blob is sealed. */
  isSealed?: boolean;
  /** Version id of this blob (versioning accounts). */
  versionId?: string;
}

/**
 * Options of `BlobClient.getProperties`.
 * @public
 */
export interface BlobGetPropertiesOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Result of `BlobClient.getProperties`.
 * @public
 */
export interface BlobGetPropertiesResponse extends BlobPropertiesResponse {}

/**
 * Options of `BlobClient.download`.
 * @public
 */
export interface BlobDownloadOptions extends CommonOptions {
  /** Conditions; 412 throws ResourceModifiedError, 304 (ifNoneMatch) throws too. */
  conditions?: BlobRequestConditions;
  /** Ask for the MD5 of the range (ranges up to 4 MiB) and verify it. */
  rangeGetContentMD5?: boolean;
  /** How many times the body may be resumed after it breaks (default 5). */
  maxRetryRequests?: number;
  /** Called as bytes arrive. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Result of `BlobClient.download`: properties plus the body stream.
 * @public
 */
export interface BlobDownloadResponse extends BlobPropertiesResponse {
  /** The body: resumes after breaks (pinned to the blob's ETag) up to `maxRetryRequests` times. */
  readableStreamBody?: NodeJS.ReadableStream;
  /** `bytes start-end/total` when a range was asked for. */
  contentRange?: string;
  /** The whole blob's stored MD5 (on ranged reads; `contentMD5` is then the range's). */
  blobContentMD5?: Uint8Array;
}

/**
 * Options of `downloadToBuffer` and `downloadToFile`.
 * @public
 */
export interface BlobDownloadToBufferOptions extends CommonOptions {
  /** Bytes per ranged GET (default 4 MiB). */
  blockSize?: number;
  /** Ranged GETs in flight at once (default 5). */
  concurrency?: number;
  /** Resumes allowed per range after its body breaks (default 5). */
  maxRetryRequestsPerBlock?: number;
  /** Conditions for every range (an ETag pin is added for you). */
  conditions?: BlobRequestConditions;
  /** Verify integrity: each range's MD5 (ranges up to 4 MiB) and the stored whole-blob MD5 when present. */
  verifyMD5?: boolean;
  /** Called as bytes arrive, summed over all ranges. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Options of `downloadToFile`.
 * @public
 */
export interface BlobDownloadToFileOptions extends BlobDownloadToBufferOptions {}

/**
 * Options of `BlobClient.delete`.
 * @public
 */
export interface BlobDeleteOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
  /** Delete the snapshots too (`include`) or only them (`only`); required when snapshots exist. */
  deleteSnapshots?: DeleteSnapshotsOptionType;
}

/**
 * Result of `BlobClient.delete`.
 * @public
 */
export interface BlobDeleteResponse extends CommonResponse {}

/**
 * Result of `BlobClient.deleteIfExists`.
 * @public
 */
export interface BlobDeleteIfExistsResponse extends BlobDeleteResponse {
  /** Whether this call deleted the blob. */
  succeeded: boolean;
  /** The service's error code when it did not exist. */
  errorCode?: string;
}

/**
 * Options of `BlobClient.exists`.
 * @public
 */
export interface BlobExistsOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Options of `BlobClient.setHTTPHeaders`.
 * @public
 */
export interface BlobSetHTTPHeadersOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Result of `setHTTPHeaders`, `setMetadata`, `createSnapshot` and other property writes.
 * @public
 */
export interface BlobSetPropertiesResponse extends EntityResponse {
  /** Page blob sequence number, where it applies. */
  blobSequenceNumber?: number;
}

/**
 * Options of `BlobClient.setMetadata`.
 * @public
 */
export interface BlobSetMetadataOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Options of `BlobClient.setTags` and `getTags`.
 * @public
 */
export interface BlobTagsOptions extends CommonOptions {
  /** Lease and tag conditions. */
  conditions?: TagConditions & { leaseId?: string };
}

/**
 * Result of `BlobClient.getTags`.
 * @public
 */
export interface BlobGetTagsResponse extends CommonResponse {
  /** The blob's index tags. */
  tags: Tags;
}

/**
 * Options of `BlobClient.setAccessTier`.
 * @public
 */
export interface BlobSetTierOptions extends CommonOptions {
  /** Lease and tag conditions. */
  conditions?: TagConditions & { leaseId?: string };
  /** Priority when rehydrating from Archive. */
  rehydratePriority?: RehydratePriority;
}

/**
 * Options of `BlobClient.createSnapshot`.
 * @public
 */
export interface BlobCreateSnapshotOptions extends CommonOptions {
  /** Metadata for the snapshot (defaults to the blob's). */
  metadata?: Metadata;
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Result of `BlobClient.createSnapshot`.
 * @public
 */
export interface BlobCreateSnapshotResponse extends EntityResponse {
  /** The snapshot's time; use with `withSnapshot`. */
  snapshot?: string;
}

/**
 * Options of `BlobClient.beginCopyFromURL`.
 * @public
 */
export interface BlobBeginCopyFromURLOptions extends CommonOptions {
  /** Metadata for the destination (defaults to the source's). */
  metadata?: Metadata;
  /** Tags for the destination. */
  tags?: Tags;
  /** Tier for the destination. */
  tier?: AccessTier;
  /** Rehydration priority, copying from Archive. */
  rehydratePriority?: RehydratePriority;
  /** Conditions on the destination. */
  conditions?: BlobRequestConditions;
  /** Conditions on the source. */
  sourceConditions?: ModifiedAccessConditions;
  /** Milliseconds between polls (default 15000). */
  intervalInMs?: number;
  /** A serialized poller state (`poller.serialize()`) to resume watching a copy. */
  resumeFrom?: string;
  /** Called with the copy state after each poll. */
  onProgress?: (state: BlobBeginCopyFromUrlPollState) => void;
}

/**
 * Options of `BlobClient.syncCopyFromURL`.
 * @public
 */
export interface BlobSyncCopyFromURLOptions extends CommonOptions {
  /** Metadata for the destination (defaults to the source's). */
  metadata?: Metadata;
  /** Tags for the destination. */
  tags?: Tags;
  /** Tier for the destination. */
  tier?: AccessTier;
  /** Conditions on the destination. */
  conditions?: BlobRequestConditions;
  /** Conditions on the source. */
  sourceConditions?: ModifiedAccessConditions;
}

/**
 * Options of `BlobClient.undelete`.
 * @public
 */
export interface BlobUndeleteOptions extends CommonOptions {}

/**
 * Result of starting a copy (`Copy Blob`).
 * @public
 */
export interface BlobStartCopyFromURLResponse extends EntityResponse {
  /** The copy's id (for `abortCopyFromURL`). */
  copyId?: string;
  /** `success` for a synchronous copy, else `pending`. */
  copyStatus?: CopyStatusType;
}

/**
 * Result of a finished copy (`beginCopyFromURL`): the destination's copy properties.
 * @public
 */
export interface BlobBeginCopyFromURLResponse extends BlobStartCopyFromURLResponse {
  /** `copied/total` bytes. */
  copyProgress?: string;
}

/**
 * State of a copy poller.
 * @public
 */
export interface BlobBeginCopyFromUrlPollState {
  /** The copy's id. */
  copyId?: string;
  /** `copied/total` bytes. */
  copyProgress?: string;
  /** The copy's state. */
  copyStatus?: CopyStatusType;
  /** The source URL. */
  copySource: string;
  /** Whether the copy finished (success, aborted or failed). */
  isCompleted: boolean;
  /** Whether the service accepted the copy (always true once `beginCopyFromURL` resolved). */
  isStarted?: boolean;
  /** Whether the copy was aborted. */
  isCancelled?: boolean;
  /** The finished copy's properties, once it succeeded. */
  result?: BlobBeginCopyFromURLResponse;
  /** Why the copy failed or was aborted. */
  error?: Error;
}

/**
 * Options of `BlobClient.abortCopyFromURL`.
 * @public
 */
export interface BlobAbortCopyFromURLOptions extends CommonOptions {
  /** Lease condition. */
  conditions?: { leaseId?: string };
}

/**
 * Options of `BlockBlobClient.upload`.
 * @public
 */
export interface BlockBlobUploadOptions extends CommonOptions {
  /** Stored HTTP headers. */
  blobHTTPHeaders?: BlobHTTPHeaders;
  /** Metadata. */
  metadata?: Metadata;
  /** Index tags. */
  tags?: Tags;
  /** Access tier. */
  tier?: AccessTier;
  /** Conditions (`ifNoneMatch: "*"` to never overwrite). */
  conditions?: BlobRequestConditions;
  /** MD5 of this body; the service rejects a mismatch (`Md5Mismatch`). */
  transactionalContentMD5?: Uint8Array;
  /** Called as bytes go out. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Result of `BlockBlobClient.upload`, `uploadData`, `uploadFile`, `uploadStream` and `commitBlockList`.
 * @public
 */
export interface BlockBlobUploadResponse extends WriteResponse {}

/**
 * Options of `uploadData`, `uploadFile` and `uploadStream`.
 * @public
 */
export interface BlockBlobParallelUploadOptions extends CommonOptions {
  /** Bytes per staged block (default 4 MiB; up to 4000 MiB). */
  blockSize?: number;
  /** Up to this size the data goes in one PUT (default 256 MiB for data and files). */
  maxSingleShotSize?: number;
  /** Blocks in flight at once (default 5). Memory held: at most `blockSize x concurrency`. */
  concurrency?: number;
  /** Stored HTTP headers. */
  blobHTTPHeaders?: BlobHTTPHeaders;
  /** Metadata. */
  metadata?: Metadata;
  /** Index tags. */
  tags?: Tags;
  /** Access tier. */
  tier?: AccessTier;
  /** Conditions on the final commit. */
  conditions?: BlobRequestConditions;
  /** Send an MD5 with every block (checked by the service) and store the whole blob's MD5. */
  computeMD5?: boolean;
  /** Called as bytes go out, summed over all blocks. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Options of `uploadStream`.
 * @public
 */
export interface BlockBlobUploadStreamOptions extends BlockBlobParallelUploadOptions {}

/**
 * Options of `BlockBlobClient.stageBlock`.
 * @public
 */
export interface BlockBlobStageBlockOptions extends CommonOptions {
  /** Lease condition. */
  conditions?: { leaseId?: string };
  /** MD5 of this block; the service rejects a mismatch. */
  transactionalContentMD5?: Uint8Array;
  /** Called as bytes go out. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Result of `stageBlock`.
 * @public
 */
export interface BlockBlobStageBlockResponse extends CommonResponse {
  /** MD5 the service computed over the block. */
  contentMD5?: Uint8Array;
  /** Whether the block is encrypted by the service. */
  isServerEncrypted?: boolean;
}

/**
 * Options of `BlockBlobClient.commitBlockList`.
 * @public
 */
export interface BlockBlobCommitBlockListOptions extends CommonOptions {
  /** Stored HTTP headers. */
  blobHTTPHeaders?: BlobHTTPHeaders;
  /** Metadata. */
  metadata?: Metadata;
  /** Index tags. */
  tags?: Tags;
  /** Access tier. */
  tier?: AccessTier;
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Which blocks `getBlockList` returns.
 * @public
 */
export type BlockListType = "committed" | "uncommitted" | "all";

/**
 * Options of `getBlockList`.
 * @public
 */
export interface BlockBlobGetBlockListOptions extends CommonOptions {
  /** Lease and tag conditions. */
  conditions?: TagConditions & { leaseId?: string };
}

/**
 * Result of `getBlockList`.
 * @public
 */
export interface BlockBlobGetBlockListResponse extends EntityResponse {
  /** Committed blocks in blob order. */
  committedBlocks: Block[];
  /** Staged, not yet committed blocks. */
  uncommittedBlocks: Block[];
  /** Size of the committed blob. */
  blobContentLength?: number;
}

/**
 * Options of `AppendBlobClient.create` and `PageBlobClient.create`.
 * @public
 */
export interface BlobCreateOptions extends CommonOptions {
  /** Stored HTTP headers. */
  blobHTTPHeaders?: BlobHTTPHeaders;
  /** Metadata. */
  metadata?: Metadata;
  /** Index tags. */
  tags?: Tags;
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Options of `PageBlobClient.create`.
 * @public
 */
export interface PageBlobCreateOptions extends BlobCreateOptions {
  /** Initial sequence number. */
  blobSequenceNumber?: number;
  /** Premium page blob tier. */
  tier?: AccessTier;
}

/**
 * Options of `AppendBlobClient.appendBlock`.
 * @public
 */
export interface AppendBlobAppendBlockOptions extends CommonOptions {
  /** Conditions, including the append position and maximum size. */
  conditions?: BlobRequestConditions & AppendPositionAccessConditions;
  /** MD5 of this block; the service rejects a mismatch. */
  transactionalContentMD5?: Uint8Array;
  /** Called as bytes go out. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Result of `appendBlock`.
 * @public
 */
export interface AppendBlobAppendBlockResponse extends WriteResponse {
  /** Offset at which the block was appended. */
  blobAppendOffset?: string;
  /** Committed block count after the append. */
  blobCommittedBlockCount?: number;
}

/**
 * Options of `AppendBlobClient.seal`.
 * @public
 */
export interface AppendBlobSealOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions & AppendPositionAccessConditions;
}

/**
 * Options of `uploadPages` and `clearPages`.
 * @public
 */
export interface PageBlobUploadPagesOptions extends CommonOptions {
  /** Conditions, including sequence number conditions. */
  conditions?: BlobRequestConditions & SequenceNumberAccessConditions;
  /** MD5 of the pages; the service rejects a mismatch. */
  transactionalContentMD5?: Uint8Array;
  /** Called as bytes go out. */
  onProgress?: (progress: TransferProgressEvent) => void;
}

/**
 * Result of `uploadPages` and `clearPages`.
 * @public
 */
export interface PageBlobUploadPagesResponse extends WriteResponse {
  /** Sequence number after the write. */
  blobSequenceNumber?: number;
}

/**
 * Options of `getPageRanges`.
 * @public
 */
export interface PageBlobGetPageRangesOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Result of `getPageRanges`.
 * @public
 */
export interface PageBlobGetPageRangesResponse extends EntityResponse {
  /** Ranges holding data. */
  pageRange: PageRange[];
  /** Cleared ranges (only for diffs). */
  clearRange: PageRange[];
  /** Size of the page blob. */
  blobContentLength?: number;
}

/**
 * Options of `resize`.
 * @public
 */
export interface PageBlobResizeOptions extends CommonOptions {
  /** Conditions. */
  conditions?: BlobRequestConditions;
}

/**
 * Options of the lease operations.
 * @public
 */
export interface LeaseOperationOptions extends CommonOptions {
  /** Time and ETag conditions. */
  conditions?: ModifiedAccessConditions;
}

/**
 * Result of a lease operation.
 * @public
 */
export interface Lease extends EntityResponse {
  /** The lease id after the call. */
  leaseId?: string;
  /** Seconds until a broken lease ends (`breakLease`). */
  leaseTime?: number;
}

/**
 * Options of the `*FromURL` block, append and page operations.
 * @public
 */
export interface BlobFromURLOptions extends CommonOptions {
  /** Conditions on the destination (lease, ETag, append position, sequence number). */
  conditions?: BlobRequestConditions & AppendPositionAccessConditions & SequenceNumberAccessConditions;
  /** Conditions on the source. */
  sourceConditions?: ModifiedAccessConditions;
  /** MD5 the source range must have; the service rejects a mismatch. */
  sourceContentMD5?: Uint8Array;
  /** `Bearer <token>` (or other scheme) the service uses to read the source. */
  sourceAuthorization?: string;
}

/**
 * Options of `BlockBlobClient.syncUploadFromURL`.
 * @public
 */
export interface BlockBlobSyncUploadFromURLOptions extends BlobFromURLOptions {
  /** Stored HTTP headers for the destination. */
  blobHTTPHeaders?: BlobHTTPHeaders;
  /** Metadata for the destination. */
  metadata?: Metadata;
  /** Index tags for the destination. */
  tags?: Tags;
  /** Access tier for the destination. */
  tier?: AccessTier;
  /** Copy the source's HTTP headers and metadata (default true) or use the ones given here. */
  copySourceBlobProperties?: boolean;
}
