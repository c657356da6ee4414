// The service's list operations (containers, blobs, blobs by tags) page alike: a `marker` from
// the previous page's `NextMarker`, at most `maxresults` items, an XML body per page.
import {
  buildPagedAsyncIterator,
  type PagedAsyncIterableIterator,
  type PageSettings,
} from "@azkit/core-http";
import type { CommonOptions } from "../models/options.js";
import { sendBlobRequest } from "./sendBlobRequest.js";

/** One list operation: its query without `marker` and `maxresults`, and how to read a page. */
export interface ListOperation<TPage> {
  operationName: string;
  query: Record<string, string | undefined>;
  readPage: (xml: string) => TPage;
}

/** Fetches the page that starts at `marker` (the first page when empty). */
export async function fetchListPage<TPage>(
  client: { readonly url: string },
  operation: ListOperation<TPage>,
  marker: string | undefined,
  maxPageSize: number | undefined,
  options: CommonOptions,
): Promise<TPage> {
  const res = await sendBlobRequest(
    client,
    {
      operationName: operation.operationName,
      method: "GET",
      query: {
        ...operation.query,
        marker: marker || undefined,
        maxresults: maxPageSize === undefined ? undefined : String(maxPageSize),
      },
      expectedStatuses: [200],
    },
    options,
  );
  return operation.readPage(res.bodyAsText ?? "");
}

/** The paged iterator over a list operation whose pages carry their `continuationToken`. */
export function listPages<TElement, TPage extends { continuationToken?: string }>(
  client: { readonly url: string },
  operation: ListOperation<TPage>,
  toElements: (page: TPage) => TElement[],
  options: CommonOptions,
): PagedAsyncIterableIterator<TElement, TPage, PageSettings> {
  return buildPagedAsyncIterator<TElement, TPage, PageSettings>({
    firstPageLink: "",
    getPage: async (marker, maxPageSize) => {
      const page = await fetchListPage(client, operation, marker, maxPageSize, options);
      return { page, nextPageLink: page.continuationToken };
    },
    toElements,
  });
}
