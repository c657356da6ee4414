import { permissionCodec } from "./permissionFlags.js";

const codec = permissionCodec("AccountSASResourceTypes", () => new AccountSASResourceTypes(), [
  ["service", "s"],
  ["container", "c"],
  ["object", "o"],
]);

/**
 * The permissions of the resource types an account SAS reaches (`srt`), as flags; `toString()` gives the letters in the order the service requires.
 *
 * @remarks Use it for the `permissions` of SAS signature values; `parse` reads a `sp` string back.
 * @example
 * ```ts
 * const permissions = AccountSASResourceTypes.parse("so");
 * permissions.service; // true
 * ```
 * @public
 */
export class AccountSASResourceTypes {
  /** Reads a permission string (letters such as `sco`); throws RangeError on an unknown letter. */
  public static parse(permissions: string): AccountSASResourceTypes {
    return codec.parse(permissions);
  }

  /** Builds the flags from a plain object with the same property names. */
  public static from(like: Partial<AccountSASResourceTypes>): AccountSASResourceTypes {
    return codec.from(like);
  }

  /** `s`: Service-level operations (list containers, service properties). */
  public service = false;
  /** `c`: Container-level operations (create, delete, list blobs). */
  public container = false;
  /** `o`: Object-level operations (blobs). */
  public object = false;

  /** The letters for the `sp`/`srt`/`ss` query value, in the order the service requires. */
  public toString(): string {
    return codec.format(this);
  }
}
