import type { CommonOptions } from "./options.js";
import type { CommonResponse } from "./responseHeaders.js";
import type { BlobServiceProperties } from "./serviceProperties.js";
import type { SasIPRange } from "../sas/sasIPRange.js";
import type { SASProtocol } from "../sas/sasProtocol.js";

/**
 * Result of `BlobServiceClient.getAccountInfo`.
 * @public
 */
export interface ServiceGetAccountInfoResponse extends CommonResponse {
  /** The account's SKU, e.g. `Standard_LRS`. */
  skuName?: string;
  /** The account kind, e.g. `StorageV2`. */
  accountKind?: string;
  /** Whether the account has a hierarchical namespace. */
  isHierarchicalNamespaceEnabled?: boolean;
}

/**
 * Options of `BlobServiceClient.getAccountInfo`.
 * @public
 */
export interface ServiceGetAccountInfoOptions extends CommonOptions {}

/**
 * Options of `BlobServiceClient.findBlobsByTags`.
 * @public
 */
export interface ServiceFindBlobByTagsOptions extends CommonOptions {}

/**
 * Options of `BlobServiceClient.getUserDelegationKey`.
 * @public
 */
export interface ServiceGetUserDelegationKeyOptions extends CommonOptions {}

/**
 * Options of `BlobServiceClient.getProperties` and `setProperties`.
 * @public
 */
export interface ServicePropertiesOptions extends CommonOptions {}

/**
 * Options of `BlobServiceClient.generateAccountSasUrl`.
 * @public
 */
export interface ServiceGenerateAccountSasUrlOptions {
  /** When the SAS starts to work. */
  startsOn?: Date;
  /** Allowed caller IPs. */
  ipRange?: SasIPRange;
  /** Allowed protocols. */
  protocol?: SASProtocol;
  /** The service version to sign for. */
  version?: string;
  /** Encryption scope for writes made with the SAS. */
  encryptionScope?: string;
}

/**
 * Result of `BlobServiceClient.getProperties`.
 * @public
 */
export interface ServiceGetPropertiesResponse extends CommonResponse, BlobServiceProperties {}
