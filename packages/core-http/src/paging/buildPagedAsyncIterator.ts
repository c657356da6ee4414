import { setContinuationToken } from "./continuationToken.js";
import type { PagedAsyncIterableIterator, PagedResult, PageSettings } from "./pagedAsyncIterableIterator.js";
import { PagingError } from "./pagingError.js";

/**
 * Turns "fetch the page at this link" into a list callers can `for await` over elements or walk
 * `.byPage()`. Each page records the link of the next one (read it with `getContinuationToken(page)`),
 * so a walk can resume later with `byPage({ continuationToken })`.
 *
 * A walk stops with a {@link PagingError} when the service repeats a link it already sent (instead of
 * looping forever) and when the caller passes an empty continuation token (instead of silently starting
 * over). Links are compared exactly; the messages never contain them, since they may carry signatures.
 *
 * @example
 * ```ts
 * const list = buildPagedAsyncIterator<Vault>({
 *   firstPageLink: `${endpoint}/vaults?api-version=2023-07-01`,
 *   async getPage(link, maxPageSize) {
 *     const body = await getJson(link, maxPageSize);
 *     return { page: body.value, nextPageLink: body.nextLink };
 *   },
 * });
 * for await (const vault of list) console.log(vault.name);
 * ```
 * @public
 */
export function buildPagedAsyncIterator<
  TElement,
  TPage = TElement[],
  TPageSettings extends PageSettings = PageSettings,
  TLink = string,
>(
  pagedResult: PagedResult<TPage, TPageSettings, TLink>,
): PagedAsyncIterableIterator<TElement, TPage, TPageSettings> {
  const byPage =
    pagedResult.byPage ??
    ((settings?: TPageSettings) =>
      walkPages<TPage, TLink>(pagedResult.firstPageLink, pagedResult.getPage, settings));
  const elements = walkElements<TElement, TPage, TPageSettings>(byPage, pagedResult.toElements);
  const iterator: PagedAsyncIterableIterator<TElement, TPage, TPageSettings> = {
    next: () => elements.next(),
    [Symbol.asyncIterator]: () => iterator,
    byPage,
  };
  return iterator;
}

/**
 * The name `@azure/core-paging` gives {@link buildPagedAsyncIterator}, so code written against it ports by
 * changing the import.
 * @example
 * ```ts
 * const list = getPagedAsyncIterator<Vault>({ firstPageLink: url, getPage: fetchVaultPage });
 * ```
 * @public
 */
export const getPagedAsyncIterator: typeof buildPagedAsyncIterator = buildPagedAsyncIterator;

async function* walkPages<TPage, TLink>(
  firstPageLink: TLink,
  getPage: PagedResult<TPage, PageSettings, TLink>["getPage"],
  settings: PageSettings = {},
): AsyncIterableIterator<TPage> {
  const { continuationToken, maxPageSize } = settings;
  if (continuationToken === "") {
    throw new PagingError(
      "EmptyContinuationToken",
      "byPage: continuationToken is an empty string; pass the token from getContinuationToken(page), " +
        "or leave it out to start from the first page.",
    );
  }
  let link: TLink | undefined =
    continuationToken === undefined ? firstPageLink : (continuationToken as TLink);
  const seen = new Set<TLink>();
  let pageNumber = 0;
  while (link !== undefined) {
    seen.add(link);
    pageNumber++;
    const result = await getPage(link, maxPageSize);
    if (result === undefined) return;
    const next = isLastLink(result.nextPageLink) ? undefined : (result.nextPageLink as TLink);
    if (next !== undefined && seen.has(next)) {
      throw new PagingError(
        "RepeatedContinuationToken",
        `page ${pageNumber} of the list links to a page that was already fetched; stopping instead of looping.`,
      );
    }
    setContinuationToken(result.page, typeof next === "string" ? next : undefined);
    yield result.page;
    link = next;
  }
}

function isLastLink(link: unknown): boolean {
  return link === undefined || link === null || link === "";
}

async function* walkElements<TElement, TPage, TPageSettings>(
  byPage: (settings?: TPageSettings) => AsyncIterableIterator<TPage>,
  toElements: ((page: TPage) => unknown[]) | undefined,
): AsyncIterableIterator<TElement> {
  for await (const page of byPage()) {
    if (toElements) {
      yield* toElements(page) as TElement[];
    } else if (isIterable(page)) {
      yield* page as Iterable<TElement> | AsyncIterable<TElement>;
    } else {
      throw new TypeError(
        "buildPagedAsyncIterator: a page is not an array; pass toElements(page) to say where its elements are.",
      );
    }
  }
}

function isIterable(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (Symbol.iterator in value || Symbol.asyncIterator in value)
  );
}
