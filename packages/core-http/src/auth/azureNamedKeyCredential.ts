/**
 * A credential that is an account name and its key (storage Shared Key, for example).
 * @public
 */
export interface NamedKeyCredential {
  /** The account or key name. */
  readonly name: string;
  /** The key; never log it. */
  readonly key: string;
}

/**
 * An account name and key that can be rotated together while clients use them.
 * The key is kept in a private field, so `console.log(credential)` and `JSON.stringify` do not show it.
 *
 * @example
 * ```ts
 * const credential = new AzureNamedKeyCredential("myaccount", process.env.ACCOUNT_KEY!);
 * credential.update("myaccount", rotatedKey);
 * ```
 * @public
 */
export class AzureNamedKeyCredential implements NamedKeyCredential {
  #name: string;
  #key: string;

  /** Creates the credential; throws when the name or key is empty. */
  constructor(name: string, key: string) {
    this.#name = checkNonEmpty(name, "AzureNamedKeyCredential", "name");
    this.#key = checkNonEmpty(key, "AzureNamedKeyCredential", "key");
  }

  /** The account or key name. */
  get name(): string {
    return this.#name;
  }

  /** The current key. */
  get key(): string {
    return this.#key;
  }

  /** Replaces name and key at once (so no request sees a new name with an old key); throws on empties. */
  update(newName: string, newKey: string): void {
    const name = checkNonEmpty(newName, "AzureNamedKeyCredential.update", "name");
    this.#key = checkNonEmpty(newKey, "AzureNamedKeyCredential.update", "key");
    this.#name = name;
  }

  /** Shows the name only, so logging the credential never prints the key. */
  toJSON(): { name: string } {
    return { name: this.#name };
  }
}

/**
 * Whether `credential` is a {@link NamedKeyCredential} (has string `name` and `key`).
 * @public
 */
export function isNamedKeyCredential(credential: unknown): credential is NamedKeyCredential {
  return (
    typeof credential === "object" &&
    credential !== null &&
    typeof (credential as { name?: unknown }).name === "string" &&
    typeof (credential as { key?: unknown }).key === "string"
  );
}

function checkNonEmpty(value: unknown, where: string, what: string): string {
  if (typeof value !== "string" || value === "")
    throw new TypeError(`${where}: the ${what} must be a non-empty string.`);
  return value;
}
