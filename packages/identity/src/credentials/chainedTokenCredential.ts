import { type AccessToken, type GetTokenOptions, isAbortError, type TokenCredential } from "@azkit/core-http";
import { AggregateAuthenticationError } from "../errors/aggregateAuthenticationError.js";
import {
  CredentialUnavailableError,
  isCredentialUnavailableError,
} from "../errors/credentialUnavailableError.js";
import { logger } from "../logger.js";

/**
 * Tries credentials in order until one gives a token, and then keeps using that one (it is remembered,
 * so later calls do not retry the ones that were unavailable). A credential that is unavailable here
 * (`CredentialUnavailableError`, or no token) passes the turn to the next; any other failure stops the
 * chain, since that credential was configured and its failure is the one to fix. When none is
 * available, one `AggregateAuthenticationError` (a `CredentialUnavailableError`) lists each credential and
 * why, and holds their errors in `errors`.
 *
 * @example
 * ```ts
 * const credential = new ChainedTokenCredential(
 *   new ManagedIdentityCredential({ clientId }),
 *   new AzureCliCredential(),
 * );
 * ```
 * @public
 */
export class ChainedTokenCredential implements TokenCredential {
  readonly #sources: TokenCredential[];
  #selected: TokenCredential | undefined;

  /** Creates the chain; the order of `sources` is the order they are tried in. */
  constructor(...sources: TokenCredential[]) {
    if (sources.length === 0) throw new TypeError(`${this.constructor.name}: give at least one credential.`);
    this.#sources = sources;
  }

  /** The credential that gave the first token, once there is one. */
  get selectedCredential(): TokenCredential | undefined {
    return this.#selected;
  }

  /** Gets a token from the remembered credential, or from the first in the chain that can give one. */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const chainName = this.constructor.name;
    if (this.#selected) return requireToken(this.#selected, await this.#selected.getToken(scopes, options));
    const reasons: string[] = [];
    const errors: unknown[] = [];
    for (const source of this.#sources) {
      const sourceName =
        (source as { credentialName?: string }).credentialName ?? source.constructor?.name ?? "credential";
      let token: AccessToken | null;
      try {
        token = await source.getToken(scopes, options);
      } catch (error) {
        if (isCredentialUnavailableError(error)) {
          errors.push(error);
          reasons.push(`- ${sourceName}: ${stripPrefix(error.message, sourceName)}`);
          logger.verbose(`${chainName}: ${sourceName} is unavailable`, { reason: error.message });
          continue;
        }
        if (!isAbortError(error)) logger.warning(`${chainName}: ${sourceName} failed; stopping the chain`);
        throw error;
      }
      if (!token) {
        const reason = (source as { credentialUnavailableErrorMessage?: string })
          .credentialUnavailableErrorMessage;
        errors.push(new CredentialUnavailableError(`${sourceName}: ${reason ?? "returned no token."}`));
        reasons.push(`- ${sourceName}: ${reason ?? "returned no token."}`);
        continue;
      }
      this.#selected = source;
      logger.info(`${chainName}: using ${sourceName}`);
      return token;
    }
    throw new AggregateAuthenticationError(
      errors,
      `${chainName}: no credential in the chain could get a token. Tried, in order:\n${reasons.join("\n")}`,
    );
  }

  /** Closes every credential of the chain that can be closed (releasing their sockets). */
  async close(): Promise<void> {
    await Promise.all(
      this.#sources.map((source) => (source as { close?: () => Promise<void> }).close?.call(source)),
    );
  }

  /** Same as `ChainedTokenCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function requireToken(source: TokenCredential, token: AccessToken | null): AccessToken {
  if (token) return token;
  throw new CredentialUnavailableError(`${source.constructor?.name ?? "credential"}: returned no token.`);
}

function stripPrefix(message: string, sourceName: string): string {
  return message.startsWith(`${sourceName}: `) ? message.slice(sourceName.length + 2) : message;
}
