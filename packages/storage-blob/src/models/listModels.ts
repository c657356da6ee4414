import type { Metadata, Tags } from "./metadata.js";

/**
 * Lease state of a container or blob.
 * @public
 */
export type LeaseStateType = "available" | "leased" | "expired" | "breaking" | "broken";
/**
 * Whether a container or blob is leased.
 * @public
 */
export type LeaseStatusType = "locked" | "unlocked";
/**
 * Whether a lease is infinite or fixed-length.
 * @public
 */
export type LeaseDurationType = "infinite" | "fixed";
/**
 * Anonymous read access a container allows.
 * @public
 */
export type PublicAccessType = "container" | "blob";
/**
 * The kind of blob.
 * @public
 */
export type BlobType = "BlockBlob" | "PageBlob" | "AppendBlob";
/**
 * Storage tiers of a blob.
 * @public
 */
export type AccessTier =
  | "Hot"
  | "Cool"
  | "Cold"
  | "Archive"
  | "P4"
  | "P6"
  | "P10"
  | "P15"
  | "P20"
  | "P30"
  | "P40"
  | "P50"
  | "P60"
  | "P70"
  | "P80"
  | "Premium";
/**
 * State of a copy into a blob.
 * @public
 */
export type CopyStatusType = "pending" | "success" | "aborted" | "failed";

/**
 * Properties of a container in a listing.
 * @public
 */
export interface ContainerProperties {
  /** When the container (or its metadata) last changed. */
  lastModified: Date;
  /** The container's ETag. */
  etag: string;
  /** Lease status. */
  leaseStatus?: LeaseStatusType;
  /** Lease state. */
  leaseState?: LeaseStateType;
  /** Lease duration, when leased. */
  leaseDuration?: LeaseDurationType;
  /** Anonymous access level, when any. */
  publicAccess?: PublicAccessType;
  /** Whether an immutability policy is set. */
  hasImmutabilityPolicy?: boolean;
  /** Whether a legal hold is set. */
  hasLegalHold?: boolean;
  /** Default encryption scope. */
  defaultEncryptionScope?: string;
  /** Whether blobs may override the default encryption scope. */
  preventEncryptionScopeOverride?: boolean;
}

/**
 * A container in `listContainers`.
 * @public
 */
export interface ContainerItem {
  /** Container name. */
  name: string;
  /** Whether the container is soft-deleted (with `includeDeleted`). */
  deleted?: boolean;
  /** Version of a soft-deleted container. */
  version?: string;
  /** The container's properties. */
  properties: ContainerProperties;
  /** Metadata, with `includeMetadata`. */
  metadata?: Metadata;
}

/**
 * One page of `listContainers().byPage()`.
 * @public
 */
export interface ServiceListContainersSegmentResponse {
  /** The service endpoint listed. */
  serviceEndpoint: string;
  /** The prefix filter, when given. */
  prefix?: string;
  /** The marker this page started at. */
  marker?: string;
  /** The page size asked for. */
  maxPageSize?: number;
  /** The containers of this page. */
  containerItems: ContainerItem[];
  /** Pass to `byPage({ continuationToken })` for the next page; empty/undefined on the last. */
  continuationToken?: string;
}

/**
 * Properties of a blob in a listing.
 * @public
 */
export interface BlobProperties {
  /** When the blob was created. */
  createdOn?: Date;
  /** When the blob last changed. */
  lastModified: Date;
  /** The blob's ETag. */
  etag: string;
  /** Size in bytes. */
  contentLength?: number;
  /** Content-Type. */
  contentType?: string;
  /** Content-Encoding. */
  contentEncoding?: string;
  /** Content-Language. */
  contentLanguage?: string;
  /** Stored Content-MD5. */
  contentMD5?: Uint8Array;
  /** Content-Disposition. */
  contentDisposition?: string;
  /** Cache-Control. */
  cacheControl?: string;
  /** Page blob sequence number. */
  blobSequenceNumber?: number;
  /** Kind of blob. */
  blobType?: BlobType;
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
  /** Source URL of that copy. */
  copySource?: string;
  /** `copied/total` bytes of that copy. */
  copyProgress?: string;
  /** When that copy completed. */
  copyCompletedOn?: Date;
  /** Whether the content is encrypted by the service. */
  serverEncrypted?: boolean;
  /** Access tier. */
  accessTier?: AccessTier;
  /** Whether the tier is the account default (inferred). */
  accessTierInferred?: boolean;
  /** When the tier last changed. */
  accessTierChangedOn?: Date;
  /** Number of index tags. */
  tagCount?: number;
  /** Whether an append blob is sealed. */
  isSealed?: boolean;
}

