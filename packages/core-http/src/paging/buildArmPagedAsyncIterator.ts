import { buildPagedAsyncIterator } from "./buildPagedAsyncIterator.js";
import type { PagedAsyncIterableIterator, PageSettings } from "./pagedAsyncIterableIterator.js";

/**
 * The body of one page of an Azure Resource Manager list: the elements in `value`, the next page's URL in
 * `nextLink` (absent, `null` or `""` on the last page).
 * @public
 */
export interface ArmListResult<TElement> {
  /** The elements of this page; a missing `value` is read as an empty page. */
  value?: TElement[];
  /** The absolute URL of the next page. */
  nextLink?: string | null;
}

/**
 * How to fetch the pages of one ARM list, for {@link buildArmPagedAsyncIterator}.
 * @public
 */
export interface ArmPagedAsyncIteratorOptions<TElement> {
  /** The URL of the list operation (with its query, including `api-version`). */
  firstPageLink: string;
  /**
   * GETs `link` and returns the parsed body. Called with the first page link and then each `nextLink`;
   * apply `maxPageSize` (e.g. as `$top`) only where the operation supports it.
   */
  fetchPage: (link: string, maxPageSize?: number) => Promise<ArmListResult<TElement>>;
  /**
   * Added as `api-version` to a `nextLink` that lacks one, since some ARM services drop it and the next
   * request would then be rejected. A `nextLink` that has one is used as sent.
   */
  apiVersion?: string;
}

/**
 * The list of an ARM `list*` operation: follows `nextLink` until the last page, one request per page.
 * Continuation tokens are the `nextLink` URLs, so `byPage({ continuationToken })` resumes anywhere.
 *
 * @example
 * ```ts
 * const vaults = buildArmPagedAsyncIterator<Vault>({
 *   firstPageLink: `${endpoint}/subscriptions/${sub}/providers/Microsoft.KeyVault/vaults?api-version=2023-07-01`,
 *   apiVersion: "2023-07-01",
 *   fetchPage: async (link) => JSON.parse((await client.sendRequest(get(link))).bodyAsText ?? "{}"),
 * });
 * for await (const vault of vaults) console.log(vault.name);
 * ```
 * @public
 */
export function buildArmPagedAsyncIterator<TElement>(
  options: ArmPagedAsyncIteratorOptions<TElement>,
): PagedAsyncIterableIterator<TElement, TElement[], PageSettings> {
  const { fetchPage, apiVersion } = options;
  return buildPagedAsyncIterator<TElement, TElement[]>({
    firstPageLink: options.firstPageLink,
    async getPage(link, maxPageSize) {
      const body = await fetchPage(link, maxPageSize);
      const page = Array.isArray(body?.value) ? body.value : [];
      const nextLink = body?.nextLink;
      return {
        page,
        nextPageLink: nextLink && apiVersion !== undefined ? withApiVersion(nextLink, apiVersion) : nextLink,
      };
    },
  });
}

function withApiVersion(link: string, apiVersion: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  if (url.searchParams.has("api-version")) return link;
  // Appended rather than re-serialized through URL so the rest of the link stays byte-for-byte as sent.
  const [beforeHash, hash] = link.split("#", 2) as [string, string | undefined];
  const separator = url.search === "" ? "?" : "&";
  return `${beforeHash}${beforeHash.endsWith("?") || beforeHash.endsWith("&") ? "" : separator}api-version=${encodeURIComponent(apiVersion)}${hash === undefined ? "" : `#${hash}`}`;
}
