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
import {
  type AsyncClientConstructor,
  createSyncClientClass,
  registerSyncValueClass,
  type SyncClient,
  type SyncClientClass,
} from "@azkit/core-http";
import { AnonymousCredential } from "./credentials/anonymousCredential.js";
import { StorageSharedKeyCredential } from "./credentials/storageSharedKeyCredential.js";
import { Pipeline } from "./pipeline/pipeline.js";
import { StorageBrowserPolicyFactory } from "./pipeline/storageBrowserPolicy.js";
import { StorageRetryPolicyFactory } from "./pipeline/storageRetryPolicy.js";
import type {
  AppendBlobClient as AsyncAppendBlobClient,
  BlobBatch as AsyncBlobBatch,
  BlobBatchClient as AsyncBlobBatchClient,
  BlobClient as AsyncBlobClient,
  BlobLeaseClient as AsyncBlobLeaseClient,
  BlobServiceClient as AsyncBlobServiceClient,
  BlockBlobClient as AsyncBlockBlobClient,
  ContainerClient as AsyncContainerClient,
  PageBlobClient as AsyncPageBlobClient,
} from "./index.js";

const target = { moduleSpecifier: "@azkit/storage-blob", resolveFrom: import.meta.url } as const;

/** The blocking twin of the async client exported as `exportName`. */
function syncClientClass<TCtor extends AsyncClientConstructor>(exportName: string): SyncClientClass<TCtor> {
  return createSyncClientClass<TCtor>({ ...target, exportName });
}

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
export const ContainerClient: SyncClientClass<typeof AsyncContainerClient> =
  syncClientClass("ContainerClient");
/**
 * A blocking container client.
 * @public
 */
export type ContainerClient = SyncClient<AsyncContainerClient>;

/**
 * Blocking `BlobClient`.
 * @public
 */
export const BlobClient: SyncClientClass<typeof AsyncBlobClient> = syncClientClass("BlobClient");
/**
 * A blocking blob client.
 * @public
 */
export type BlobClient = SyncClient<AsyncBlobClient>;

/**
 * Blocking `BlockBlobClient`.
 * @public
 */
export const BlockBlobClient: SyncClientClass<typeof AsyncBlockBlobClient> =
  syncClientClass("BlockBlobClient");
/**
 * A blocking block blob client.
 * @public
 */
export type BlockBlobClient = SyncClient<AsyncBlockBlobClient>;

/**
 * Blocking `AppendBlobClient`.
 * @public
 */
export const AppendBlobClient: SyncClientClass<typeof AsyncAppendBlobClient> =
  syncClientClass("AppendBlobClient");
/**
 * A blocking append blob client.
 * @public
 */
export type AppendBlobClient = SyncClient<AsyncAppendBlobClient>;

/**
 * Blocking `PageBlobClient`.
 * @public
 */
export const PageBlobClient: SyncClientClass<typeof AsyncPageBlobClient> = syncClientClass("PageBlobClient");
/**
 * A blocking page blob client.
 * @public
 */
export type PageBlobClient = SyncClient<AsyncPageBlobClient>;

/**
 * Blocking `BlobLeaseClient`.
 * @public
 */
export const BlobLeaseClient: SyncClientClass<typeof AsyncBlobLeaseClient> =
  syncClientClass("BlobLeaseClient");
/**
 * A blocking lease client.
 * @public
 */
export type BlobLeaseClient = SyncClient<AsyncBlobLeaseClient>;

/**
 * Blocking `BlobBatchClient`.
 * @public
 */
export const BlobBatchClient: SyncClientClass<typeof AsyncBlobBatchClient> =
  syncClientClass("BlobBatchClient");
/**
 * A blocking batch client.
 * @public
 */
export type BlobBatchClient = SyncClient<AsyncBlobBatchClient>;

/**
 * Blocking `BlobBatch`: `deleteBlob`/`setBlobAccessTier` block while the operation is signed;
 * pass it to the blocking `BlobBatchClient.submitBatch`.
 * @public
 */
export const BlobBatch: SyncClientClass<typeof AsyncBlobBatch> = syncClientClass("BlobBatch");
/**
 * A blocking batch of blob operations.
 * @public
 */