/**
 * A blob in a listing.
 * @public
 */
export interface BlobItem {
  /** Blob name. */
  name: string;
  /** Whether the blob is soft-deleted. */
  deleted: boolean;
  /** Snapshot time, for snapshots. */
  snapshot: string;
  /** Version id, with `includeVersions`. */
  versionId?: string;
  /** Whether this is the current version. */
  isCurrentVersion?: boolean;
  /** The blob's properties. */
  properties: BlobProperties;
  /** Metadata, with `includeMetadata`. */
  metadata?: Metadata;
  /** Index tags, with `includeTags`. */
  tags?: Tags;
}

/**
 * A virtual directory in a hierarchical listing.
 * @public
 */
export interface BlobPrefix {
  /** The prefix, ending with the delimiter. */
  name: string;
}

/**
 * One page of `listBlobsFlat().byPage()`.
 * @public
 */
export interface ContainerListBlobFlatSegmentResponse {
  /** The service endpoint. */
  serviceEndpoint: string;
  /** The container listed. */
  containerName: string;
  /** The prefix filter, when given. */
  prefix?: string;
  /** The marker this page started at. */
  marker?: string;
  /** The page size asked for. */
  maxPageSize?: number;
  /** The blobs of this page. */
  segment: { blobItems: BlobItem[] };
  /** Pass to `byPage({ continuationToken })` for the next page. */
  continuationToken?: string;
}

/**
 * One page of `listBlobsByHierarchy().byPage()`.
 * @public
 */
export interface ContainerListBlobHierarchySegmentResponse {
  /** The service endpoint. */
  serviceEndpoint: string;
  /** The container listed. */
  containerName: string;
  /** The prefix filter, when given. */
  prefix?: string;
  /** The marker this page started at. */
  marker?: string;
  /** The page size asked for. */
  maxPageSize?: number;
  /** The delimiter that groups names into prefixes. */
  delimiter?: string;
  /** The prefixes and blobs of this page. */
  segment: { blobPrefixes?: BlobPrefix[]; blobItems: BlobItem[] };
  /** Pass to `byPage({ continuationToken })` for the next page. */
  continuationToken?: string;
}

/**
 * A blob found by `findBlobsByTags`.
 * @public
 */
export interface FilterBlobItem {
  /** Blob name. */
  name: string;
  /** Container of the blob. */
  containerName: string;
  /** The blob's tags that matched (may be all of them). */
  tags?: Tags;
}

/**
 * One page of `findBlobsByTags().byPage()`.
 * @public
 */
export interface ServiceFindBlobByTagsSegmentResponse {
  /** The service endpoint. */
  serviceEndpoint: string;
  /** The expression searched for. */
  where?: string;
  /** The blobs of this page. */
  blobs: FilterBlobItem[];
  /** Pass to `byPage({ continuationToken })` for the next page. */
  continuationToken?: string;
}

/**
 * One block of a block blob.
 * @public
 */
export interface Block {
  /** The block id (base64). */
  name: string;
  /** Size in bytes. */
  size: number;
}

/**
 * A byte range of a page blob, `[start, end]` inclusive.
 * @public
 */
export interface PageRange {
  /** First byte. */
  start: number;
  /** Last byte (inclusive). */
  end: number;
}

/**
 * A stored access policy of a container.
 * @public
 */
export interface AccessPolicy {
  /** When the policy starts. */
  startsOn?: Date;
  /** When the policy expires. */
  expiresOn?: Date;
  /** Permission letters. */
  permissions?: string;
}

/**
 * A named stored access policy (`si` in a SAS refers to its id).
 * @public
 */
export interface SignedIdentifier {
  /** The policy id. */
  id: string;
  /** The policy. */
  accessPolicy: AccessPolicy;
}
