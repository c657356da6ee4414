const tokens = new WeakMap<object, string>();

/**
 * The continuation token of a page from `byPage()`: pass it as `byPage({ continuationToken })` to resume
 * the list after this page. `undefined` on the last page.
 *
 * @example
 * ```ts
 * const first = await list.byPage({ maxPageSize: 5 }).next();
 * const token = getContinuationToken(first.value);
 * // later, perhaps in another process:
 * for await (const page of list.byPage({ continuationToken: token })) { ... }
 * ```
 * @public
 */
export function getContinuationToken(page: unknown): string | undefined {
  if (typeof page !== "object" || page === null) return undefined;
  return tokens.get(page);
}

/**
 * Records the token of the page after `page`. A WeakMap rather than a property so that pages stay plain
 * arrays (deep equality and JSON output are unchanged) and are not kept alive by the record.
 */
export function setContinuationToken(page: unknown, token: string | undefined): void {
  if (typeof page !== "object" || page === null) return;
  if (token === undefined) tokens.delete(page);
  else tokens.set(page, token);
}
