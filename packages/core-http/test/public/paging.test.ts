import { describe, expect, expectTypeOf, it } from "vitest";
import {
  buildPagedAsyncIterator,
  getContinuationToken,
  getPagedAsyncIterator,
  isAzureError,
  isPagingError,
  type PagedAsyncIterableIterator,
  PagingError,
} from "../../src/index.js";

/** A list of `count` numbers served `pageSize` at a time; links are "p<start>". */
function numberList(count: number, pageSize = 3) {
  const calls: { link: string; maxPageSize: number | undefined }[] = [];
  const list = buildPagedAsyncIterator<number>({
    firstPageLink: "p0",
    async getPage(link, maxPageSize) {
      calls.push({ link, maxPageSize });
      const start = Number(link.slice(1));
      const size = maxPageSize ?? pageSize;
      const page = Array.from({ length: Math.max(0, Math.min(size, count - start)) }, (_, i) => start + i);
      const next = start + size < count ? `p${start + size}` : undefined;
      return { page, nextPageLink: next };
    },
  });
  return { list, calls };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("buildPagedAsyncIterator", () => {
  it("yields every element of every page in order with for await", async () => {
    const { list, calls } = numberList(8);
    expect(await collect(list)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(calls.map((c) => c.link)).toEqual(["p0", "p3", "p6"]);
  });

  it("walks whole pages with byPage and passes maxPageSize to every page fetch", async () => {
    const { list, calls } = numberList(5);
    expect(await collect(list.byPage({ maxPageSize: 2 }))).toEqual([[0, 1], [2, 3], [4]]);
    expect(calls.map((c) => c.maxPageSize)).toEqual([2, 2, 2]);
  });

  it("records the next page's token on each page and resumes from it", async () => {
    const { list } = numberList(7);
    const pages = list.byPage();
    const first = await pages.next();
    const token = getContinuationToken(first.value);
    expect(token).toBe("p3");
    expect(await collect(numberList(7).list.byPage({ continuationToken: token }))).toEqual([[3, 4, 5], [6]]);
  });

  it("has no continuation token on the last page", async () => {
    const pages = await collect(numberList(4).list.byPage());
    expect(pages.map(getContinuationToken)).toEqual(["p3", undefined]);
  });

  it("keeps pages plain arrays (the token is not a property)", async () => {
    const [page] = await collect(numberList(2).list.byPage());
    expect(Object.keys(page as number[])).toEqual(["0", "1"]);
    expect(JSON.stringify(page)).toBe("[0,1]");
  });

  it("rejects an empty-string continuation token instead of restarting from the first page", async () => {
    const { list, calls } = numberList(5);
    const error = await list
      .byPage({ continuationToken: "" })
      .next()
      .catch((e: unknown) => e);
    expect(isPagingError(error)).toBe(true);
    expect(error).toBeInstanceOf(PagingError);
    expect((error as PagingError).code).toBe("EmptyContinuationToken");
    expect(isAzureError(error)).toBe(true);
    expect(calls).toEqual([]);
  });

  it("stops with an error when the service repeats a next link, instead of looping", async () => {
    let fetches = 0;
    const list = buildPagedAsyncIterator<number>({
      firstPageLink: "a",
      async getPage(link) {
        fetches++;
        if (fetches > 10) throw new Error("looped");
        return { page: [fetches], nextPageLink: link === "a" ? "b" : "a" };
      },
    });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const n of list) seen.push(n);
    })().catch((e: unknown) => e);
    expect((error as PagingError).code).toBe("RepeatedContinuationToken");
    expect(seen).toEqual([1]);
    expect(fetches).toBe(2);
  });

  it("does not put the repeated link in the error message (links can carry signatures)", async () => {
    const secretLink = "https://acct.blob.core.windows.net/?sig=SECRET";
    const list = buildPagedAsyncIterator<number>({
      firstPageLink: secretLink,
      getPage: async () => ({ page: [1], nextPageLink: secretLink }),
    });
    const error = (await collect(list).catch((e: unknown) => e)) as Error;
    expect(isPagingError(error)).toBe(true);
    expect(error.message).not.toContain("SECRET");
  });

  it("ends at a page with a null or empty next link, and when getPage returns undefined", async () => {
    for (const nextPageLink of [null, "", undefined]) {
      const list = buildPagedAsyncIterator<number>({
        firstPageLink: "x",
        getPage: async () => ({ page: [1, 2], nextPageLink }),
      });
      expect(await collect(list)).toEqual([1, 2]);
    }
    const none = buildPagedAsyncIterator<number>({ firstPageLink: "x", getPage: async () => undefined });
    expect(await collect(none)).toEqual([]);
  });

  it("uses toElements for pages that are not arrays, and says so when it is missing", async () => {
    interface Page {
      items: string[];
    }
    const getPage = async () => ({ page: { items: ["a", "b"] } });
    const withToElements = buildPagedAsyncIterator<string, Page>({
      firstPageLink: "x",
      getPage,
      toElements: (page) => page.items,
    });
    expect(await collect(withToElements)).toEqual(["a", "b"]);
    const without = buildPagedAsyncIterator<string, Page>({ firstPageLink: "x", getPage });
    await expect(collect(without)).rejects.toThrow(/toElements/);
  });

  it("uses a custom byPage for both the page walk and the elements", async () => {
    const list = buildPagedAsyncIterator<number>({
      firstPageLink: "unused",
      getPage: async () => {
        throw new Error("not called");
      },
      byPage: async function* () {
        yield [10, 11];
        yield [12];
      },
    });
    expect(await collect(list)).toEqual([10, 11, 12]);
    expect(await collect(list.byPage())).toEqual([[10, 11], [12]]);
  });

  it("propagates a getPage failure to the caller", async () => {
    const list = buildPagedAsyncIterator<number>({
      firstPageLink: "x",
      getPage: async () => {
        throw new RangeError("boom");
      },
    });
    await expect(list.next()).rejects.toThrow(RangeError);
  });

  it("answers calls made before the previous one settled in order, as an async generator queues them", async () => {
    const { list } = numberList(5, 2);
    const results = await Promise.all(Array.from({ length: 7 }, () => list.next()));
    expect(results).toEqual([
      ...[0, 1, 2, 3, 4].map((value) => ({ done: false, value })),
      { done: true, value: undefined },
      { done: true, value: undefined },
    ]);
  });

  it("awaits thenable elements and elements of pages that are iterables but not arrays", async () => {
    const list = buildPagedAsyncIterator<number, Iterable<number | Promise<number>>>({
      firstPageLink: "unused",
      getPage: async () => undefined,
      byPage: async function* () {
        yield [Promise.resolve(1), 2];
        yield new Set([3, 4]);
        yield (async function* () {
          yield 5;
        })() as unknown as Iterable<number>;
      },
    });
    expect(await collect(list)).toEqual([1, 2, 3, 4, 5]);
  });

  it("ends the walk after an error: a rejected element or page is thrown once, then done", async () => {
    let pages = 0;
    const list = buildPagedAsyncIterator<number>({
      firstPageLink: "unused",
      getPage: async () => undefined,
      byPage: async function* () {
        pages++;
        yield [1, Promise.reject(new RangeError("bad element")) as unknown as number, 3];
      },
    });
    expect(await list.next()).toEqual({ done: false, value: 1 });
    await expect(list.next()).rejects.toThrow("bad element");
    expect(await list.next()).toEqual({ done: true, value: undefined });
    expect(pages).toBe(1);
  });

  it("is its own async iterator and keeps @azure/core-paging's names and types", async () => {
    const { list } = numberList(2);
    expect(list[Symbol.asyncIterator]()).toBe(list);
    expect(getPagedAsyncIterator).toBe(buildPagedAsyncIterator);
    expectTypeOf(list).toEqualTypeOf<PagedAsyncIterableIterator<number, number[]>>();
    expect(await list.next()).toEqual({ done: false, value: 0 });
  });
});
