import type { AccessToken, GetTokenOptions, PipelineResponse, TokenCredential } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { parseJson } from "../http/entraTokenRequest.js";
import { createTokenHttp, type TokenHttp, type TokenHttpRequest } from "../http/tokenHttp.js";
import { normalizeScopes, scopeToResource, TokenCache } from "../tokenCache.js";
import type { TokenCredentialOptions } from "./tokenCredentialOptions.js";

/**
 * Options of `ManagedIdentityCredential`. Give at most one of `clientId`, `resourceId` and `objectId`
 * for a user-assigned identity; none for the system-assigned one.
 * @public
 */
export interface ManagedIdentityCredentialOptions extends TokenCredentialOptions {
  /** The client id of a user-assigned identity. */
  clientId?: string;
  /** The ARM resource id of a user-assigned identity. */
  resourceId?: string;
  /** The object (principal) id of a user-assigned identity. */
  objectId?: string;
  /**
   * The Instance Metadata Service origin; `AZURE_POD_IDENTITY_AUTHORITY_HOST`, then
   * `http://169.254.169.254` by default. Tests and pod-identity setups point it elsewhere.
   */
  imdsEndpoint?: string;
  /**
   * How long the first IMDS request may take before the identity is declared unavailable (off Azure the
   * address does not answer at all); 1000 ms by default. Later requests get ten times as long.
   */
  imdsProbeTimeoutInMs?: number;
}

const DEFAULT_IMDS_ENDPOINT = "http://169.254.169.254";
const NAME = "ManagedIdentityCredential";
/** Network failures that mean "no endpoint here", not "the endpoint failed". */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EHOSTDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "ECONNRESET",
  "REQUEST_TIMEOUT",
  "CONNECT_TIMEOUT",
  "READ_TIMEOUT",
]);

/**
 * The identity Azure gives the VM, App Service, Functions app, container or Arc server the code runs on.
 * On App Service and Functions it asks `IDENTITY_ENDPOINT` (with `IDENTITY_HEADER`); elsewhere the
 * Instance Metadata Service (IMDS). System-assigned by default; user-assigned with a client, resource or
 * object id. Where neither endpoint answers, `getToken` rejects with a `CredentialUnavailableError`.
 *
 * @example
 * ```ts
 * const systemAssigned = new ManagedIdentityCredential();
 * const userAssigned = new ManagedIdentityCredential({ clientId: "00000000-0000-0000-0000-000000000000" });
 * ```
 * @public
 */
export class ManagedIdentityCredential implements TokenCredential {
  readonly #options: ManagedIdentityCredentialOptions;
  readonly #appService: { endpoint: string; header: string } | undefined;
  readonly #imdsEndpoint: string;
  readonly #http: TokenHttp;
  readonly #cache: TokenCache;
  #imdsAnswered = false;

