import type { StorageCredential } from "../clients/storageContext.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";

/** The client's Shared Key credential, which signs SAS URLs; RangeError naming `method` otherwise. */
export function sharedKeyOf(credential: StorageCredential, method: string): StorageSharedKeyCredential {
  if (!(credential instanceof StorageSharedKeyCredential)) {
    throw new RangeError(`${method} needs the client to be built with a StorageSharedKeyCredential`);
  }
  return credential;
}
