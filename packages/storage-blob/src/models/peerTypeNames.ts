// `@azure/storage-blob` 12.x names for types azkit already has under another name (one option
// bag shared by several methods, one response shape shared by several writes), so that code
// importing the peer's type names compiles unchanged. Each is the azkit type of that method.
import type { OperationState } from "@azkit/core-lro";
import type { BlobClient } from "../clients/blobClient.js";
import type { AccountSASPermissions } from "../sas/accountSASPermissions.js";
import type { BlobSASPermissions } from "../sas/blobSASPermissions.js";
import type { ContainerSASPermissions } from "../sas/containerSASPermissions.js";
import type { BlobGenerateSasUrlOptions } from "../sas/generateSasUrlOptions.js";
import type { BlobBatchSubmitBatchResponse } from "./batchModels.js";
import type {
  AppendBlobAppendBlockResponse,
  BlobBeginCopyFromURLOptions,
  BlobCreateOptions,
  BlobDeleteOptions,
  BlobDeleteResponse,
  BlobDownloadResponse,
  BlobFromURLOptions,
  BlobSetPropertiesResponse,
  BlobStartCopyFromURLResponse,
  BlobTagsOptions,
  BlockBlobGetBlockListResponse,
  BlockBlobStageBlockResponse,
  BlockBlobUploadResponse,
  LeaseOperationOptions,
  Lease,
  PageBlobUploadPagesOptions,
  PageBlobUploadPagesResponse,
  PageBlobCreateOptions,
} from "./blobModels.js";
import type {
  AppendPositionAccessConditions,
  BlobRequestConditions,
  SequenceNumberAccessConditions,
} from "./conditions.js";
import type {
  ContainerListBlobFlatSegmentResponse,
  ContainerListBlobHierarchySegmentResponse,
  PageRange,
  ServiceFindBlobByTagsSegmentResponse,
  ServiceListContainersSegmentResponse,
} from "./listModels.js";
import type { CommonResponse, WriteResponse } from "./responseHeaders.js";
import type { PollerLikeWithCancellation } from "./pollerLikeWithCancellation.js";
import type { ServicePropertiesOptions } from "./serviceModels.js";
import type { UserDelegationKey } from "./userDelegationKey.js";

/** The state a `@azure/core-lro` 2.x operation reports (`@azure/storage-blob`'s `PollOperationState`). @public */
export interface PollOperationState<TResult> {
  /** Whether the operation started. */
  isStarted?: boolean;
  /** Whether it finished (succeeded, failed or was canceled). */
  isCompleted?: boolean;
  /** Whether it was canceled. */
  isCancelled?: boolean;
  /** Why it failed. */
  error?: Error;
  /** Its result, once it succeeded. */
  result?: TResult;
}

/** `@azure/storage-blob`'s name for the non-thenable poller `beginCopyFromURL` resolves with. @public */
export type PollerLike<TState extends OperationState<TResult>, TResult> = PollerLikeWithCancellation<
  TState,
  TResult
>;

/** What a copy poller needs of a blob client (`@azure/storage-blob`'s `CopyPollerBlobClient`). @public */
export type CopyPollerBlobClient = Pick<
  BlobClient,
  "abortCopyFromURL" | "getProperties" | "startCopyFromURL"
>;

/** A byte range: `offset` and an optional `count` (to the end when absent). @public */
export interface Range {
  /** First byte, from 0. */
  offset: number;
  /** Number of bytes. */
  count?: number;
}

/** ETag conditions. @public */
export interface MatchConditions {
  /** Only if the ETag matches. */
  ifMatch?: string;
  /** Only if the ETag does not match (`*`: only if it does not exist). */
  ifNoneMatch?: string;
}

/** Date conditions. @public */
export interface ModificationConditions {
  /** Only if changed since. */
  ifModifiedSince?: Date;
  /** Only if not changed since. */
  ifUnmodifiedSince?: Date;
}

/** Conditions of append-blob writes. @public */
export interface AppendBlobRequestConditions extends BlobRequestConditions, AppendPositionAccessConditions {}

/** Conditions of page-blob writes. @public */
export interface PageBlobRequestConditions extends BlobRequestConditions, SequenceNumberAccessConditions {}

/** A shared access signature's credentials in the `Authorization` form (`scheme value`). @public */
export interface HttpAuthorization {
  /** The scheme, such as `Bearer`. */
  scheme: string;
  /** The credential. */
  value: string;
}

/** Plain-object form of account SAS permissions (`AccountSASPermissions.from` takes it). @public */
export type AccountSASPermissionsLike = Partial<AccountSASPermissions>;
/** Plain-object form of blob SAS permissions (`BlobSASPermissions.from` takes it). @public */
export type BlobSASPermissionsLike = Partial<BlobSASPermissions>;
/** Plain-object form of container SAS permissions (`ContainerSASPermissions.from` takes it). @public */
export type ContainerSASPermissionsLike = Partial<ContainerSASPermissions>;

