import { permissionCodec } from "./permissionFlags.js";

const codec = permissionCodec("BlobSASPermissions", () => new BlobSASPermissions(), [
  ["read", "r"],
  ["add", "a"],
  ["create", "c"],
  ["write", "w"],
  ["delete", "d"],
  ["deleteVersion", "x"],
  ["permanentDelete", "y"],
  ["tag", "t"],
  ["move", "m"],
  ["execute", "e"],
  ["setImmutabilityPolicy", "i"],
]);

/**
 * The permissions of a blob SAS (`sr=b`, snapshots and versions), as flags; `toString()` gives the letters in the order the service requires.
 *
 * @remarks Use it for the `permissions` of SAS signature values; `parse` reads a `sp` string back.
 * @example
 * ```ts
 * const permissions = BlobSASPermissions.parse("ri");
 * permissions.read; // true
 * ```
 * @public
 */
export class BlobSASPermissions {
  /** Reads a permission string (letters such as `racwdxytmei`); throws RangeError on an unknown letter. */
  public static parse(permissions: string): BlobSASPermissions {
    return codec.parse(permissions);
  }

  /** Builds the flags from a plain object with the same property names. */
  public static from(like: Partial<BlobSASPermissions>): BlobSASPermissions {
    return codec.from(like);
  }

  /** `r`: Read the content, properties, metadata and block list. */
  public read = false;
  /** `a`: Add a block to an append blob. */
  public add = false;
  /** `c`: Write a new blob, snapshot it, or copy to a new blob. */
  public create = false;
  /** `w`: Create or write content, properties, metadata or block list. */
  public write = false;
  /** `d`: Delete the blob. */
  public delete = false;
  /** `x`: Delete a blob version. */
  public deleteVersion = false;
  /** `y`: Permanently delete a soft-deleted snapshot or version. */
  public permanentDelete = false;
  /** `t`: Read or write the blob's tags. */
  public tag = false;
  /** `m`: Move the blob (hierarchical namespace accounts). */
  public move = false;
  /** `e`: Execute (hierarchical namespace accounts). */
  public execute = false;
  /** `i`: Set or delete the immutability policy or legal hold. */
  public setImmutabilityPolicy = false;

  /** The letters for the `sp`/`srt`/`ss` query value, in the order the service requires. */
  public toString(): string {
    return codec.format(this);
  }
}
