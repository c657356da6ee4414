import { encodeForWorker } from "./encodeForWorker.js";
import type { PageSettings } from "../paging/pagedAsyncIterableIterator.js";
import type { PagedSyncIterableIterator } from "./syncClientTypes.js";
import { SyncIterator } from "./syncIterator.js";
import { requireProxyTarget } from "./syncProxyHandles.js";

/**
 * The blocking face of a worker-side paged list (`PagedAsyncIterableIterator`): items one by one,
 * or pages through `byPage()`. Nothing is fetched until the first `next()`.
 */
export class PagedSyncIterator<TElement, TPage = TElement[], TPageSettings = PageSettings>
  extends SyncIterator<TElement>
  implements PagedSyncIterableIterator<TElement, TPage, TPageSettings>
{
  /** Pages instead of items; `continuationToken` resumes where an earlier page left off. */
  byPage(settings?: TPageSettings): IterableIterator<TPage> {
    const { bridge, handle } = requireProxyTarget(this);
    const args = encodeForWorker(bridge, [settings]) as unknown[];
    return bridge.call({ op: "call", handle, method: "byPage", args }) as SyncIterator<TPage>;
  }
}
