import { CredentialUnavailableError } from "./credentialUnavailableError.js";

/**
 * The `name` of `AggregateAuthenticationError`, for code that compares names as `@azure/identity` users do.
 * @public
 */
export const AggregateAuthenticationErrorName = "AggregateAuthenticationError";

/**
 * No credential of a chain could get a token: `errors` holds each credential's own error, in chain order,
 * and the message lists them. It is also a `CredentialUnavailableError` (so a chain inside a chain passes
 * the turn, and `isCredentialUnavailableError` is true), as `@azure/identity`'s chains throw it.
 *
 * @example
 * ```ts
 * try {
 *   await new DefaultAzureCredential().getToken("https://management.azure.com/.default");
 * } catch (e) {
 *   if (e instanceof AggregateAuthenticationError) for (const cause of e.errors) console.log(cause.message);
 * }
 * ```
 * @public
 */
export class AggregateAuthenticationError extends CredentialUnavailableError {
  /** The error of each credential that was tried, in order. */
  errors: unknown[];

  /** Creates the error from the credentials' errors; `message` heads the list. */
  constructor(errors: unknown[], message = "ChainedTokenCredential authentication failed.") {
    super(message);
    this.name = AggregateAuthenticationErrorName;
    this.errors = errors;
  }
}
