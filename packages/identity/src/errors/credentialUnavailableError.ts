import { AzureError } from "@azkit/core-http";

const brand = Symbol.for("@azkit/identity.CredentialUnavailableError");

/**
 * The credential cannot be used here: it is not configured (missing environment variables, no managed
 * identity endpoint, `az` not installed or not logged in). A chain moves on to its next credential on this
 * error, and only on this one. `code` is always `"CredentialUnavailable"`.
 *
 * @example
 * ```ts
 * try {
 *   await credential.getToken("https://management.azure.com/.default");
 * } catch (e) {
 *   if (isCredentialUnavailableError(e)) console.log("configure a credential:", e.message);
 * }
 * ```
 * @public
 */
export class CredentialUnavailableError extends AzureError {
  /** Creates the error; the message names the credential and what is missing, never a secret. */
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { code: "CredentialUnavailable", cause: options.cause });
    this.name = "CredentialUnavailableError";
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether `error` is a `CredentialUnavailableError`, also across copies of this package (the sync
 * bridge, a second install).
 * @public
 */
export function isCredentialUnavailableError(error: unknown): error is CredentialUnavailableError {
  return typeof error === "object" && error !== null && brand in error;
}
