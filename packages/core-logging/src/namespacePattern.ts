/** The prefix every azkit logger namespace carries. */
export const AZKIT_NAMESPACE_PREFIX = "azkit:";

/**
 * Normalizes a library name or pattern to a full namespace: "storage-blob" and
 * "azkit:storage-blob" mean the same logger, so users may write either.
 * @internal
 */
export function toNamespace(nameOrPattern: string): string {
  const trimmed = nameOrPattern.trim();
  if (trimmed === "*" || trimmed.startsWith(AZKIT_NAMESPACE_PREFIX)) return trimmed;
  return AZKIT_NAMESPACE_PREFIX + trimmed;
}

/**
 * Compiles a glob such as "azkit:mgmt-*" (where `*` matches any run of characters) to a matcher.
 * Hierarchy follows from the names: "azkit:mgmt-*" is the group of every management library.
 * @internal
 */
export function compileNamespacePattern(pattern: string): (namespace: string) => boolean {
  const full = toNamespace(pattern);
  if (full === "*") return () => true;
  const source = full
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  const regex = new RegExp(`^${source}$`, "i");
  return (namespace) => regex.test(namespace);
}
