/**
 * Azure Blob Storage for azkit: the `@azure/storage-blob` 12.x surface (change the import to
 * switch) with parallel downloads to files, resumable download bodies, bounded-memory uploads and
 * MD5 checks, on the azkit core.
 * @packageDocumentation
 */
export { AppendBlobClient } from "./clients/appendBlobClient.js";
export { BlobBatchClient } from "./clients/blobBatchClient.js";
export { BlobClient } from "./clients/blobClient.js";
export { BlobLeaseClient } from "./clients/blobLeaseClient.js";
export { BlobServiceClient } from "./clients/blobServiceClient.js";
export { BlockBlobClient } from "./clients/blockBlobClient.js";
export { ContainerClient } from "./clients/containerClient.js";
export { PageBlobClient } from "./clients/pageBlobClient.js";
export type { StorageCredential } from "./clients/storageContext.js";
export { AnonymousCredential } from "./credentials/anonymousCredential.js";
export { StorageSharedKeyCredential } from "./credentials/storageSharedKeyCredential.js";
export type {
  BatchAccessTier,
  BatchSubResponse,
  BlobBatchDeleteBlobsOptions,
  BlobBatchSetBlobsAccessTierOptions,
  BlobBatchSubmitBatchOptionalParams,
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
export type { PollerLikeWithCancellation } from "./models/pollerLikeWithCancellation.js";
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
export type { StorageRetryOptions } from "./storageRetryOptions.js";
export { StorageRetryPolicyType } from "./storageRetryOptions.js";
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
// --- the rest of @azure/storage-blob's exports (export parity, issue #13) ---
export type { AbortSignalLike, RestErrorOptions } from "@azkit/core-http";
export { RestError } from "@azkit/core-http";
export type { BatchSubRequest } from "./batch/blobBatch.js";
export { BlobBatch } from "./batch/blobBatch.js";
export { logger } from "./log.js";
export { BlockBlobTier, KnownEncryptionAlgorithmType, PremiumPageBlobTier } from "./models/tiers.js";
export { BaseRequestPolicy } from "./pipeline/baseRequestPolicy.js";
export type { CredentialPolicyCreator } from "./pipeline/credential.js";
export { Credential } from "./pipeline/credential.js";
export {
  AnonymousCredentialPolicy,
  CredentialPolicy,
  StorageSharedKeyCredentialPolicy,
} from "./pipeline/credentialPolicy.js";
export type {
  NewPipelineOptions,
  PipelineLike,
  PipelineOptions,
  ServiceClientOptions,
} from "./pipeline/pipeline.js";
export { isPipelineLike, newPipeline, Pipeline } from "./pipeline/pipeline.js";
export type {
  HttpHeaders,
  HttpOperationResponse,
  HttpPipelineLogLevel,
  HttpRequestBody,
  IHttpClient,
  RequestPolicy,
  RequestPolicyFactory,
  RequestPolicyOptions,
  WebResource,
} from "./pipeline/requestPolicy.js";
export { StorageBrowserPolicy, StorageBrowserPolicyFactory } from "./pipeline/storageBrowserPolicy.js";
export { StorageRetryPolicy, StorageRetryPolicyFactory } from "./pipeline/storageRetryPolicy.js";
export { getBlobServiceAccountAudience, StorageBlobAudience, StorageOAuthScopes } from "./storageAudience.js";
export type {
  AccountKind,
  AccountSASPermissionsLike,
  AppendBlobAppendBlockFromURLOptions,
  AppendBlobAppendBlockFromUrlResponse,
  AppendBlobCreateIfNotExistsOptions,
  AppendBlobCreateIfNotExistsResponse,
  AppendBlobCreateOptions,
  AppendBlobCreateResponse,
  AppendBlobRequestConditions,
  ArchiveStatus,
  BlobAbortCopyFromURLResponse,
  BlobAcquireLeaseOptions,
  BlobBatchDeleteBlobsResponse,
  BlobBatchSetBlobsAccessTierResponse,
  BlobBreakLeaseOptions,
  BlobChangeLeaseOptions,
  BlobCopyFromURLResponse,
  BlobCopySourceTags,
  BlobDownloadResponseParsed,
  BlobFlatListSegment,
  BlobGetTagsOptions,
  BlobHierarchyListSegment,
  BlobReleaseLeaseOptions,
  BlobRenewLeaseOptions,
  BlobSASPermissionsLike,
  BlobSetHTTPHeadersResponse,
  BlobSetMetadataResponse,
  BlobSetTagsOptions,
  BlobSetTagsResponse,
  BlobSetTierResponse,
  BlobStartCopyFromURLOptions,
  BlobTag,
  BlobTags,
  BlobUndeleteResponse,
  BlobUploadCommonResponse,
  BlockBlobCommitBlockListResponse,
  BlockBlobPutBlobFromUrlResponse,
  BlockBlobStageBlockFromURLOptions,
  BlockBlobStageBlockFromURLResponse,
  BlockList,
  ClearRange,
  CommonGenerateSasUrlOptions,
  ContainerAcquireLeaseOptions,
  ContainerBreakLeaseOptions,
  ContainerChangeLeaseOptions,
  ContainerDeleteBlobOptions,
  ContainerFindBlobsByTagsSegmentResponse,
  ContainerReleaseLeaseOptions,
  ContainerRenewLeaseOptions,
  ContainerSASPermissionsLike,
  ContainerFilterBlobsResponse,
  CopyPollerBlobClient,
  EncryptionAlgorithmType,
  FileShareTokenIntent,
  FilterBlobSegment,
  HttpAuthorization,
  LeaseOperationResponse,
  ListBlobsFlatSegmentResponse,
  ListBlobsHierarchySegmentResponse,
  ListContainersSegmentResponse,
  MatchConditions,
  ModificationConditions,
  PageBlobClearPagesOptions,
  PageBlobClearPagesResponse,
  PageBlobCreateIfNotExistsOptions,
  PageBlobCreateIfNotExistsResponse,
  PageBlobCreateResponse,
  PageBlobRequestConditions,
  PageBlobResizeResponse,
  PageBlobUploadPagesFromURLOptions,
  PageBlobUploadPagesFromURLResponse,
  PageList,
  PageRangeInfo,
  ParsedBatchResponse,
  PollOperationState,
  PollerLike,
  Range,
  SequenceNumberActionType,
  ServiceFindBlobsByTagsSegmentResponse,
  ServiceGetPropertiesOptions,
  ServiceGetUserDelegationKeyResponse,
  ServiceSetPropertiesOptions,
  ServiceSetPropertiesResponse,
  SkuName,
  SyncCopyStatusType,
} from "./models/peerTypeNames.js";
