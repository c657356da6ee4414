// One operation of a Blob Batch: how it is signed (with its own credential, as the service checks
// each sub-request) and how operations are written into the multipart/mixed body.
import { isTokenCredential, type AbortSignalLike, type TokenCredential } from "@azkit/core-http";
import type { StorageCredential } from "../clients/storageContext.js";
import { sharedKeyAuthorization } from "../credentials/sharedKeyStringToSign.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import { StorageOAuthScopes } from "../storageAudience.js";

/** The most operations one batch may hold (a service limit). */
export const MAX_BATCH_OPERATIONS = 256;

/** A sub-request: a blob DELETE or a `comp=tier` PUT, with its headers. */
export interface BatchOperation {
  method: "DELETE" | "PUT";
  url: string;
  headers: Record<string, string>;
}

/** Tokens fetched for one batch, per credential, so N operations ask once. */
export type TokenCache = Map<TokenCredential, Promise<string | undefined>>;

/** Dates and signs `operation` for `credential`: Shared Key, a bearer token, or nothing (SAS URL). */
export async function signBatchOperation(
  operation: BatchOperation,
  credential: StorageCredential | undefined,
  tokens: TokenCache,
  abortSignal?: AbortSignalLike,
): Promise<void> {
  const headers = operation.headers;
  headers["x-ms-date"] = new Date().toUTCString();
  if (credential instanceof StorageSharedKeyCredential) {
    headers.authorization = sharedKeyAuthorization(credential, {
      method: operation.method,
      url: operation.url,
      headers: Object.entries(headers),
    });
  } else if (isTokenCredential(credential)) {
    const tokenCredential = credential as TokenCredential;
    let token = tokens.get(tokenCredential);
    if (!token) {
      token = tokenCredential
        .getToken(StorageOAuthScopes, { abortSignal })
        .then((t) => t?.token ?? undefined);
      tokens.set(tokenCredential, token);
    }
    const value = await token;
    if (value) headers.authorization = `Bearer ${value}`;
  }
}

/** The multipart/mixed body of `operations`, each part tagged with its index as Content-ID. */
export function batchRequestBody(operations: readonly BatchOperation[], boundary: string): string {
  let body = "";
  for (const [index, operation] of operations.entries()) {
    const target = new URL(operation.url);
    body += `--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: ${index}\r\n\r\n`;
    body += `${operation.method} ${target.pathname}${target.search} HTTP/1.1\r\n`;
    for (const [name, value] of Object.entries(operation.headers)) body += `${name}: ${value}\r\n`;
    body += "\r\n";
  }
  return `${body}--${boundary}--\r\n`;
}