export type BlobBatch = SyncClient<AsyncBlobBatch>;

/**
 * The async classes the sync ones wrap, under the names the sync types refer to them by.
 */
export type {
  AsyncAppendBlobClient,
  AsyncBlobBatch,
  AsyncBlobBatchClient,
  AsyncBlobClient,
  AsyncBlobLeaseClient,
  AsyncBlobServiceClient,
  AsyncBlockBlobClient,
  AsyncContainerClient,
  AsyncPageBlobClient,
};
// Every type of the async entry, under the same name; the clients declared above shadow the
// async ones (a local export wins over a star export), so index.ts stays the one list of names.
export type * from "./index.js";
// The values that do no I/O are the async entry's own classes and functions (same identity, so
// `instanceof` holds across both entries), imported from their modules rather than from
// index.js so that loading this entry does not load the async clients on this thread.
export { BlobIntegrityError } from "./models/blobIntegrityError.js";
export { AccountSASPermissions } from "./sas/accountSASPermissions.js";
export { AccountSASResourceTypes } from "./sas/accountSASResourceTypes.js";
export { AccountSASServices } from "./sas/accountSASServices.js";
export { generateAccountSASQueryParameters } from "./sas/accountSASSignatureValues.js";
export { BlobSASPermissions } from "./sas/blobSASPermissions.js";
export { generateBlobSASQueryParameters } from "./sas/blobSASSignatureValues.js";
export { ContainerSASPermissions } from "./sas/containerSASPermissions.js";
export { ipRangeToString } from "./sas/sasIPRange.js";
export { SASProtocol } from "./sas/sasProtocol.js";
export { SASQueryParameters } from "./sas/sasQueryParameters.js";
export { SERVICE_VERSION } from "./serviceVersion.js";
export { StorageRetryPolicyType } from "./storageRetryOptions.js";
export { AnonymousCredential, StorageSharedKeyCredential };
// The rest of @azure/storage-blob's names (export parity, issue #13); none does I/O on this thread.
export { RestError } from "@azkit/core-http";
export { logger } from "./log.js";
export { BlockBlobTier, KnownEncryptionAlgorithmType, PremiumPageBlobTier } from "./models/tiers.js";
export { BaseRequestPolicy } from "./pipeline/baseRequestPolicy.js";
export { Credential } from "./pipeline/credential.js";
export {
  AnonymousCredentialPolicy,
  CredentialPolicy,
  StorageSharedKeyCredentialPolicy,
} from "./pipeline/credentialPolicy.js";
export { isPipelineLike, newPipeline } from "./pipeline/pipeline.js";
export { StorageBrowserPolicy } from "./pipeline/storageBrowserPolicy.js";
export { StorageRetryPolicy } from "./pipeline/storageRetryPolicy.js";
export { getBlobServiceAccountAudience, StorageBlobAudience, StorageOAuthScopes } from "./storageAudience.js";
export { Pipeline, StorageBrowserPolicyFactory, StorageRetryPolicyFactory };

// A credential built on this thread must reach the worker as the worker's own class: the async
// clients recognize Shared Key with `instanceof` and would otherwise send unsigned requests.
registerSyncValueClass(StorageSharedKeyCredential, {
  ...target,
  exportName: "StorageSharedKeyCredential",
  constructorArguments: (credential) => [credential.accountName, credential.accountKey],
});
registerSyncValueClass(AnonymousCredential, {
  ...target,
  exportName: "AnonymousCredential",
  constructorArguments: () => [],
});
// A pipeline from newPipeline() crosses with its options and credential; its built-in factories
// cross as the worker's classes. Factories of your own hold code and cannot cross: build clients
// with them on the async entry.
registerSyncValueClass(Pipeline, {
  ...target,
  exportName: "Pipeline",
  constructorArguments: (pipeline) => [pipeline.factories, pipeline.options, pipeline.credential],
});
registerSyncValueClass(StorageRetryPolicyFactory, {
  ...target,
  exportName: "StorageRetryPolicyFactory",
  constructorArguments: (factory) => [factory.retryOptions],
});
registerSyncValueClass(StorageBrowserPolicyFactory, {
  ...target,
  exportName: "StorageBrowserPolicyFactory",
  constructorArguments: () => [],
});
