import { permissionCodec } from "./permissionFlags.js";

const codec = permissionCodec("AccountSASServices", () => new AccountSASServices(), [
  ["blob", "b"],
  ["file", "f"],
  ["queue", "q"],
  ["table", "t"],
]);

/**
 * The permissions of the services an account SAS reaches (`ss`), as flags; `toString()` gives the letters in the order the service requires.
 *
 * @remarks Use it for the `permissions` of SAS signature values; `parse` reads a `sp` string back.
 * @example
 * ```ts
 * const permissions = AccountSASServices.parse("bt");
 * permissions.blob; // true
 * ```
 * @public
 */
export class AccountSASServices {
  /** Reads a permission string (letters such as `bfqt`); throws RangeError on an unknown letter. */
  public static parse(permissions: string): AccountSASServices {
    return codec.parse(permissions);
  }

  /** Builds the flags from a plain object with the same property names. */
  public static from(like: Partial<AccountSASServices>): AccountSASServices {
    return codec.from(like);
  }

  /** `b`: The Blob service. */
  public blob = false;
  /** `f`: The File service. */
  public file = false;
  /** `q`: The Queue service. */
  public queue = false;
  /** `t`: The Table service. */
  public table = false;

  /** The letters for the `sp`/`srt`/`ss` query value, in the order the service requires. */
  public toString(): string {
    return codec.format(this);
  }
}
