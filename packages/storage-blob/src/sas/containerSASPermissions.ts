import { permissionCodec } from "./permissionFlags.js";

const codec = permissionCodec("ContainerSASPermissions", () => new ContainerSASPermissions(), [
  ["read", "r"],
  ["add", "a"],
  ["create", "c"],
  ["write", "w"],
  ["delete", "d"],
  ["deleteVersion", "x"],
  ["permanentDelete", "y"],
  ["list", "l"],
  ["tag", "t"],
  ["filterByTags", "f"],
  ["move", "m"],
  ["execute", "e"],
  ["setImmutabilityPolicy", "i"],
]);

/**
 * The permissions of a container SAS (`sr=c`), as flags; `toString()` gives the letters in the order the service requires.
 *
 * @remarks Use it for the `permissions` of SAS signature values; `parse` reads a `sp` string back.
 * @example
 * ```ts
 * const permissions = ContainerSASPermissions.parse("ri");
 * permissions.read; // true
 * ```
 * @public
 */
export class ContainerSASPermissions {
  /** Reads a permission string (letters such as `racwdxyltfmei`); throws RangeError on an unknown letter. */
  public static parse(permissions: string): ContainerSASPermissions {
    return codec.parse(permissions);
  }

  /** Builds the flags from a plain object with the same property names. */
  public static from(like: Partial<ContainerSASPermissions>): ContainerSASPermissions {
    return codec.from(like);
  }

  /** `r`: Read the content, properties, metadata or block list of any blob in the container. */
  public read = false;
  /** `a`: Add a block to any append blob in the container. */
  public add = false;
  /** `c`: Write a new blob to the container, snapshot it, or copy to a new blob. */
  public create = false;
  /** `w`: Write content, properties, metadata or block list of any blob in the container. */
  public write = false;
  /** `d`: Delete any blob in the container. */
  public delete = false;
  /** `x`: Delete a blob version in the container. */
  public deleteVersion = false;
  /** `y`: Permanently delete a soft-deleted snapshot or version. */
  public permanentDelete = false;
  /** `l`: List blobs in the container. */
  public list = false;
  /** `t`: Read or write tags of blobs in the container. */
  public tag = false;
  /** `f`: Find blobs in the container by tags. */
  public filterByTags = false;
  /** `m`: Move blobs (hierarchical namespace accounts). */
  public move = false;
  /** `e`: Execute (hierarchical namespace accounts). */
  public execute = false;
  /** `i`: Set or delete immutability policies or legal holds. */
  public setImmutabilityPolicy = false;

  /** The letters for the `sp`/`srt`/`ss` query value, in the order the service requires. */
  public toString(): string {
    return codec.format(this);
  }
}
