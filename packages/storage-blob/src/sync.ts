/**
 * The blocking surface of \@azkit/storage-blob: the same classes and methods as the async entry,
 * run by core-http's sync bridge (the async client lives in a worker thread; each call blocks
 * until it settles). Lists are iterables with `.byPage()`, `beginCopyFromURL` returns a poller
 * with blocking `pollUntilDone()`, errors arrive as the same classes. Credentials, SAS helpers
 * and permission classes do no I/O and are the async entry's own.
 *
 * @example
 * ```ts
 * import { BlobServiceClient } from "@azkit/storage-blob/sync";
 * const service = BlobServiceClient.fromConnectionString(process.env.AZURE_STORAGE_CONNECTION_STRING!);
 * const container = service.getContainerClient("photos");
 * container.createIfNotExists();
 * container.getBlockBlobClient("cat.jpg").uploadFile("./cat.jpg");
 * for (const blob of container.listBlobsFlat()) console.log(blob.name);
 * ```
 * @packageDocumentation
 */
import { createSyncClientClass, type SyncClient, type SyncClientClass } from "@azkit/core-http";
import type {
  AppendBlobClient as AsyncAppendBlobClient,
  BlobBatchClient as AsyncBlobBatchClient,
  BlobClient as AsyncBlobClient,
  BlobLeaseClient as AsyncBlobLeaseClient,
  BlobServiceClient as AsyncBlobServiceClient,
  BlockBlobClient as AsyncBlockBlobClient,
  ContainerClient as AsyncContainerClient,
  PageBlobClient as AsyncPageBlobClient,
} from "./index.js";

const target = { moduleSpecifier: "@azkit/storage-blob", resolveFrom: import.meta.url } as const;

/**
 * Blocking `BlobServiceClient`: containers, account info, SAS URLs.
 * @example
 * ```ts
 * const service = BlobServiceClient.fromConnectionString("UseDevelopmentStorage=true");
 * ```
 * @public
 */
export const BlobServiceClient: SyncClientClass<typeof AsyncBlobServiceClient, "fromConnectionString"> =
  createSyncClientClass({
    ...target,
    exportName: "BlobServiceClient",
    staticMethods: ["fromConnectionString"],
  });
/**
 * A blocking Blob service client.
 * @public
 */
export type BlobServiceClient = SyncClient<AsyncBlobServiceClient>;

/**
 * Blocking `ContainerClient`.
 * @public
 */
export const ContainerClient: SyncClientClass<typeof AsyncContainerClient> = createSyncClientClass({
  ...target,
  exportName: "ContainerClient",
});
/**
 * A blocking container client.
 * @public
 */
export type ContainerClient = SyncClient<AsyncContainerClient>;

/**
 * Blocking `BlobClient`.
 * @public
 */
export const BlobClient: SyncClientClass<typeof AsyncBlobClient> = createSyncClientClass({
  ...target,
  exportName: "BlobClient",
});
/**
 * A blocking blob client.
 * @public
 */
export type BlobClient = SyncClient<AsyncBlobClient>;

/**
 * Blocking `BlockBlobClient`.
 * @public
 */
export const BlockBlobClient: SyncClientClass<typeof AsyncBlockBlobClient> = createSyncClientClass({
  ...target,
  exportName: "BlockBlobClient",
});
/**
 * A blocking block blob client.
 * @public
 */
export type BlockBlobClient = SyncClient<AsyncBlockBlobClient>;

/**
 * Blocking `AppendBlobClient`.
 * @public
 */
export const AppendBlobClient: SyncClientClass<typeof AsyncAppendBlobClient> = createSyncClientClass({
  ...target,
  exportName: "AppendBlobClient",
});
/**
 * A blocking append blob client.
 * @public
 */
export type AppendBlobClient = SyncClient<AsyncAppendBlobClient>;

/**
 * Blocking `PageBlobClient`.
 * @public
 */
export const PageBlobClient: SyncClientClass<typeof AsyncPageBlobClient> = createSyncClientClass({
  ...target,
  exportName: "PageBlobClient",
});
/**
 * A blocking page blob client.
 * @public
 */
