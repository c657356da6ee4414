import type { PagedAsyncIterableIterator, PageSettings } from "@azkit/core-http";
import type { FilterBlobItem, ServiceFindBlobByTagsSegmentResponse } from "../models/listModels.js";
import type { CommonOptions } from "../models/options.js";
import { readFilterBlobs } from "../xml/listXml.js";
import { listPages } from "./listPages.js";

/**
 * `Find Blobs by Tags` on an account or (with `restype=container` in `scope`) one container:
 * the blobs whose index tags match `tagFilterSqlExpression`, page by page.
 */
export function findBlobsByTagsPages(
  client: { readonly url: string },
  operationName: string,
  tagFilterSqlExpression: string,
  options: CommonOptions,
  scope: Record<string, string> = {},
): PagedAsyncIterableIterator<FilterBlobItem, ServiceFindBlobByTagsSegmentResponse, PageSettings> {
  const query = { ...scope, comp: "blobs", where: tagFilterSqlExpression };
  return listPages(
    client,
    { operationName, query, readPage: readFilterBlobs },
    (page) => page.blobs,
    options,
  );
}
