import { type PipelinePolicy, requestSigningPolicy } from "@azkit/core-http";
import { sharedKeyAuthorization } from "./sharedKeyStringToSign.js";
import type { StorageSharedKeyCredential } from "./storageSharedKeyCredential.js";

/** Signs every attempt with Shared Key: a fresh `x-ms-date`, then `Authorization: SharedKey`. */
export function storageSharedKeyCredentialPolicy(credential: StorageSharedKeyCredential): PipelinePolicy {
  return requestSigningPolicy({
    name: "storageSharedKeyCredentialPolicy",
    sign(request) {
      request.headers.set("x-ms-date", new Date().toUTCString());
      const body = request.body;
      // A body's length is signed; a stream's length must be given by the caller as a header.
      if (typeof body === "string" && !request.headers.has("content-length")) {
        request.headers.set("content-length", Buffer.byteLength(body));
      } else if (body instanceof Uint8Array && !request.headers.has("content-length")) {
        request.headers.set("content-length", body.byteLength);
      }
      const authorization = sharedKeyAuthorization(credential, {
        method: request.method,
        url: request.url,
        getHeader: (name) => request.headers.get(name),
        headerEntries: () => request.headers,
      });
      request.headers.set("authorization", authorization);
    },
  });
}
