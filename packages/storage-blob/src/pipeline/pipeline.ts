import type { HttpClient, TokenCredential } from "@azkit/core-http";
import { AnonymousCredential } from "../credentials/anonymousCredential.js";
import type { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import type { StoragePipelineOptions } from "../models/storagePipelineOptions.js";
import type { Credential } from "./credential.js";
import type { RequestPolicyFactory } from "./requestPolicy.js";

/**
 * Options a {@link Pipeline} carries to the clients built on it: the storage client options
 * (retries, proxies, timeouts, `httpClient`, ...).
 * @public
 */
export type PipelineOptions = StoragePipelineOptions;

/**
 * What `toServiceClientOptions()` returns: the transport and the extra policy factories.
 * @public
 */
export interface ServiceClientOptions {
  /** The transport, when one was given. */
  httpClient?: HttpClient;
  /** The pipeline's request-policy factories, in order. */
  requestPolicyFactories?: RequestPolicyFactory[];
}

/**
 * Anything shaped like a {@link Pipeline} (another copy of this package's, or `@azure/storage-blob`'s).
 * @public
 */
export interface PipelineLike {
  /** Request-policy factories run, in order, before retries. */
  readonly factories: RequestPolicyFactory[];
  /** The client options. */
  readonly options: PipelineOptions;
  /** The factories and transport as service-client options. */
  toServiceClientOptions(): ServiceClientOptions;
}

/**
 * Whether `pipeline` is a {@link PipelineLike}: an object with `factories` (an array), `options`
 * and `toServiceClientOptions()`. Client constructors use it to tell a pipeline from a credential.
 * @example
 * ```ts
 * if (isPipelineLike(second)) client = new BlobServiceClient(url, second);
 * ```
 * @public
 */
export function isPipelineLike(pipeline: unknown): pipeline is PipelineLike {
  if (!pipeline || typeof pipeline !== "object") return false;
  const candidate = pipeline as Partial<PipelineLike>;
  return (
    Array.isArray(candidate.factories) &&
    typeof candidate.options === "object" &&
    typeof candidate.toServiceClientOptions === "function"
  );
}

/**
 * The older construction style's bundle of a credential, client options and extra request
 * policies; pass it where a credential goes: `new BlobServiceClient(url, pipeline)`. Clients
 * derived from such a client share it. Make one with {@link newPipeline}.
 *
 * @remarks `factories` may hold your own `RequestPolicyFactory` objects (policies subclassing
 * `BaseRequestPolicy`), a `Credential` (a custom signer; `AnonymousCredential` and
 * `StorageSharedKeyCredential` are recognized as the credential), `StorageRetryPolicyFactory`
 * (its options become the client's retries) and `StorageBrowserPolicyFactory` (no effect on Node).
 * @public
 */
export class Pipeline implements PipelineLike {
  /** Request-policy factories run, in order, before retries; add your own with `push`/`unshift`. */
  readonly factories: RequestPolicyFactory[];
  /** The client options. */
  readonly options: PipelineOptions;
  /** What signs requests when no factory does (set by `newPipeline`; anonymous otherwise). */
  readonly credential: StorageSharedKeyCredential | AnonymousCredential | TokenCredential | Credential;

  /**
   * @param factories - request-policy factories, run in order before retries.
   * @param options - client options (retries, proxies, timeouts, `httpClient`).
   * @param credential - what signs requests (azkit addition; `newPipeline` passes it).
   */
  constructor(
    factories: RequestPolicyFactory[],
    options: PipelineOptions = {},
    credential?: StorageSharedKeyCredential | AnonymousCredential | TokenCredential | Credential,
  ) {
    if (!Array.isArray(factories)) {
      throw new TypeError(
        "new Pipeline(factories, options): factories must be an array of RequestPolicyFactory.",
      );
    }
    this.factories = factories;
    this.options = options;
    this.credential = credential ?? new AnonymousCredential();
  }

  /** The factories and transport as service-client options. */
  toServiceClientOptions(): ServiceClientOptions {
    return { httpClient: this.options.httpClient, requestPolicyFactories: this.factories };
  }
}

/**
 * Options of {@link newPipeline}: the storage client options plus the older names
 * `@azure/storage-blob` accepts here (`proxyOptions` = `proxies`, `keepAliveOptions`).
 * @public
 */
export interface NewPipelineOptions extends StoragePipelineOptions {
  /** Same as `proxies`: `{ host, port, username?, password? }` or a URL string. */
  proxyOptions?: string | { host: string; port?: number; username?: string; password?: string };
  /** Accepted for compatibility; azkit always keeps connections alive (idle ones close after 30 s). */
  keepAliveOptions?: { enable?: boolean };
}

/**
 * Makes a {@link Pipeline} from a credential and client options: the older construction style
 * (`new BlobServiceClient(url, newPipeline(credential, options))`) many samples use. Retries
 * (`retryOptions`), proxies, timeouts and the `User-Agent` prefix work as client options do.
 *
 * @example
 * ```ts
 * const pipeline = newPipeline(new StorageSharedKeyCredential(account, key), {
 *   retryOptions: { maxTries: 4 },
 *   userAgentOptions: { userAgentPrefix: "Sample V1.0.0" },
 * });
 * const service = new BlobServiceClient(`https://${account}.blob.core.windows.net`, pipeline);
 * ```
 * @public
 */
export function newPipeline(
  credential?: StorageSharedKeyCredential | AnonymousCredential | TokenCredential,
  pipelineOptions: NewPipelineOptions = {},
): Pipeline {
  const { proxyOptions, keepAliveOptions: _keepAlive, ...options } = pipelineOptions;
  if (proxyOptions !== undefined && options.proxies === undefined) options.proxies = proxyUrl(proxyOptions);
  return new Pipeline([], options, credential ?? new AnonymousCredential());
}

function proxyUrl(proxy: NonNullable<NewPipelineOptions["proxyOptions"]>): string {
  if (typeof proxy === "string") return proxy;
  const auth = proxy.username
    ? `${encodeURIComponent(proxy.username)}${proxy.password ? `:${encodeURIComponent(proxy.password)}` : ""}@`
    : "";
  const host = proxy.host.includes("://") ? proxy.host : `http://${proxy.host}`;
  const url = new URL(host);
  const port = proxy.port ?? (url.port ? Number(url.port) : undefined);
  return `${url.protocol}//${auth}${url.hostname}${port ? `:${port}` : ""}`;
}
