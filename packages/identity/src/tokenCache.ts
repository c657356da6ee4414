import type { AccessToken, GetTokenOptions } from "@azkit/core-http";

/** Fetches a new token for normalized scopes. */
export type TokenFetcher = (scopes: string[], options: GetTokenOptions) => Promise<AccessToken>;

/** A credential refreshes this long before expiry unless the token names its own refresh time. */
export const REFRESH_BEFORE_EXPIRY_IN_MS = 5 * 60 * 1000;

interface Entry {
  token?: AccessToken;
  inFlight?: Promise<AccessToken>;
}

/**
 * The token cache of one credential, per scope set, tenant and CAE choice. A cached token is returned
 * until its refresh time; from then on one refresh is shared by all callers, and if it fails while the
 * old token is still valid, the old token is returned. Claims (a service's one-off demand) always fetch.
 */
export class TokenCache {
  readonly #fetch: TokenFetcher;
  readonly #entries = new Map<string, Entry>();

  constructor(fetch: TokenFetcher) {
    this.#fetch = fetch;
  }

  async getToken(scopes: string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const key = `${[...scopes].sort().join(" ")}|${options.tenantId ?? ""}|${options.enableCae ? "cae" : ""}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = {};
      this.#entries.set(key, entry);
    }
    if (options.claims !== undefined) {
      entry.token = await this.#fetch(scopes, options);
      return entry.token;
    }
    const now = Date.now();
    const cached = entry.token;
    if (
      cached &&
      now < (cached.refreshAfterTimestamp ?? cached.expiresOnTimestamp - REFRESH_BEFORE_EXPIRY_IN_MS)
    ) {
      return cached;
    }
    const current = entry;
    current.inFlight ??= this.#fetch(scopes, options)
      .then((token) => {
        current.token = token;
        return token;
      })
      .finally(() => {
        current.inFlight = undefined;
      });
    try {
      return await current.inFlight;
    } catch (error) {
      if (cached && Date.now() < cached.expiresOnTimestamp) return cached;
      throw error;
    }
  }

  /** Forgets every token (on close). */
  clear(): void {
    this.#entries.clear();
  }
}

/** `getToken` accepts one scope or several; credentials work on a non-empty array. */
export function normalizeScopes(credentialName: string, scopes: string | string[]): string[] {
  const list = typeof scopes === "string" ? [scopes] : [...scopes];
  if (list.length === 0 || list.some((s) => typeof s !== "string" || s.trim() === "")) {
    throw new TypeError(
      `${credentialName}.getToken: expected one or more scopes such as "https://management.azure.com/.default".`,
    );
  }
  return list;
}

/** Managed identity and the Azure CLI take a resource, not scopes: exactly one scope minus `/.default`. */
export function scopeToResource(credentialName: string, scopes: string[]): string {
  if (scopes.length !== 1) {
    throw new TypeError(`${credentialName}: exactly one scope is supported, got ${scopes.length}.`);
  }
  const scope = scopes[0]!;
  if (!/^[0-9A-Za-z][0-9A-Za-z_.:/-]*$/.test(scope)) {
    throw new TypeError(`${credentialName}: the scope contains characters a scope never has.`);
  }
  return scope.endsWith("/.default") ? scope.slice(0, -"/.default".length) : scope;
}
