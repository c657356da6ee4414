/**
 * A credential that is a shared access signature (the query string of a SAS URL).
 * @public
 */
export interface SASCredential {
  /** The signature, such as `sv=2024-08-04&ss=b&sig=...`; never log it. */
  readonly signature: string;
}

/**
 * A shared access signature that can be replaced while clients use it (before it expires).
 * The signature is kept in a private field, so `console.log(credential)` does not show it.
 *
 * @example
 * ```ts
 * const credential = new AzureSasCredential("sv=2024-08-04&ss=b&srt=co&sp=rl&sig=...");
 * credential.update(renewedSignature);
 * ```
 * @public
 */
export class AzureSasCredential implements SASCredential {
  #signature: string;

  /** Creates the credential; throws on an empty signature. */
  constructor(signature: string) {
    this.#signature = checkSignature(signature, "AzureSasCredential");
  }

  /** The current signature. */
  get signature(): string {
    return this.#signature;
  }

  /** Replaces the signature; throws on an empty one. */
  update(newSignature: string): void {
    this.#signature = checkSignature(newSignature, "AzureSasCredential.update");
  }
}

/**
 * Whether `credential` is a {@link SASCredential} (has a string `signature`).
 * @public
 */
export function isSASCredential(credential: unknown): credential is SASCredential {
  return (
    typeof credential === "object" &&
    credential !== null &&
    typeof (credential as { signature?: unknown }).signature === "string"
  );
}

function checkSignature(signature: unknown, where: string): string {
  if (typeof signature !== "string" || signature === "") {
    throw new TypeError(`${where}: the signature must be a non-empty string.`);
  }
  // A leading "?" is what users copy from a SAS URL; the signature itself starts after it.
  return signature.startsWith("?") ? signature.slice(1) : signature;
}
