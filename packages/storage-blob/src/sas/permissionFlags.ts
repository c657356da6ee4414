// One table-driven parser/formatter shared by every *SASPermissions class, so the letter order
// lives in one place per class (the service rejects letters out of order).

/** Letter table: [property, letter] in the order the service expects. */
export type PermissionLetters<T> = ReadonlyArray<readonly [keyof T & string, string]>;

export function permissionsToString<T>(target: T, letters: PermissionLetters<T>): string {
  let out = "";
  for (const [prop, letter] of letters) if (target[prop]) out += letter;
  return out;
}

export function parsePermissions<T>(
  target: T,
  letters: PermissionLetters<T>,
  permissions: string,
  kind: string,
): T {
  for (const char of permissions) {
    const entry = letters.find(([, letter]) => letter === char);
    if (!entry)
      throw new RangeError(`${kind}.parse: invalid permission letter "${char}" in "${permissions}"`);
    (target as Record<string, unknown>)[entry[0]] = true;
  }
  return target;
}

export function assignPermissions<T>(target: T, letters: PermissionLetters<T>, like: Partial<T>): T {
  for (const [prop] of letters) if (like[prop]) (target as Record<string, unknown>)[prop] = true;
  return target;
}
