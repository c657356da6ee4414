/**
 * What a caller may ask of a page walk: where to resume and how large pages should be.
 * @public
 */
export interface PageSettings {
  /**
   * Resumes the walk at this page; take it from {@link getContinuationToken} on a page you got earlier.
   * An empty string is rejected (it would otherwise silently restart the list from the first page).
   */
  continuationToken?: string;
  /** Asks the service for at most this many elements per page; services may cap it lower. */
  maxPageSize?: number;
}

/**
 * A list result: `for await` over the elements, or `.byPage()` over whole pages.
 * Same shape as `PagedAsyncIterableIterator` of `@azure/core-paging`, so code written against it ports
 * by changing the import.
 *
 * @example
 * ```ts
 * for await (const vault of client.vaults.list()) console.log(vault.name);
 * for await (const page of client.vaults.list().byPage({ maxPageSize: 10 })) {
 *   console.log(page.length, getContinuationToken(page));
 * }
 * ```
 * @public
 */
export interface PagedAsyncIterableIterator<TElement, TPage = TElement[], TPageSettings = PageSettings> {
  /** The next element; `done` after the last element of the last page. */
  next(): Promise<IteratorResult<TElement>>;
  /** Makes the list usable in `for await`. */
  [Symbol.asyncIterator](): PagedAsyncIterableIterator<TElement, TPage, TPageSettings>;
  /** Walks whole pages instead of elements, optionally resuming at a continuation token. */
  byPage: (settings?: TPageSettings) => AsyncIterableIterator<TPage>;
}

/**
 * One fetched page and the link to the page after it.
 * @public
 */
export interface PageWithLink<TPage, TLink = string> {
  /** The page itself (usually the array of its elements). */
  page: TPage;
  /** The link or token of the next page; absent, `null` or `""` when this page is the last one. */
  nextPageLink?: TLink | null;
}

/**
 * How to fetch the pages of one list: what {@link buildPagedAsyncIterator} turns into a
 * {@link PagedAsyncIterableIterator}. Same shape as `PagedResult` of `@azure/core-paging`.
 * @public
 */
export interface PagedResult<TPage, TPageSettings = PageSettings, TLink = string> {
  /** The link (URL or token) of the first page, used when no continuation token is given. */
  firstPageLink: TLink;
  /**
   * Fetches the page at `pageLink`; `undefined` ends the walk.
   * Called once per page, in order, with the `maxPageSize` the caller asked for.
   */
  getPage: (pageLink: TLink, maxPageSize?: number) => Promise<PageWithLink<TPage, TLink> | undefined>;
  /** Replaces the default page walk entirely, for services whose paging is not link-based. */
  byPage?: (settings?: TPageSettings) => AsyncIterableIterator<TPage>;
  /** Turns a page into its elements; needed when pages are not arrays or other iterables. */
  toElements?: (page: TPage) => unknown[];
}
