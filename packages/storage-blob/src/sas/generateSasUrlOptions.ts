import type { BlobSASSignatureValues } from "./blobSASSignatureValues.js";

/**
 * Options of `BlobClient.generateSasUrl` and `ContainerClient.generateSasUrl`: the SAS values
 * except the names the client already knows.
 * @public
 */
export interface BlobGenerateSasUrlOptions
  extends Omit<BlobSASSignatureValues, "containerName" | "blobName" | "snapshotTime" | "versionId"> {}

/**
 * Options of `ContainerClient.generateSasUrl`.
 * @public
 */
export interface ContainerGenerateSasUrlOptions extends BlobGenerateSasUrlOptions {}
