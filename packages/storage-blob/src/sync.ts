/**
 * The blocking surface of \@azkit/storage-blob: the same names as the async entry. Credentials,
 * SAS helpers and permission classes do no I/O and are the async entry's own.
 * @packageDocumentation
 */
export { AnonymousCredential } from "./credentials/anonymousCredential.js";
export { StorageSharedKeyCredential } from "./credentials/storageSharedKeyCredential.js";
export { BlobIntegrityError } from "./models/blobIntegrityError.js";
export { AccountSASPermissions } from "./sas/accountSASPermissions.js";
export { AccountSASResourceTypes } from "./sas/accountSASResourceTypes.js";
export { AccountSASServices } from "./sas/accountSASServices.js";
export type { AccountSASSignatureValues } from "./sas/accountSASSignatureValues.js";
export { generateAccountSASQueryParameters } from "./sas/accountSASSignatureValues.js";
export { BlobSASPermissions } from "./sas/blobSASPermissions.js";
export type { BlobSASSignatureValues } from "./sas/blobSASSignatureValues.js";
export { generateBlobSASQueryParameters } from "./sas/blobSASSignatureValues.js";
export { ContainerSASPermissions } from "./sas/containerSASPermissions.js";
export type { SasIPRange } from "./sas/sasIPRange.js";
export { ipRangeToString } from "./sas/sasIPRange.js";
export { SASProtocol } from "./sas/sasProtocol.js";
export type { SASQueryParametersOptions } from "./sas/sasQueryParameters.js";
export { SASQueryParameters } from "./sas/sasQueryParameters.js";
export { SERVICE_VERSION } from "./serviceVersion.js";
export type { UserDelegationKey } from "./models/userDelegationKey.js";
