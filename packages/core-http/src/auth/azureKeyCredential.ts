/**
 * A credential that is one API key.
 * @public
 */
export interface KeyCredential {
  /** The key; never log it. */
  readonly key: string;
}

/**
 * An API key that can be rotated while clients use it: clients read `key` on every request.
 * The key is kept in a private field, so `console.log(credential)` and `JSON.stringify` do not show it.
 *
 * @example
 * ```ts
 * const credential = new AzureKeyCredential(process.env.SEARCH_KEY!);
 * credential.update(newKey); // later requests use the new key
 * ```
 * @public
 */
export class AzureKeyCredential implements KeyCredential {
  #key: string;

  /** Creates the credential; throws on an empty key. */
  constructor(key: string) {
    this.#key = checkKey(key, "AzureKeyCredential");
  }

  /** The current key. */
  get key(): string {
    return this.#key;
  }

  /** Replaces the key (after a rotation); throws on an empty key. */
  update(newKey: string): void {
    this.#key = checkKey(newKey, "AzureKeyCredential.update");
  }
}

/**
 * Whether `credential` is a {@link KeyCredential} (has a string `key`).
 * @public
 */
export function isKeyCredential(credential: unknown): credential is KeyCredential {
  return (
    typeof credential === "object" &&
    credential !== null &&
    typeof (credential as { key?: unknown }).key === "string"
  );
}

function checkKey(key: unknown, where: string): string {
  if (typeof key !== "string" || key === "")
    throw new TypeError(`${where}: the key must be a non-empty string.`);
  return key;
}
