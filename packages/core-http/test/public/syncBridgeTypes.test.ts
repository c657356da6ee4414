// Checked by the TypeScript compiler in test/internal/syncBridgeTypecheck.test.ts; at run time
// expectTypeOf does nothing, so these tests also run as plain (passing) calls.
import { describe, expectTypeOf, it } from "vitest";
import type {
  PagedSyncIterableIterator,
  SyncClient,
  SyncClientClass,
  SyncPoller,
  SyncReturn,
  SyncValue,
} from "../../src/index.js";
import type {
  FixtureChildClient,
  FixtureClient as AsyncFixtureClient,
  NumbersPage,
  OperationState,
} from "../fixtures/syncBridgeFixture.mjs";
import { FixtureClient } from "./syncBridgeFixtureClients.js";

type Client = SyncClient<AsyncFixtureClient>;

describe("SyncClient", () => {
  it("turns Promise-returning methods into methods returning the value", () => {
    expectTypeOf<Client["delay"]>().returns.toEqualTypeOf<number>();
    expectTypeOf<Client["download"]>().returns.toEqualTypeOf<Buffer>();
    expectTypeOf<Client["fetchedPages"]>().returns.toEqualTypeOf<number[]>();
  });

  it("keeps data members as they are", () => {
    expectTypeOf<Client["url"]>().toEqualTypeOf<string>();
  });

  it("maps returned clients, paged lists and pollers to their sync twins", () => {
    expectTypeOf<Client["getChildClient"]>().returns.toEqualTypeOf<SyncClient<FixtureChildClient>>();
    expectTypeOf<ReturnType<Client["getChildClient"]>["describe"]>().returns.toEqualTypeOf<{
      name: string;
      parentCalls: number;
    }>();
    expectTypeOf<Client["listNumbers"]>().returns.toEqualTypeOf<
      PagedSyncIterableIterator<number, NumbersPage, { continuationToken?: string; maxPageSize?: number }>
    >();
    expectTypeOf<Client["beginOperation"]>().returns.toEqualTypeOf<
      SyncPoller<{ id: string; steps: number }, OperationState>
    >();
  });

  it("leaves out then/catch/finally so a sync client is never mistaken for a Promise", () => {
    type Thenable = SyncClient<{ then(): void; run(): Promise<number> }>;
    expectTypeOf<keyof Thenable>().toEqualTypeOf<"run">();
  });

  it("accepts sync twins inside option bags too", () => {
    type WithOptions = SyncClient<{
      use(options: { credential?: { getToken(): Promise<string> }; retries: number }): Promise<void>;
    }>;
    expectTypeOf<WithOptions["use"]>().toBeCallableWith({ credential: { getToken: () => "t" }, retries: 1 });
    expectTypeOf<WithOptions["use"]>().toBeCallableWith({ retries: 1 });
  });

  it("accepts the sync twin where the async method wants an async object", () => {
    expectTypeOf<Client["echo"]>().toBeCallableWith("x");
    type WithCredential = SyncClient<{ use(c: { getToken(): Promise<string> }): Promise<void> }>;
    expectTypeOf<WithCredential["use"]>().toBeCallableWith({ getToken: () => "token" });
  });
});

describe("SyncValue and SyncReturn", () => {
  it("leave plain data, dates and bytes alone", () => {
    expectTypeOf<SyncValue<{ a: number; when: Date }>>().toEqualTypeOf<{ a: number; when: Date }>();
    expectTypeOf<SyncValue<Uint8Array>>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<SyncReturn<Promise<void>>>().toEqualTypeOf<void>();
    expectTypeOf<SyncReturn<Promise<string | undefined>>>().toEqualTypeOf<string | undefined>();
  });

  it("turn async iterables into iterables", () => {
    expectTypeOf<SyncValue<AsyncIterableIterator<number>>>().toEqualTypeOf<IterableIterator<number>>();
  });
});

describe("SyncClientClass", () => {
  it("constructs with the async constructor's parameters and offers the listed statics", () => {
    expectTypeOf(FixtureClient).toEqualTypeOf<SyncClientClass<typeof AsyncFixtureClient, "fromName">>();
    expectTypeOf(FixtureClient).constructorParameters.toMatchTypeOf<[string, ...unknown[]]>();
    expectTypeOf(FixtureClient).instance.toEqualTypeOf<Client>();
    expectTypeOf(FixtureClient.fromName).returns.toEqualTypeOf<Client>();
  });
});
