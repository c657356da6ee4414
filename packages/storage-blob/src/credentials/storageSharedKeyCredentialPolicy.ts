import { type PipelinePolicy, requestSigningPolicy } from "@azkit/core-http";
import { sharedKeyAuthorization } from "./sharedKeyStringToSign.js";
import type { StorageSharedKeyCredential } from "./storageSharedKeyCredential.js";

let dateSecond = -1;
let dateText = "";

/** `Date.now()` as an HTTP date; the format has one-second resolution, so it is made once a second. */
function currentHttpDate(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== dateSecond) {
    dateSecond = second;
    dateText = new Date(second * 1000).toUTCString();
  }
  return dateText;
}

/** Signs every attempt with Shared Key: a fresh `x-ms-date`, then `Authorization: SharedKey`. */
export function storageSharedKeyCredentialPolicy(credential: StorageSharedKeyCredential): PipelinePolicy {
  return requestSigningPolicy({
    name: "storageSharedKeyCredentialPolicy",
    sign(request) {
      request.headers.set("x-ms-date", currentHttpDate());
      const body = request.body;
      // A body's length is signed; a stream's length must be given by the caller as a header.
      if (typeof body === "string" && !request.headers.has("content-length")) {
        request.headers.set("content-length", Buffer.byteLength(body));
      } else if (body instanceof Uint8Array && !request.headers.has("content-length")) {
        request.headers.set("content-length", body.byteLength);
      }
      request.headers.set("authorization", sharedKeyAuthorization(credential, request));
    },
  });
}