  /** Creates the credential for a user-assigned identity's client id. */
  constructor(clientId: string, options?: ManagedIdentityCredentialOptions);
  /** Creates the credential; system-assigned unless the options name a user-assigned identity. */
  constructor(options?: ManagedIdentityCredentialOptions);
  constructor(
    clientIdOrOptions?: string | ManagedIdentityCredentialOptions,
    maybeOptions: ManagedIdentityCredentialOptions = {},
  ) {
    const options =
      typeof clientIdOrOptions === "string"
        ? { ...maybeOptions, clientId: clientIdOrOptions }
        : { ...clientIdOrOptions };
    const ids = [options.clientId, options.resourceId, options.objectId].filter((v) => v !== undefined);
    if (ids.length > 1) {
      throw new TypeError(`${NAME}: give at most one of clientId, resourceId and objectId.`);
    }
    this.#options = options;
    const { IDENTITY_ENDPOINT, IDENTITY_HEADER } = process.env;
    this.#appService =
      IDENTITY_ENDPOINT && IDENTITY_HEADER
        ? { endpoint: IDENTITY_ENDPOINT, header: IDENTITY_HEADER }
        : undefined;
    this.#imdsEndpoint = (
      options.imdsEndpoint ??
      process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST ??
      DEFAULT_IMDS_ENDPOINT
    ).replace(/\/+$/, "");
    this.#http = createTokenHttp(options);
    this.#cache = new TokenCache((scopes, getOptions) => this.#requestToken(scopes, getOptions));
  }

  /**
   * Gets a token for one scope (managed identity takes a resource; `/.default` is removed).
   * Rejects with a `CredentialUnavailableError` where no managed identity endpoint answers or the identity
   * is not assigned, and with an `AuthenticationError` for other endpoint failures.
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes(NAME, scopes), options);
  }

  /** Releases the credential's sockets and forgets its tokens. */
  async close(): Promise<void> {
    this.#cache.clear();
    this.#http.close();
  }

  /** Same as `ManagedIdentityCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  async #requestToken(scopes: string[], options: GetTokenOptions): Promise<AccessToken> {
    const resource = scopeToResource(NAME, scopes);
    const { clientId, resourceId, objectId } = this.#options;
    if (this.#appService) {
      const url = new URL(this.#appService.endpoint);
      url.searchParams.set("api-version", "2019-08-01");
      url.searchParams.set("resource", resource);
      if (clientId) url.searchParams.set("client_id", clientId);
      if (resourceId) url.searchParams.set("mi_res_id", resourceId);
      if (objectId) url.searchParams.set("principal_id", objectId);
      return this.#send("App Service identity endpoint", {
        method: "GET",
        url: url.toString(),
        headers: { "x-identity-header": this.#appService.header },
        abortSignal: options.abortSignal,
        allowInsecureConnection: true,
      });
    }
    const url = new URL(`${this.#imdsEndpoint}/metadata/identity/oauth2/token`);
    url.searchParams.set("api-version", "2018-02-01");
    url.searchParams.set("resource", resource);
    if (clientId) url.searchParams.set("client_id", clientId);
    if (resourceId) url.searchParams.set("msi_res_id", resourceId);
    if (objectId) url.searchParams.set("object_id", objectId);
    const probeTimeout = this.#options.imdsProbeTimeoutInMs ?? 1000;
    const token = await this.#send("IMDS", {
      method: "GET",
      url: url.toString(),
      headers: { metadata: "true" },
      abortSignal: options.abortSignal,
      timeoutInMs: this.#imdsAnswered ? probeTimeout * 10 : probeTimeout,
      allowInsecureConnection: true,
      // Off Azure the first request finds nothing; retrying it would only delay the next credential.
      retry: this.#imdsAnswered,
    });
    this.#imdsAnswered = true;
    return token;
  }

  async #send(endpointName: string, request: TokenHttpRequest): Promise<AccessToken> {
    const where = `${endpointName} at ${new URL(request.url).host}`;
    let response: PipelineResponse;
    try {
      response = await this.#http.send(request);
    } catch (error) {
      if ((error as { name?: string })?.name === "AbortError") throw error;
      const code = (error as { code?: string })?.code ?? "network error";
      if (UNREACHABLE_CODES.has(code) || !this.#imdsAnswered) {
        throw new CredentialUnavailableError(
          `${NAME}: no managed identity endpoint answered (${where}, ${code}).`,
          {
            cause: error,
          },
        );
      }
      throw new AuthenticationError(`${NAME}: the request to ${where} failed (${code}).`, { cause: error });
    }
    const body = parseJson(response.bodyAsText);
    if (response.status === 200 && typeof body?.access_token === "string") return toAccessToken(body);
    const detail = describeError(body);
    // IMDS answers 400 when the (user-assigned) identity is not assigned to this resource, and 403 from
    // some network virtual appliances that intercept the address: both mean "not here", not "broken".
    const notHere =
      response.status === 400 ||
      (response.status === 403 && /unreachable|not reachable/i.test(response.bodyAsText ?? ""));
    const message = `${NAME}: ${where} answered ${response.status}${detail ? ` (${detail})` : ""}.`;
    if (notHere) throw new CredentialUnavailableError(message);
    throw new AuthenticationError(message, { statusCode: response.status });
  }
}

/** `expires_on` is Unix seconds (a number or a numeric string) on both endpoints; `expires_in` is relative. */
function toAccessToken(body: Record<string, unknown>): AccessToken {
  const now = Date.now();
  const expiresOn = Number(body.expires_on);
  const expiresIn = Number(body.expires_in);
  const expiresOnTimestamp = Number.isFinite(expiresOn)
    ? expiresOn * 1000
    : Number.isFinite(expiresIn)
      ? now + expiresIn * 1000
      : typeof body.expires_on === "string" && !Number.isNaN(Date.parse(body.expires_on))
        ? Date.parse(body.expires_on)
        : now + 3600_000;
  const lifetime = expiresOnTimestamp - now;
  return {
    token: body.access_token as string,
    expiresOnTimestamp,
    ...(lifetime >= 7200_000 ? { refreshAfterTimestamp: now + lifetime / 2 } : {}),
    tokenType: "Bearer",
  };
}

function describeError(body: Record<string, unknown> | undefined): string | undefined {
  if (!body) return undefined;
  const error = body.error;
  if (typeof error === "string") {
    const description = typeof body.error_description === "string" ? `: ${body.error_description}` : "";
    return `${error}${description}`.slice(0, 300);
  }
  if (typeof error === "object" && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    return `${String(code ?? "error")}: ${String(message ?? "")}`.slice(0, 300);
  }
  return undefined;
}

/**
 * A user-assigned managed identity named by client id (`@azure/identity`'s option shape).
 * @public
 */
export interface ManagedIdentityCredentialClientIdOptions extends ManagedIdentityCredentialOptions {
  /** The identity's client id; omit for the system-assigned identity. */
  clientId?: string;
}

/**
 * A user-assigned managed identity named by ARM resource id (`@azure/identity`'s option shape).
 * @public
 */
export interface ManagedIdentityCredentialResourceIdOptions extends ManagedIdentityCredentialOptions {
  /** The identity's ARM resource id. */
  resourceId: string;
}

/**
 * A user-assigned managed identity named by object (principal) id (`@azure/identity`'s option shape).
 * @public
 */
export interface ManagedIdentityCredentialObjectIdOptions extends ManagedIdentityCredentialOptions {
  /** The identity's object id. */
  objectId: string;
}
