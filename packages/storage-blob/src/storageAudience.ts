/**
 * The token scope of Azure Storage: what a `TokenCredential` is asked for when no `audience`
 * option is given.
 * @public
 */
export const StorageOAuthScopes = "https://storage.azure.com/.default";

/**
 * Token audiences the Blob service accepts; pass one as the client option `audience`.
 *
 * @example
 * ```ts
 * new BlobServiceClient(url, new DefaultAzureCredential(), { audience: StorageBlobAudience.StorageOAuthScopes });
 * ```
 * @public
 */
export enum StorageBlobAudience {
  /** Any storage account: `https://storage.azure.com/.default` (the default). */
  StorageOAuthScopes = "https://storage.azure.com/.default",
  /** Managed disks: `https://disk.compute.azure.com/.default`. */
  DiskComputeOAuthScopes = "https://disk.compute.azure.com/.default",
}

/**
 * The token audience of one storage account's Blob endpoint, for tenants that scope tokens to
 * the account.
 *
 * @example
 * ```ts
 * new BlobServiceClient(url, credential, { audience: getBlobServiceAccountAudience("myaccount") });
 * ```
 * @public
 */
export function getBlobServiceAccountAudience(storageAccountName: string): string {
  if (typeof storageAccountName !== "string" || !/^[a-z0-9]{3,24}$/.test(storageAccountName)) {
    throw new TypeError(
      `getBlobServiceAccountAudience: expected a storage account name (3-24 lower-case letters and digits), got ${JSON.stringify(storageAccountName)}.`,
    );
  }
  return `https://${storageAccountName}.blob.core.windows.net/.default`;
}
