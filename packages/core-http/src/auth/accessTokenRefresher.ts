import { AzureError } from "../errors.js";
import type { AccessToken, GetTokenOptions, TokenCredential } from "./tokenCredential.js";

/** Timing of {@link createAccessTokenRefresher}; all in milliseconds. */
export interface AccessTokenRefresherOptions {
  /** Start a background refresh this long before expiry (unless the token says `refreshAfterTimestamp`). */
  refreshWindowInMs: number;
  /** Within this long of expiry a token is no longer used; callers wait for a new one. */
  forcedRefreshWindowInMs: number;
  /** After a failed background refresh, wait this long before trying again. */
  retryIntervalInMs: number;
}

/** The defaults of `@azure/core-rest-pipeline`'s token cycler, which services are tuned for. */
export const DEFAULT_REFRESHER_OPTIONS: AccessTokenRefresherOptions = {
  refreshWindowInMs: 2 * 60 * 1000,
  forcedRefreshWindowInMs: 1000,
  retryIntervalInMs: 3000,
};

/** Gets tokens for one policy: cached, refreshed ahead of expiry, one request in flight at a time. */
export type AccessTokenGetter = (scopes: string[], options?: GetTokenOptions) => Promise<AccessToken>;

/**
 * Wraps a credential so concurrent requests share one cached token and one in-flight refresh.
 * A token nearing expiry is refreshed in the background while callers keep using it; a failed
 * background refresh keeps the old token until it truly expires. A new tenant or claims always
 * fetches a fresh token (claims are a one-off demand, so the fetch is not shared).
 */
export function createAccessTokenRefresher(
  credential: TokenCredential,
  options: AccessTokenRefresherOptions = DEFAULT_REFRESHER_OPTIONS,
): AccessTokenGetter {
  let token: AccessToken | undefined;
  let tenantId: string | undefined;
  let inFlight: Promise<AccessToken> | undefined;
  let nextBackgroundAttempt = 0;

  const fetchToken = async (scopes: string[], getOptions: GetTokenOptions): Promise<AccessToken> => {
    const result = await credential.getToken(scopes, getOptions);
    if (!result || typeof result.token !== "string") {
      throw new AzureError("bearerTokenAuthenticationPolicy: the credential returned no access token.", {
        code: "NO_ACCESS_TOKEN",
      });
    }
    return result;
  };

  const refresh = (scopes: string[], getOptions: GetTokenOptions): Promise<AccessToken> => {
    inFlight ??= fetchToken(scopes, getOptions)
      .then((fresh) => {
        token = fresh;
        tenantId = getOptions.tenantId;
        return fresh;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  return async (scopes, getOptions = {}) => {
    if (getOptions.claims !== undefined) {
      const fresh = await fetchToken(scopes, getOptions);
      token = fresh;
      tenantId = getOptions.tenantId;
      return fresh;
    }
    const now = Date.now();
    const mustRefresh =
      token === undefined ||
      tenantId !== getOptions.tenantId ||
      now >= token.expiresOnTimestamp - options.forcedRefreshWindowInMs;
    if (mustRefresh) {
      // A refresh started for another tenant would hand back the wrong token; wait it out first.
      if (inFlight && tenantId !== getOptions.tenantId) await inFlight.catch(() => undefined);
      return refresh(scopes, getOptions);
    }
    const current = token as AccessToken;
    const refreshAt = current.refreshAfterTimestamp ?? current.expiresOnTimestamp - options.refreshWindowInMs;
    if (now >= refreshAt && inFlight === undefined && now >= nextBackgroundAttempt) {
      // The abort signal belongs to this one request; the background refresh serves later ones too.
      refresh(scopes, { ...getOptions, abortSignal: undefined }).catch(() => {
        nextBackgroundAttempt = Date.now() + options.retryIntervalInMs;
      });
    }
    return current;
  };
}
