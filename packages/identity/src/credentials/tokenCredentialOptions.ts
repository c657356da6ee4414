import type { CommonClientOptions, HttpClient, RetryOptions } from "@azkit/core-http";
import type { AuthenticationRecord } from "../authenticationRecord.js";

/**
 * Options every credential that calls a token endpoint accepts: core-http's client options (they shape the
 * pipeline the token requests go through: `additionalPolicies`, `userAgentOptions`, `proxies`, timeouts,
 * retries) plus `@azure/identity`'s `loggingOptions`.
 * @public
 */
export interface TokenCredentialOptions extends CommonClientOptions {
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
  /**
   * `@azure/identity`'s logging switches, accepted so that its code ports. azkit's identity logs never
   * contain tokens, secrets or account identifiers and redact headers by a fixed allow-list, so these
   * change nothing.
   */
  loggingOptions?: {
    /** Accepted; azkit never logs account identifiers. */
    allowLoggingAccountIdentifiers?: boolean;
    /** Accepted; azkit has no unsafe support logging. */
    enableUnsafeSupportLogging?: boolean;
    /** Accepted; the allow-list of logged headers is fixed. */
    additionalAllowedHeaderNames?: string[];
    /** Accepted; the allow-list of logged query parameters is fixed. */
    additionalAllowedQueryParameters?: string[];
  };
}

/**
 * Options of credentials that get tokens from Microsoft Entra ID.
 * @public
 */
export interface EntraCredentialOptions extends TokenCredentialOptions, AuthorityValidationOptions {
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

/**
 * `@azure/identity`'s name for the options of credentials that may switch tenants; in azkit every
 * Microsoft Entra ID credential takes them (`EntraCredentialOptions`).
 * @public
 */
export interface MultiTenantTokenCredentialOptions extends EntraCredentialOptions {}

/**
 * Instance discovery, as `@azure/identity` names the option. azkit never calls Microsoft Entra ID's
 * instance discovery endpoint (the authority host is used as given), so the value changes nothing; it is
 * accepted so that code written for `@azure/identity` (which needs `true` for emulators and Azure Stack)
 * ports unchanged.
 * @public
 */
export interface AuthorityValidationOptions {
  /** Accepted and ignored: azkit does no instance discovery. */
  disableInstanceDiscovery?: boolean;
}

/**
 * `@azure/identity`'s persistent token cache options. azkit keeps tokens in memory, per credential; a
 * persistent cache needs `@azure/identity`'s MSAL plugin, so `enabled: true` is refused with an error
 * that says so.
 * @public
 */
export interface TokenCachePersistenceOptions {
  /** `true` asks for a persistent cache, which azkit does not have (the constructor throws). */
  enabled: boolean;
  /** The cache's name in `@azure/identity`. */
  name?: string;
  /** Whether `@azure/identity` may store the cache unencrypted. */
  unsafeAllowUnencryptedStorage?: boolean;
}

/**
 * Options of credentials whose tokens `@azure/identity` can persist; see `TokenCachePersistenceOptions`.
 * @public
 */
export interface CredentialPersistenceOptions {
  /** See `TokenCachePersistenceOptions`: only `undefined` or `{ enabled: false }` are accepted. */
  tokenCachePersistenceOptions?: TokenCachePersistenceOptions;
}

/** Refuses a persistent token cache, which only `@azure/identity`'s MSAL plugin provides. */
export function refusePersistentCache(credentialName: string, options: CredentialPersistenceOptions): void {
  if (options.tokenCachePersistenceOptions?.enabled) {
    throw new TypeError(
      `${credentialName}: tokenCachePersistenceOptions.enabled is not supported: azkit keeps tokens in memory for the credential's lifetime (no MSAL cache plugin). Remove the option, or keep one credential for the process so its tokens are reused.`,
    );
  }
}

/**
 * Options of the credentials that sign a user in (device code, browser).
 * @public
 */
export interface InteractiveCredentialOptions
  extends MultiTenantTokenCredentialOptions,
    AuthorityValidationOptions {
  /** The account a previous `authenticate()` returned; its user name is suggested at sign-in. */
  authenticationRecord?: AuthenticationRecord;
  /**
   * When true, `getToken` never starts a sign-in itself: it throws `AuthenticationRequiredError` until
   * `authenticate()` has been called (so the app decides when the user is interrupted).
   */
  disableAutomaticAuthentication?: boolean;
}
