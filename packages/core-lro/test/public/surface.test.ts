import { describe, expect, expectTypeOf, it } from "vitest";
import * as asyncEntry from "../../src/index.js";
import type { OperationState, PollerLike, PollingStrategy } from "../../src/index.js";
import * as syncEntry from "../../src/sync.js";

describe("the public surface", () => {
  it("exports the factories, and the same names from ./sync", () => {
    expect(Object.keys(asyncEntry).sort()).toEqual([
      "createArmPollingStrategy",
      "createHttpPoller",
      "createHttpSimplePoller",
      "createPipelineLro",
      "createPoller",
      "createSimplePoller",
      "toLroResponse",
    ]);
    expect(Object.keys(syncEntry).sort()).toEqual(Object.keys(asyncEntry).sort());
  });

  it("a poller is PromiseLike of its result and async-iterable over its states", () => {
    type P = PollerLike<OperationState<number>, number>;
    expectTypeOf<P>().toMatchTypeOf<PromiseLike<number>>();
    expectTypeOf<P>().toMatchTypeOf<AsyncIterable<OperationState<number>>>();
    expectTypeOf<P["pollUntilDone"]>().returns.toEqualTypeOf<Promise<number>>();
    expectTypeOf<P["serialize"]>().returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf<Awaited<P>>().toEqualTypeOf<number>();
  });

  it("a SimplePollerLike is not thenable, so a begin* Promise resolves to the poller itself", () => {
    type S = asyncEntry.SimplePollerLike<OperationState<number>, number>;
    expectTypeOf<S>().not.toMatchTypeOf<PromiseLike<number>>();
    expectTypeOf<Awaited<Promise<S>>>().toEqualTypeOf<S>();
    expectTypeOf<S>().toMatchTypeOf<AsyncIterable<OperationState<number>>>();
    expectTypeOf<S["isDone"]>().toEqualTypeOf<() => boolean>();
    expectTypeOf<S["toString"]>().returns.toEqualTypeOf<string>();
    expectTypeOf(asyncEntry.createSimplePoller<number>).returns.toEqualTypeOf<Promise<S>>();
  });

  it("createPoller infers the result type from the strategy", () => {
    const strategy = {} as PollingStrategy<{ copyId: string }, { id: string }>;
    const make = () => asyncEntry.createPoller({ strategy });
    expectTypeOf<ReturnType<ReturnType<typeof make>["getResult"]>>().toEqualTypeOf<
      { copyId: string } | undefined
    >();
    expectTypeOf<Awaited<ReturnType<typeof make>>>().toEqualTypeOf<{ copyId: string }>();
  });
});
