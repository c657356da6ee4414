import { sharedKeyAuthorization } from "../credentials/sharedKeyStringToSign.js";
import type { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import { BaseRequestPolicy } from "./baseRequestPolicy.js";
import type {
  HttpOperationResponse,
  RequestPolicy,
  RequestPolicyOptions,
  WebResource,
} from "./requestPolicy.js";

/**
 * The base class of signing policies: `sendRequest` signs with `signRequest`, then sends on.
 * Subclass it and override `signRequest` for a custom scheme.
 * @public
 */
export abstract class CredentialPolicy extends BaseRequestPolicy {
  /** Signs the request, then sends it through the next policy. */
  sendRequest(request: WebResource): Promise<HttpOperationResponse> {
    return this._nextPolicy.sendRequest(this.signRequest(request));
  }

  /** Adds the authorization to `request` and returns it; the base class adds nothing. */
  protected signRequest(request: WebResource): WebResource {
    return request;
  }
}

/**
 * The policy of `AnonymousCredential`: sends requests unsigned (the URL's SAS, or public access).
 * @public
 */
export class AnonymousCredentialPolicy extends CredentialPolicy {
  /**
   * @param nextPolicy - the next policy of the chain.
   * @param options - the chain's logging options.
   */
  // Public here, protected in the base class (as in the peer).
  constructor(nextPolicy: RequestPolicy, options: RequestPolicyOptions) {
    super(nextPolicy, options);
  }
}

/**
 * The policy of `StorageSharedKeyCredential`: sets `x-ms-date` and signs with Shared Key, the
 * same signature azkit's own pipeline computes.
 * @public
 */
export class StorageSharedKeyCredentialPolicy extends CredentialPolicy {
  readonly #factory: StorageSharedKeyCredential;

  /**
   * @param nextPolicy - the next policy of the chain.
   * @param options - the chain's logging options.
   * @param factory - the credential whose key signs.
   */
  constructor(nextPolicy: RequestPolicy, options: RequestPolicyOptions, factory: StorageSharedKeyCredential) {
    super(nextPolicy, options);
    this.#factory = factory;
  }

  /** Sets `x-ms-date` (and a string body's `Content-Length`), then `Authorization: SharedKey`. */
  protected override signRequest(request: WebResource): WebResource {
    request.headers.set("x-ms-date", new Date().toUTCString());
    const body = request.body;
    if (typeof body === "string" && !request.headers.contains("content-length")) {
      request.headers.set("content-length", Buffer.byteLength(body));
    } else if (body instanceof Uint8Array && !request.headers.contains("content-length")) {
      request.headers.set("content-length", body.byteLength);
    }
    request.headers.set(
      "authorization",
      sharedKeyAuthorization(this.#factory, {
        method: request.method,
        url: request.url,
        headers: Object.entries(request.headers.rawHeaders()),
      }),
    );
    return request;
  }
}