/** Options of `getProperties` on the service. @public */
export type ServiceGetPropertiesOptions = ServicePropertiesOptions;
/** Options of `setProperties` on the service. @public */
export type ServiceSetPropertiesOptions = ServicePropertiesOptions;
/** Result of `setProperties` on the service. @public */
export type ServiceSetPropertiesResponse = CommonResponse;
/** Result of `getUserDelegationKey`. @public */
export type ServiceGetUserDelegationKeyResponse = UserDelegationKey;
/** A page of `findBlobsByTags` on the service. @public */
export type ServiceFindBlobsByTagsSegmentResponse = ServiceFindBlobByTagsSegmentResponse;
/** A page of `findBlobsByTags` on a container. @public */
export type ContainerFindBlobsByTagsSegmentResponse = ServiceFindBlobByTagsSegmentResponse;
/** A page of `findBlobsByTags` (the service's `FilterBlobSegment`). @public */
export type FilterBlobSegment = ServiceFindBlobByTagsSegmentResponse;
/** A page of a container's `findBlobsByTags`. @public */
export type ContainerFilterBlobsResponse = ServiceFindBlobByTagsSegmentResponse;
/** A page of `listContainers`. @public */
export type ListContainersSegmentResponse = ServiceListContainersSegmentResponse;
/** A page of `listBlobsFlat`. @public */
export type ListBlobsFlatSegmentResponse = ContainerListBlobFlatSegmentResponse;
/** The blobs of a `listBlobsFlat` page. @public */
export type BlobFlatListSegment = ContainerListBlobFlatSegmentResponse["segment"];
/** A page of `listBlobsByHierarchy`. @public */
export type ListBlobsHierarchySegmentResponse = ContainerListBlobHierarchySegmentResponse;
/** The blobs and prefixes of a `listBlobsByHierarchy` page. @public */
export type BlobHierarchyListSegment = ContainerListBlobHierarchySegmentResponse["segment"];

/** Options of `setTags`. @public */
export type BlobSetTagsOptions = BlobTagsOptions;
/** Options of `getTags`. @public */
export type BlobGetTagsOptions = BlobTagsOptions;
/** Options of a blob's `acquireLease`. @public */
export type BlobAcquireLeaseOptions = LeaseOperationOptions;
/** Options of a blob's `releaseLease`. @public */
export type BlobReleaseLeaseOptions = LeaseOperationOptions;
/** Options of a blob's `renewLease`. @public */
export type BlobRenewLeaseOptions = LeaseOperationOptions;
/** Options of a blob's `changeLease`. @public */
export type BlobChangeLeaseOptions = LeaseOperationOptions;
/** Options of a blob's `breakLease`. @public */
export type BlobBreakLeaseOptions = LeaseOperationOptions;
/** Options of a container's `acquireLease`. @public */
export type ContainerAcquireLeaseOptions = LeaseOperationOptions;
/** Options of a container's `releaseLease`. @public */
export type ContainerReleaseLeaseOptions = LeaseOperationOptions;
/** Options of a container's `renewLease`. @public */
export type ContainerRenewLeaseOptions = LeaseOperationOptions;
/** Options of a container's `changeLease`. @public */
export type ContainerChangeLeaseOptions = LeaseOperationOptions;
/** Options of a container's `breakLease`. @public */
export type ContainerBreakLeaseOptions = LeaseOperationOptions;
/** Result of every lease operation. @public */
export type LeaseOperationResponse = Lease;
/** Options of `startCopyFromURL`. @public */
export type BlobStartCopyFromURLOptions = BlobBeginCopyFromURLOptions;
/** Options of `generateSasUrl`, common to blobs and containers. @public */
export type CommonGenerateSasUrlOptions = BlobGenerateSasUrlOptions;
/** Options of `ContainerClient.deleteBlob`. @public */
export type ContainerDeleteBlobOptions = BlobDeleteOptions;
/** Options of an append blob's `create`. @public */
export type AppendBlobCreateOptions = BlobCreateOptions;
/** Options of an append blob's `createIfNotExists`. @public */
export type AppendBlobCreateIfNotExistsOptions = BlobCreateOptions;
/** Options of a page blob's `createIfNotExists`. @public */
export type PageBlobCreateIfNotExistsOptions = PageBlobCreateOptions;
/** Options of `appendBlockFromURL`. @public */
export type AppendBlobAppendBlockFromURLOptions = BlobFromURLOptions;
/** Options of `stageBlockFromURL`. @public */
export type BlockBlobStageBlockFromURLOptions = BlobFromURLOptions;
/** Options of `uploadPagesFromURL`. @public */
export type PageBlobUploadPagesFromURLOptions = BlobFromURLOptions;
/** Options of `clearPages`. @public */
export type PageBlobClearPagesOptions = PageBlobUploadPagesOptions;

