// How every client constructor reads its arguments: (url, credential?, options?),
// (connectionString, ...names, options?) or, between clients, (url, context).
import { parseConnectionString } from "../connectionString.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import { appendToUrlPath, encodeBlobName, encodeContainerName } from "../blobUrl.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { contextFromPipeline } from "../pipeline/contextFromPipeline.js";
import { Credential } from "../pipeline/credential.js";
import { isPipelineLike, Pipeline } from "../pipeline/pipeline.js";
import { contextOf, type StorageCredential, StorageContext } from "./storageContext.js";

function isCredential(x: unknown): x is StorageCredential {
  return (
    typeof x === "object" &&
    x !== null &&
    (x instanceof StorageSharedKeyCredential ||
      "getToken" in x ||
      (x as { kind?: string }).kind === "anonymous")
  );
}

function isPlainSharedKey(x: unknown): x is { accountName: string; accountKey: string } {
  return (
    typeof x === "object" &&
    x !== null &&
    !(x instanceof StorageSharedKeyCredential) &&
    typeof (x as { accountName?: unknown }).accountName === "string" &&
    typeof (x as { accountKey?: unknown }).accountKey === "string"
  );
}

/**
 * The older construction style: a `Pipeline` (from `newPipeline`) as second argument, or a
 * custom `Credential` subclass, which runs as a signing policy.
 */
function pipelineOrCustomCredential(second: unknown, options: StoragePipelineOptions | undefined) {
  if (isPipelineLike(second)) return second;
  if (second instanceof Credential && !isCredential(second)) return new Pipeline([], options, second);
  return undefined;
}

/** Resolves constructor arguments to a URL and a (possibly shared) context. */
export function resolveClient(
  urlOrConnectionString: string,
  second: unknown,
  names: string[],
  options: StoragePipelineOptions | undefined,
): { url: string; context: StorageContext } {
  if (typeof urlOrConnectionString !== "string" || urlOrConnectionString === "") {
    throw new TypeError(
      `The first argument must be a URL or a connection string; got ${urlOrConnectionString === "" ? "an empty string" : typeof urlOrConnectionString}.`,
    );
  }
  if (second instanceof StorageContext) return { url: urlOrConnectionString, context: second };
  const fromPipeline = pipelineOrCustomCredential(second, options);
  if (fromPipeline) return { url: urlOrConnectionString, context: contextFromPipeline(fromPipeline) };
  if (names.length > 0) {
    const parsed = parseConnectionString(urlOrConnectionString);
    let url = parsed.url;
    names.forEach((name, index) => {
      url = appendToUrlPath(url, index === 0 ? encodeContainerName(name) : encodeBlobName(name));
    });
    if (parsed.kind === "SASConnString") {
      return { url: `${url}?${parsed.accountSas}`, context: new StorageContext(undefined, options) };
    }
    return {
      url,
      context: new StorageContext(
        new StorageSharedKeyCredential(parsed.accountName, parsed.accountKey),
        options,
      ),
    };
  }
  // A Shared Key credential of another copy of this package fails `instanceof` (as one that
  // crossed a thread as plain data would); rebuild it from its account name and key.
  if (isPlainSharedKey(second)) {
    return {
      url: urlOrConnectionString,
      context: new StorageContext(
        new StorageSharedKeyCredential(second.accountName, second.accountKey),
        options,
      ),
    };
  }
  if (isCredential(second))
    return { url: urlOrConnectionString, context: new StorageContext(second, options) };
  if (second !== undefined && (typeof second !== "object" || second === null || options !== undefined)) {
    throw new TypeError(
      `The second argument must be a credential (StorageSharedKeyCredential, a TokenCredential, AnonymousCredential) or the client options; got ${second === null ? "null" : typeof second}.`,
    );
  }
  return {
    url: urlOrConnectionString,
    context: new StorageContext(undefined, (second as StoragePipelineOptions | undefined) ?? options),
  };
}

/**
 * A client of `kind` for `url` built on `from`'s context, so that it shares its credential,
 * pipeline and connections (`getContainerClient`, `getBlobClient`, `withSnapshot`, ...).
 */
export function derivedClient<T>(kind: new (url: string, context: never) => T, url: string, from: object): T {
  return new kind(url, contextOf(from) as never);
}
