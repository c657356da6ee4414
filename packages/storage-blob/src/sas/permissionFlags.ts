// One codec per permission-flags class (blob, container and account SAS permissions, account
// resource types and services): the letter table lives in one place per class, in the order the
// service requires (it rejects letters out of order), and parsing, copying and formatting are
// written once here.

/** Letter table: [property, letter] in the order the service expects. */
export type PermissionLetters<T> = ReadonlyArray<readonly [keyof T & string, string]>;

/** Reads, copies and writes the flags of one permission class. */
export interface PermissionCodec<T> {
  /** Flags from a letter string; RangeError naming the class on an unknown letter. */
  parse(permissions: string): T;
  /** Flags from a plain object with the same property names. */
  from(like: Partial<T>): T;
  /** The letters of the flags that are set, in table order. */
  format(flags: T): string;
}

/** The codec for the class `create` instantiates (all flags false) under the name `kind`. */
export function permissionCodec<T>(
  kind: string,
  create: () => T,
  letters: PermissionLetters<T>,
): PermissionCodec<T> {
  const set = (target: T, prop: keyof T & string): void => {
    (target as Record<string, unknown>)[prop] = true;
  };
  return {
    parse(permissions) {
      const target = create();
      for (const char of permissions) {
        const entry = letters.find(([, letter]) => letter === char);
        if (!entry)
          throw new RangeError(`${kind}.parse: invalid permission letter "${char}" in "${permissions}"`);
        set(target, entry[0]);
      }
      return target;
    },
    from(like) {
      const target = create();
      for (const [prop] of letters) if (like[prop]) set(target, prop);
      return target;
    },
    format(flags) {
      let out = "";
      for (const [prop, letter] of letters) if (flags[prop]) out += letter;
      return out;
    },
  };
}

/**
 * The letters of a permissions value: a string as it is, a flags instance by its `toString()`,
 * and plain flag data (`{ read: true }`, which is also how an instance arrives after crossing the
 * sync bridge) through `from`.
 */
export function permissionLetters<T>(
  value: T | string,
  from: (like: Partial<T>) => { toString(): string },
): string {
  if (typeof value === "string") return value;
  if (Object.getPrototypeOf(value) === Object.prototype) return from(value as Partial<T>).toString();
  return String(value);
}
