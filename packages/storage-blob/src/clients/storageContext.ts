// The one place storage clients meet core-http: builds the pipeline for a credential once, and
// turns an operation description into a sent request. Clients derived from one another
// (`getContainerClient`, `getBlobClient`) share the same context and so the same connections.
import {
  CLIENT_OPTION_SHAPE,
  checkOptionBag,
  createHttpHeaders,
  createPipelineRequest,
  decompressResponsePolicyName,
  type HttpMethods,
  isTokenCredential,
  type PipelineResponse,
  type RequestBodyType,
  readPackageVersion,
  ServiceClient,
  type TokenCredential,
} from "@azkit/core-http";
import { withQueryParameters } from "../blobUrl.js";
import { AnonymousCredential } from "../credentials/anonymousCredential.js";
import { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import { storageSharedKeyCredentialPolicy } from "../credentials/storageSharedKeyCredentialPolicy.js";
import type { CommonOptions } from "../models/options.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import { SERVICE_VERSION } from "../serviceVersion.js";
import { STORAGE_RETRY_OPTIONS_SHAPE, toCoreRetrySettings } from "../storageRetryOptions.js";
import { STORAGE_OPTION_NAMES } from "./operationOptions.js";

/**
 * What authorizes requests: the account key, an Entra token, or nothing (public or SAS URLs).
 * @public
 */
export type StorageCredential = StorageSharedKeyCredential | AnonymousCredential | TokenCredential;

/** One operation as clients describe it. */
export interface StorageOperation {
  operationName: string;
  method: HttpMethods;
  /** Where to send it; the client's own URL (given to `send`) when absent. */
  url?: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  body?: RequestBodyType;
  /** An XML request body, sent with the XML content type (unless `headers` name another). */
  xmlBody?: string;
  /** Statuses that are success; anything else becomes the typed error. */
  expectedStatuses: number[];
  /** Hand the body over as a stream (downloads). */
  stream?: boolean;
  onUploadProgress?: (progress: { loadedBytes: number }) => void;
  onDownloadProgress?: (progress: { loadedBytes: number }) => void;
}

const PACKAGE_NAME = "@azkit/storage-blob";
/** Read from this package's own package.json, so a release bump needs no code change. */
const PACKAGE_VERSION = readPackageVersion(PACKAGE_NAME, import.meta.url);

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

const STORAGE_CLIENT_OPTION_SHAPE = {
  ...CLIENT_OPTION_SHAPE,
  serviceVersion: "string",
  audience: "string",
  retryOptions: STORAGE_RETRY_OPTIONS_SHAPE,
} as const;

export class StorageContext {
  readonly credential: StorageCredential;
  readonly serviceVersion: string;
  readonly #client: ServiceClient;
  /** `retryOptions.tryTimeoutInMs`: the most one attempt may take, unless a call sets its own. */
  readonly #tryTimeoutInMs: number | undefined;

  constructor(credential: StorageCredential | undefined, options: StoragePipelineOptions = {}) {
    checkOptionBag(options, STORAGE_CLIENT_OPTION_SHAPE, "storage client options");
    this.credential = credential ?? new AnonymousCredential();
    this.serviceVersion = options.serviceVersion ?? SERVICE_VERSION;
    const { serviceVersion: _version, audience, retryOptions, ...rest } = options;
    const retry = toCoreRetrySettings(retryOptions);
    this.#tryTimeoutInMs = retry.tryTimeoutInMs;
    // The storage names map onto core-http's; core-http's own names, when also given, win.
    const clientOptions = { ...retry.settings, ...withoutUndefined(rest) };
    const token = isTokenCredential(this.credential) ? (this.credential as TokenCredential) : undefined;
    this.#client = new ServiceClient({
      ...clientOptions,
      credential: token,
      credentialScopes: token ? (audience ?? "https://storage.azure.com/.default") : undefined,
      packageName: PACKAGE_NAME,
      packageVersion: PACKAGE_VERSION,
    });
    // Blobs are bytes as stored: one saved with Content-Encoding: gzip must download as gzip (as
    // @azure/storage-blob does), or lengths, ranges and MD5s stop matching. Without Accept-Encoding
    // the transport decodes nothing.
    this.#client.pipeline.removePolicy({ name: decompressResponsePolicyName });
    if (this.credential instanceof StorageSharedKeyCredential) {
      this.#client.pipeline.addPolicy(storageSharedKeyCredentialPolicy(this.credential), { phase: "Sign" });
    }
  }

  /** The last URL sent and what it resolved to: a client's calls mostly go to its own URL. */
  #lastTarget: { url: string; href: string; insecureLoopback: boolean } | undefined;

  #target(url: string): { href: string; insecureLoopback: boolean } {
    const last = this.#lastTarget;
    if (last !== undefined && last.url === url) return last;
    const parsed = new URL(url);
    // Emulators (Azurite) listen on plain http on loopback; anything else needs the explicit option.
    const insecureLoopback = parsed.protocol === "http:" && LOOPBACK.has(parsed.hostname);
    const target = { url, href: parsed.href, insecureLoopback };
    this.#lastTarget = target;
    return target;
  }

  /** Sends `op` to its URL, or to `clientUrl` (the calling client's) when it names none. */
  send(op: StorageOperation, options: CommonOptions = {}, clientUrl?: string): Promise<PipelineResponse> {
    try {
      return this.#send(op, options, clientUrl);
    } catch (error) {
      // A URL or header that cannot be used rejects like every other failure of the call.
      return Promise.reject(error);
    }
  }

  #send(
    op: StorageOperation,
    options: CommonOptions,
    clientUrl: string | undefined,
  ): Promise<PipelineResponse> {
    const url = op.url ?? clientUrl;
    if (url === undefined) throw new TypeError(`${op.operationName}: no URL to send the request to.`);
    const target = this.#target(op.query ? withQueryParameters(url, op.query) : url);
    const headers = createHttpHeaders();
    headers.set("x-ms-version", this.serviceVersion);
    const xmlBody = op.xmlBody;
    if (xmlBody !== undefined) headers.set("content-type", "application/xml; charset=utf-8");
    const opHeaders = op.headers;
    for (const name in opHeaders) {
      const value = opHeaders[name];
      if (value !== undefined) headers.set(name, value);
    }
    const request = createPipelineRequest({
      url: target.href,
      method: op.method,
      headers,
      body: xmlBody ?? op.body,
      operationName: op.operationName,
      streamResponseStatusCodes: op.stream ? new Set(op.expectedStatuses) : undefined,
      onUploadProgress: op.onUploadProgress,
      onDownloadProgress: op.onDownloadProgress,
    });
    if (this.#tryTimeoutInMs !== undefined) request.timeout = this.#tryTimeoutInMs;
    if (target.insecureLoopback) request.allowInsecureConnection = true;
    return this.#client.sendRequest(request, {
      ...options,
      expectedStatuses: op.expectedStatuses,
      operationOptionNames: STORAGE_OPTION_NAMES,
    });
  }
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const contexts = new WeakMap<object, StorageContext>();

/** Remembers the context a client was built with (kept off the public type surface). */
export function setContextOf(client: object, context: StorageContext): void {
  contexts.set(client, context);
}

/** The context a client was built with. */
export function contextOf(client: object): StorageContext {
  const context = contexts.get(client);
  if (!context) throw new TypeError("Not an azkit storage client");
  return context;
}