/** Result of an append blob's `create`. @public */
export type AppendBlobCreateResponse = WriteResponse;
/** Result of a page blob's `create`. @public */
export type PageBlobCreateResponse = WriteResponse;
/** Result of an append blob's `createIfNotExists`. @public */
export type AppendBlobCreateIfNotExistsResponse = WriteResponse & { succeeded: boolean };
/** Result of a page blob's `createIfNotExists`. @public */
export type PageBlobCreateIfNotExistsResponse = WriteResponse & { succeeded: boolean };
/** Result of `appendBlockFromURL`. @public */
export type AppendBlobAppendBlockFromUrlResponse = AppendBlobAppendBlockResponse;
/** Result of `stageBlockFromURL`. @public */
export type BlockBlobStageBlockFromURLResponse = BlockBlobStageBlockResponse;
/** Result of `uploadPagesFromURL`. @public */
export type PageBlobUploadPagesFromURLResponse = PageBlobUploadPagesResponse;
/** Result of `clearPages`. @public */
export type PageBlobClearPagesResponse = PageBlobUploadPagesResponse;
/** Result of `resize`. @public */
export type PageBlobResizeResponse = PageBlobUploadPagesResponse;
/** Result of `commitBlockList`. @public */
export type BlockBlobCommitBlockListResponse = BlockBlobUploadResponse;
/** Result of `syncUploadFromURL`. @public */
export type BlockBlobPutBlobFromUrlResponse = BlockBlobUploadResponse;
/** Result of the upload helpers (`uploadData`, `uploadFile`, `uploadStream`). @public */
export type BlobUploadCommonResponse = BlockBlobUploadResponse;
/** Result of `abortCopyFromURL`. @public */
export type BlobAbortCopyFromURLResponse = BlobDeleteResponse;
/** Result of `syncCopyFromURL`. @public */
export type BlobCopyFromURLResponse = BlobStartCopyFromURLResponse;
/** Result of `setAccessTier`. @public */
export type BlobSetTierResponse = BlobDeleteResponse;
/** Result of `undelete`. @public */
export type BlobUndeleteResponse = BlobDeleteResponse;
/** Result of `setHTTPHeaders`. @public */
export type BlobSetHTTPHeadersResponse = BlobSetPropertiesResponse;
/** Result of `setMetadata`. @public */
export type BlobSetMetadataResponse = BlobSetPropertiesResponse;
/** Result of `setTags`. @public */
export type BlobSetTagsResponse = BlobSetPropertiesResponse;
/** Result of `download`, with its body. @public */
export type BlobDownloadResponseParsed = BlobDownloadResponse;
/** What a finished batch reports. @public */
export type ParsedBatchResponse = Pick<
  BlobBatchSubmitBatchResponse,
  "subResponses" | "subResponsesSucceededCount" | "subResponsesFailedCount"
>;
/** Result of `BlobBatchClient.deleteBlobs`. @public */
export type BlobBatchDeleteBlobsResponse = BlobBatchSubmitBatchResponse;
/** Result of `BlobBatchClient.setBlobsAccessTier`. @public */
export type BlobBatchSetBlobsAccessTierResponse = BlobBatchSubmitBatchResponse;

/** The committed and uncommitted blocks of a block blob. @public */
export type BlockList = Pick<BlockBlobGetBlockListResponse, "committedBlocks" | "uncommittedBlocks">;
/** A cleared range of a page blob (inclusive byte offsets). @public */
export type ClearRange = PageRange;
/** The page ranges of a page blob. @public */
export interface PageList {
  /** Ranges holding data. */
  pageRange?: PageRange[];
  /** Ranges cleared (diffs only). */
  clearRange?: ClearRange[];
}
/** A page range with whether it was cleared (`listPageRanges` items). @public */
export interface PageRangeInfo {
  /** First byte. */
  start: number;
  /** Last byte. */
  end: number;
  /** Whether the range was cleared. */
  isClear: boolean;
}
/** A blob tag. @public */
export interface BlobTag {
  /** The tag's name. */
  key: string;
  /** The tag's value. */
  value: string;
}
/** A blob's tags in the service's list form. @public */
export interface BlobTags {
  /** The tags. */
  blobTagSet: BlobTag[];
}

/** The kind of a storage account. @public */
export type AccountKind = "Storage" | "BlobStorage" | "StorageV2" | "FileStorage" | "BlockBlobStorage";
/** The SKU of a storage account. @public */
export type SkuName =
  | "Standard_LRS"
  | "Standard_GRS"
  | "Standard_RAGRS"
  | "Standard_ZRS"
  | "Premium_LRS"
  | "Standard_GZRS"
  | "Premium_ZRS"
  | "Standard_RAGZRS";
/** A blob's rehydration state out of Archive. @public */
export type ArchiveStatus =
  | "rehydrate-pending-to-hot"
  | "rehydrate-pending-to-cool"
  | "rehydrate-pending-to-cold";
/** Whether a copy copies the source's tags (`COPY`) or sets new ones (`REPLACE`). @public */
export type BlobCopySourceTags = "REPLACE" | "COPY";
/** How `updateSequenceNumber` changes a page blob's sequence number. @public */
export type SequenceNumberActionType = "max" | "update" | "increment";
/** The status a synchronous copy reports. @public */
export type SyncCopyStatusType = "success";
/** The encryption algorithm of a customer-provided key. @public */
export type EncryptionAlgorithmType = "AES256";
/** Intent of a file-share token (Azure Files; never sent by the Blob service). @public */
export type FileShareTokenIntent = "backup";
