import type { ContainerRequestConditions } from "./conditions.js";
import type {
  BlobItem,
  BlobPrefix,
  LeaseDurationType,
  LeaseStateType,
  LeaseStatusType,
  PublicAccessType,
  SignedIdentifier,
} from "./listModels.js";
import type { Metadata } from "./metadata.js";
import type { CommonOptions } from "./options.js";
import type { CommonResponse, EntityResponse } from "./responseHeaders.js";

/**
 * Options of `ContainerClient.create`.
 * @public
 */
export interface ContainerCreateOptions extends CommonOptions {
  /** Metadata to store with the container. */
  metadata?: Metadata;
  /** Anonymous read access; omit for private. */
  access?: PublicAccessType;
}

/**
 * Result of `ContainerClient.create`.
 * @public
 */
export interface ContainerCreateResponse extends EntityResponse {}

/**
 * Result of `ContainerClient.createIfNotExists`.
 * @public
 */
export interface ContainerCreateIfNotExistsResponse extends ContainerCreateResponse {
  /** Whether this call created the container. */
  succeeded: boolean;
  /** The service's error code when it already existed (`ContainerAlreadyExists`). */
  errorCode?: string;
}

/**
 * Options of `ContainerClient.delete`.
 * @public
 */
export interface ContainerDeleteMethodOptions extends CommonOptions {
  /** Lease and time conditions. */
  conditions?: ContainerRequestConditions;
}

/**
 * Result of `ContainerClient.delete`.
 * @public
 */
export interface ContainerDeleteResponse extends CommonResponse {}

/**
 * Result of `ContainerClient.deleteIfExists`.
 * @public
 */
export interface ContainerDeleteIfExistsResponse extends ContainerDeleteResponse {
  /** Whether this call deleted the container. */
  succeeded: boolean;
  /** The service's error code when it did not exist. */
  errorCode?: string;
}

/**
 * Options of `ContainerClient.exists`.
 * @public
 */
export interface ContainerExistsOptions extends CommonOptions {}

/**
 * Options of `ContainerClient.getProperties`.
 * @public
 */
export interface ContainerGetPropertiesOptions extends CommonOptions {
  /** Lease condition. */
  conditions?: { leaseId?: string };
}

/**
 * Result of `ContainerClient.getProperties`.
 * @public
 */
export interface ContainerGetPropertiesResponse extends EntityResponse {
  /** Metadata (names in lower case, as HTTP delivers them). */
  metadata: Metadata;
  /** Lease status. */
  leaseStatus?: LeaseStatusType;
  /** Lease state. */
  leaseState?: LeaseStateType;
  /** Lease duration. */
  leaseDuration?: LeaseDurationType;
  /** Anonymous access level, when any. */
  blobPublicAccess?: PublicAccessType;
  /** Whether an immutability policy is set. */
  hasImmutabilityPolicy?: boolean;
  /** Whether a legal hold is set. */
  hasLegalHold?: boolean;
  /** Default encryption scope. */
  defaultEncryptionScope?: string;
}

/**
 * Options of `ContainerClient.setMetadata`.
 * @public
 */
export interface ContainerSetMetadataOptions extends CommonOptions {
  /** Lease and time conditions. */
  conditions?: ContainerRequestConditions;
}

/**
 * Result of `ContainerClient.setMetadata`.
 * @public
 */
export interface ContainerSetMetadataResponse extends EntityResponse {}

/**
 * Options of `ContainerClient.getAccessPolicy`.
 * @public
 */
export interface ContainerGetAccessPolicyOptions extends CommonOptions {
  /** Lease condition. */
  conditions?: { leaseId?: string };
}

/**
 * Result of `ContainerClient.getAccessPolicy`.
 * @public
 */
export interface ContainerGetAccessPolicyResponse extends EntityResponse {
  /** Anonymous access level, when any. */
  blobPublicAccess?: PublicAccessType;
  /** The stored access policies. */
  signedIdentifiers: SignedIdentifier[];
}

/**
 * Options of `ContainerClient.setAccessPolicy`.
 * @public
 */
export interface ContainerSetAccessPolicyOptions extends CommonOptions {
  /** Lease and time conditions. */
  conditions?: ContainerRequestConditions;
}

/**
 * Result of `ContainerClient.setAccessPolicy`.
 * @public
 */
export interface ContainerSetAccessPolicyResponse extends EntityResponse {}

/**
 * Options of `ContainerClient.listBlobsFlat` and `listBlobsByHierarchy`.
 * @public
 */
export interface ContainerListBlobsOptions extends CommonOptions {
  /** Only names starting with this. */
  prefix?: string;
  /** Include each blob's metadata. */
  includeMetadata?: boolean;
  /** Include snapshots. */
  includeSnapshots?: boolean;
  /** Include index tags. */
  includeTags?: boolean;
  /** Include soft-deleted blobs. */
  includeDeleted?: boolean;
  /** Include copy properties. */
  includeCopy?: boolean;
  /** Include blobs with only uncommitted blocks. */
  includeUncommitedBlobs?: boolean;
  /** Include versions. */
  includeVersions?: boolean;
  /** Include legal hold state. */
  includeLegalHold?: boolean;
  /** Include immutability policies. */
  includeImmutabilityPolicy?: boolean;
}

/**
 * Options of `BlobServiceClient.listContainers`.
 * @public
 */
export interface ServiceListContainersOptions extends CommonOptions {
  /** Only names starting with this. */
  prefix?: string;
  /** Include each container's metadata. */
  includeMetadata?: boolean;
  /** Include soft-deleted containers. */
  includeDeleted?: boolean;
  /** Include system containers such as `$logs`. */
  includeSystem?: boolean;
}

/**
 * An item of `listBlobsByHierarchy`: a virtual directory (`kind: "prefix"`) or a blob (`kind: "blob"`).
 * @public
 */
export type BlobHierarchyItem = ({ kind: "prefix" } & BlobPrefix) | ({ kind: "blob" } & BlobItem);

/**
 * Options of `ContainerClient.findBlobsByTags`.
 * @public
 */
export interface ContainerFindBlobByTagsOptions extends CommonOptions {}
