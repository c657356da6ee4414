import { permissionCodec } from "./permissionFlags.js";

const codec = permissionCodec("AccountSASPermissions", () => new AccountSASPermissions(), [
  ["read", "r"],
  ["write", "w"],
  ["delete", "d"],
  ["deleteVersion", "x"],
  ["permanentDelete", "y"],
  ["list", "l"],
  ["add", "a"],
  ["create", "c"],
  ["update", "u"],
  ["process", "p"],
  ["tag", "t"],
  ["filter", "f"],
  ["setImmutabilityPolicy", "i"],
]);

/**
 * The permissions of an account SAS, as flags; `toString()` gives the letters in the order the service requires.
 *
 * @remarks Use it for the `permissions` of SAS signature values; `parse` reads a `sp` string back.
 * @example
 * ```ts
 * const permissions = AccountSASPermissions.parse("ri");
 * permissions.read; // true
 * ```
 * @public
 */
export class AccountSASPermissions {
  /** Reads a permission string (letters such as `rwdxylacuptfi`); throws RangeError on an unknown letter. */
  public static parse(permissions: string): AccountSASPermissions {
    return codec.parse(permissions);
  }

  /** Builds the flags from a plain object with the same property names. */
  public static from(like: Partial<AccountSASPermissions>): AccountSASPermissions {
    return codec.from(like);
  }

  /** `r`: Read operations on the allowed resource types. */
  public read = false;
  /** `w`: Write operations on the allowed resource types. */
  public write = false;
  /** `d`: Delete operations on the allowed resource types. */
  public delete = false;
  /** `x`: Delete blob versions. */
  public deleteVersion = false;
  /** `y`: Permanently delete soft-deleted snapshots or versions. */
  public permanentDelete = false;
  /** `l`: List containers and blobs. */
  public list = false;
  /** `a`: Add operations (append blocks, queue messages). */
  public add = false;
  /** `c`: Create operations (new blobs, containers). */
  public create = false;
  /** `u`: Update operations (queue messages, table entities). */
  public update = false;
  /** `p`: Process operations (queue messages). */
  public process = false;
  /** `t`: Read or write blob tags. */
  public tag = false;
  /** `f`: Find blobs by tags. */
  public filter = false;
  /** `i`: Set or delete immutability policies or legal holds. */
  public setImmutabilityPolicy = false;

  /** The letters for the `sp`/`srt`/`ss` query value, in the order the service requires. */
  public toString(): string {
    return codec.format(this);
  }
}