export type PageBlobClient = SyncClient<AsyncPageBlobClient>;

/**
 * Blocking `BlobLeaseClient`.
 * @public
 */
export const BlobLeaseClient: SyncClientClass<typeof AsyncBlobLeaseClient> = createSyncClientClass({
  ...target,
  exportName: "BlobLeaseClient",
});
/**
 * A blocking lease client.
 * @public
 */
export type BlobLeaseClient = SyncClient<AsyncBlobLeaseClient>;

/**
 * Blocking `BlobBatchClient`.
 * @public
 */
export const BlobBatchClient: SyncClientClass<typeof AsyncBlobBatchClient> = createSyncClientClass({
  ...target,
  exportName: "BlobBatchClient",
});
/**
 * A blocking batch client.
 * @public
 */
export type BlobBatchClient = SyncClient<AsyncBlobBatchClient>;

/**
 * The async classes the sync ones wrap, under the names the sync types refer to them by.
 */
export type {
  AsyncAppendBlobClient,
  AsyncBlobBatchClient,
  AsyncBlobClient,
  AsyncBlobLeaseClient,
  AsyncBlobServiceClient,
  AsyncBlockBlobClient,
  AsyncContainerClient,
  AsyncPageBlobClient,
};
export type { StorageCredential } from "./clients/storageContext.js";
export { AnonymousCredential } from "./credentials/anonymousCredential.js";
export { StorageSharedKeyCredential } from "./credentials/storageSharedKeyCredential.js";
export type {
  BatchAccessTier,
  BatchSubResponse,
  BlobBatchDeleteBlobsOptions,
  BlobBatchSetBlobsAccessTierOptions,
  BlobBatchSubmitBatchResponse,
} from "./models/batchModels.js";
export type { BlobHTTPHeaders } from "./models/blobHTTPHeaders.js";
export { BlobIntegrityError } from "./models/blobIntegrityError.js";
export type {
  AppendBlobAppendBlockOptions,
  AppendBlobAppendBlockResponse,
  AppendBlobSealOptions,
  BlobAbortCopyFromURLOptions,
  BlobBeginCopyFromURLOptions,
  BlobBeginCopyFromURLResponse,
  BlobBeginCopyFromUrlPollState,
  BlobCreateOptions,
  BlobCreateSnapshotOptions,
  BlobCreateSnapshotResponse,
  BlobDeleteIfExistsResponse,
  BlobDeleteOptions,
  BlobDeleteResponse,
  BlobDownloadOptions,
  BlobDownloadResponse,
  BlobDownloadToBufferOptions,
  BlobDownloadToFileOptions,
  BlobExistsOptions,
  BlobFromURLOptions,
  BlobGetPropertiesOptions,
  BlobGetPropertiesResponse,
  BlobGetTagsResponse,
  BlobPropertiesResponse,
  BlobSetHTTPHeadersOptions,
  BlobSetMetadataOptions,
  BlobSetPropertiesResponse,
  BlobSetTierOptions,
  BlobStartCopyFromURLResponse,
  BlobSyncCopyFromURLOptions,
  BlobTagsOptions,
  BlobUndeleteOptions,
  BlockBlobCommitBlockListOptions,
  BlockBlobGetBlockListOptions,
  BlockBlobGetBlockListResponse,
  BlockBlobParallelUploadOptions,
  BlockBlobStageBlockOptions,
  BlockBlobStageBlockResponse,
  BlockBlobSyncUploadFromURLOptions,
  BlockBlobUploadOptions,
  BlockBlobUploadResponse,
  BlockBlobUploadStreamOptions,
  BlockListType,
  DeleteSnapshotsOptionType,
  Lease,
  LeaseOperationOptions,
  PageBlobCreateOptions,
  PageBlobGetPageRangesOptions,
  PageBlobGetPageRangesResponse,
  PageBlobResizeOptions,
  PageBlobUploadPagesOptions,
  PageBlobUploadPagesResponse,
  RehydratePriority,
  TransferProgressEvent,
} from "./models/blobModels.js";
export type {
  AppendPositionAccessConditions,
  BlobRequestConditions,
  ContainerRequestConditions,
  LeaseAccessConditions,
  ModifiedAccessConditions,
  SequenceNumberAccessConditions,
  TagConditions,
} from "./models/conditions.js";
export type {
  BlobHierarchyItem,
  ContainerCreateIfNotExistsResponse,
  ContainerCreateOptions,
  ContainerCreateResponse,
  ContainerDeleteIfExistsResponse,
  ContainerDeleteMethodOptions,
  ContainerDeleteResponse,
  ContainerExistsOptions,
  ContainerFindBlobByTagsOptions,
  ContainerGetAccessPolicyOptions,
  ContainerGetAccessPolicyResponse,
  ContainerGetPropertiesOptions,
  ContainerGetPropertiesResponse,
  ContainerListBlobsOptions,
  ContainerSetAccessPolicyOptions,
  ContainerSetAccessPolicyResponse,
  ContainerSetMetadataOptions,
  ContainerSetMetadataResponse,
  ServiceListContainersOptions,
} from "./models/containerModels.js";
export type {
  AccessPolicy,
  AccessTier,
  Block,
  BlobItem,
  BlobPrefix,
  BlobProperties,
  BlobType,
  ContainerItem,
  ContainerListBlobFlatSegmentResponse,
  ContainerListBlobHierarchySegmentResponse,
  ContainerProperties,
  CopyStatusType,
  FilterBlobItem,
  LeaseDurationType,
  LeaseStateType,
  LeaseStatusType,
  PageRange,
  PublicAccessType,
  ServiceFindBlobByTagsSegmentResponse,
  ServiceListContainersSegmentResponse,
  SignedIdentifier,
} from "./models/listModels.js";
export type { Metadata, Tags } from "./models/metadata.js";
export type { CommonOptions } from "./models/options.js";
export type { CommonResponse, EntityResponse, WriteResponse } from "./models/responseHeaders.js";
export type {
  ServiceFindBlobByTagsOptions,
  ServiceGenerateAccountSasUrlOptions,
  ServiceGetAccountInfoOptions,
  ServiceGetAccountInfoResponse,
  ServiceGetPropertiesResponse,
  ServiceGetUserDelegationKeyOptions,
  ServicePropertiesOptions,
} from "./models/serviceModels.js";
export type {
  BlobServiceProperties,
  CorsRule,
  Logging,
  Metrics,
  RetentionPolicy,
  StaticWebsite,
} from "./models/serviceProperties.js";
export type { StoragePipelineOptions } from "./models/storagePipelineOptions.js";
export type { UserDelegationKey } from "./models/userDelegationKey.js";
export { AccountSASPermissions } from "./sas/accountSASPermissions.js";
export { AccountSASResourceTypes } from "./sas/accountSASResourceTypes.js";
export { AccountSASServices } from "./sas/accountSASServices.js";
export type { AccountSASSignatureValues } from "./sas/accountSASSignatureValues.js";
export { generateAccountSASQueryParameters } from "./sas/accountSASSignatureValues.js";
export { BlobSASPermissions } from "./sas/blobSASPermissions.js";
export type { BlobSASSignatureValues } from "./sas/blobSASSignatureValues.js";
export { generateBlobSASQueryParameters } from "./sas/blobSASSignatureValues.js";
export { ContainerSASPermissions } from "./sas/containerSASPermissions.js";
export type {
  BlobGenerateSasUrlOptions,
  ContainerGenerateSasUrlOptions,
} from "./sas/generateSasUrlOptions.js";
export type { SasIPRange } from "./sas/sasIPRange.js";
export { ipRangeToString } from "./sas/sasIPRange.js";
export { SASProtocol } from "./sas/sasProtocol.js";
export type { SASQueryParametersOptions } from "./sas/sasQueryParameters.js";
export { SASQueryParameters } from "./sas/sasQueryParameters.js";
export { SERVICE_VERSION } from "./serviceVersion.js";
