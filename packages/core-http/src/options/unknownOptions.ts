/** Levenshtein distance, enough to suggest a fix for a mistyped option name. */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The valid name a mistyped one most likely meant (`retry_total` -> `retryTotal`). */
export function suggestOptionName(name: string, valid: readonly string[]): string | undefined {
  const squashed = squash(name);
  const exact = valid.find((v) => squash(v) === squashed);
  if (exact) return exact;
  // A name missing (or adding) a prefix: `contentType` for `blobContentType`.
  if (squashed.length >= 4) {
    const containing = valid.filter((v) => squash(v).includes(squashed) || squashed.includes(squash(v)));
    if (containing.length === 1) return containing[0];
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of valid) {
    const distance = editDistance(squashed, squash(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Throws a TypeError naming the first option of `options` that is not in `valid`, with a
 * "did you mean" and the valid names: a typo must fail loudly, not silently use a default.
 */
export function assertKnownOptions(
  options: object | undefined,
  valid: ReadonlySet<string>,
  context: string,
  extra?: readonly string[],
  /** Accepted but not offered to users in the message: what a service passes about itself. */
  unlisted?: readonly string[],
): void {
  if (options === undefined || options === null) return;
  for (const name in options) {
    if (valid.has(name) || extra?.includes(name) || unlisted?.includes(name)) continue;
    if ((options as Record<string, unknown>)[name] === undefined) continue;
    const names = [...valid, ...(extra ?? [])].sort();
    const suggestion = suggestOptionName(name, names);
    throw new TypeError(
      `${context}: unknown option "${name}"${suggestion ? `; did you mean "${suggestion}"?` : "."} Valid options: ${names.join(", ")}.`,
    );
  }
}
