import type { HttpClient, RetryOptions } from "@azkit/core-http";

/**
 * Options every credential that calls a token endpoint accepts.
 * @public
 */
export interface TokenCredentialOptions {
  /**
   * Sends the token requests, such as core-http's `createDefaultHttpClient({ tlsSettings })` or a test
   * double. By default each credential owns a core-http default transport that `close()` releases.
   */
  httpClient?: HttpClient;
  /**
   * How token requests are retried on throttling (429), server errors and connection failures; three
   * retries from 800 ms by default (`Retry-After` wins). `{ maxRetries: 0 }` disables retries.
   */
  retryOptions?: RetryOptions;
}

/**
 * Options of credentials that get tokens from Microsoft Entra ID.
 * @public
 */
export interface EntraCredentialOptions extends TokenCredentialOptions {
  /**
   * The Microsoft Entra ID authority, such as `https://login.microsoftonline.us` for a national cloud.
   * Defaults to `AZURE_AUTHORITY_HOST`, then `https://login.microsoftonline.com`. Must be https, except
   * http on a loopback address (a local emulator).
   */
  authorityHost?: string;
  /**
   * Tenants besides the credential's own that `getToken({ tenantId })` may ask for; `"*"` allows any.
   * Other tenants are refused, so a service's challenge cannot move the credential to another tenant.
   */
  additionallyAllowedTenants?: string[];
}
