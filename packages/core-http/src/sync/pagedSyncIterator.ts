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
  /** Items of the last batch not handed out yet. */
  private buffered: TElement[] = [];
  private position = 0;
  private exhausted = false;

  /** The next item: from the current batch, or blocking for the next batch (about one page). */
  override next(): IteratorResult<TElement> {
    if (this.position < this.buffered.length) {
      return { done: false, value: this.buffered[this.position++]! };
    }
    if (this.exhausted) return { done: true, value: undefined };
    const { bridge, handle } = requireProxyTarget(this);
    const batch = bridge.call({ op: "nextBatch", handle, max: 1000 }) as { items: TElement[]; done: boolean };
    this.buffered = batch.items;
    this.position = 0;
    this.exhausted = batch.done;
    if (this.buffered.length === 0) return { done: true, value: undefined };
    return { done: false, value: this.buffered[this.position++]! };
  }

  /** Stops early: drops the rest of the batch and ends the worker-side iteration. */
  override return(value?: unknown): IteratorResult<TElement> {
    this.buffered = [];
    this.exhausted = true;
    return super.return(value);
  }

  /** Pages instead of items; `continuationToken` resumes where an earlier page left off. */
  byPage(settings?: TPageSettings): IterableIterator<TPage> {
    const { bridge, handle } = requireProxyTarget(this);
    const args = encodeForWorker(bridge, [settings]) as unknown[];
    return bridge.call({ op: "call", handle, method: "byPage", args }) as SyncIterator<TPage>;
  }
}
