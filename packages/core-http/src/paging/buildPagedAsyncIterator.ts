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

/**
 * The elements of the pages, one `next()` at a time. Written by hand rather than as an async generator
 * (`for await (page) yield* page`): a generator step per element is several promise jobs, and a page
 * of 50 web apps spent ~40 µs per list in it. An element of an array page is answered at once with a
 * resolved promise; the rest (the first call, the end of a page, pages or elements that are not
 * arrays, thenable elements) goes through `step`, one call at a time as a generator would queue them.
 * As with the generator, an error ends the walk: later calls answer done.
 */
function walkElements<TElement, TPage, TPageSettings>(
  byPage: (settings?: TPageSettings) => AsyncIterableIterator<TPage>,
  toElements: ((page: TPage) => unknown[]) | undefined,
): AsyncIterator<TElement> {
  let pages: AsyncIterator<TPage> | undefined;
  let items: readonly unknown[] | undefined;
  let index = 0;
  let inner: AsyncIterator<unknown> | Iterator<unknown> | undefined;
  let finished = false;
  let running: Promise<IteratorResult<TElement>> | undefined;

  const step = async (): Promise<IteratorResult<TElement>> => {
    try {
      for (;;) {
        if (finished) return { value: undefined, done: true };
        if (items !== undefined) {
          if (index < items.length) return { value: (await items[index++]) as TElement, done: false };
          items = undefined;
        }
        if (inner !== undefined) {
          const result = await inner.next();
          if (!result.done) return { value: (await result.value) as TElement, done: false };
          inner = undefined;
        }
        pages ??= byPage();
        const page = await pages.next();
        if (page.done) {
          finished = true;
          continue;
        }
        const source: unknown = toElements ? toElements(page.value) : page.value;
        if (Array.isArray(source)) {
          items = source;
          index = 0;
        } else if (isIterable(source)) {
          const iterable = source as Partial<AsyncIterable<unknown>> & Iterable<unknown>;
          inner = iterable[Symbol.asyncIterator]?.() ?? iterable[Symbol.iterator]();
        } else {
          throw new TypeError(
            toElements
              ? "buildPagedAsyncIterator: toElements(page) did not return an array or iterable."
              : "buildPagedAsyncIterator: a page is not an array; pass toElements(page) to say where its elements are.",
          );
        }
      }
    } catch (error) {
      finished = true;
      throw error;
    }
  };

  return {
    next: () => {
      if (running === undefined && !finished && items !== undefined && index < items.length) {
        const value = items[index];
        if (!isThenable(value)) {
          index++;
          return Promise.resolve({ value: value as TElement, done: false });
        }
      }
      const result = running === undefined ? step() : running.then(step, step);
      running = result;
      const settle = (): void => {
        if (running === result) running = undefined;
      };
      result.then(settle, settle);
      return result;
    },
  };
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function isIterable(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (Symbol.iterator in value || Symbol.asyncIterator in value)
  );
}
