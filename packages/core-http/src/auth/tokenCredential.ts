import type { AbortSignalLike } from "../abortSignalLike.js";

/**
 * An access token and when it stops being valid.
 * @public
 */
export interface AccessToken {
  /** The token itself; never log it. */
  token: string;
  /** When the token expires, in milliseconds since the Unix epoch. */
  expiresOnTimestamp: number;
  /** When to start fetching a new token (earlier than expiry), in milliseconds since the Unix epoch. */
  refreshAfterTimestamp?: number;
  /** The kind of token; azkit credentials issue bearer tokens. */
  tokenType?: "Bearer";
}

/**
 * Options of one {@link TokenCredential.getToken} call.
 * @public
 */
export interface GetTokenOptions {
  /** Cancels the token request. */
  abortSignal?: AbortSignalLike;
  /** Requests the token from this tenant instead of the credential's own (multi-tenant apps). */
  tenantId?: string;
  /** Extra claims a service demanded in a `WWW-Authenticate` challenge (JSON, already base64-decoded). */
  claims?: string;
  /** Asks for a Continuous Access Evaluation capable token. */
  enableCae?: boolean;
  /** Per-request options of the token HTTP call. */
  requestOptions?: {
    /** Milliseconds the token request may take. */
    timeout?: number;
  };
}

/**
 * Something that can issue access tokens: what every azkit client accepts as `credential`.
 * Same shape as `TokenCredential` of `@azure/core-auth`, so credentials from `@azure/identity` work too.
 *
 * @example
 * ```ts
 * const credential: TokenCredential = {
 *   async getToken(scopes) {
 *     return { token: await myTokenSource(scopes), expiresOnTimestamp: Date.now() + 3_600_000 };
 *   },
 * };
 * ```
 * @public
 */
export interface TokenCredential {
  /**
   * Gets a token for `scopes` (such as `https://management.azure.com/.default`).
   * Resolves `null` when the credential has no token to give; rejects when it tried and failed.
   */
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null>;
}

/**
 * Whether `credential` is a {@link TokenCredential} (an object with a `getToken` method), as opposed to a
 * key or SAS credential. Named-key credentials with a `signRequest` method and a `getToken` without
 * parameters are not token credentials.
 * @public
 */
export function isTokenCredential(credential: unknown): credential is TokenCredential {
  if (typeof credential !== "object" || credential === null) return false;
  const candidate = credential as { getToken?: unknown; signRequest?: unknown };
  return (
    typeof candidate.getToken === "function" &&
    (candidate.signRequest === undefined || candidate.getToken.length > 0)
  );
}
