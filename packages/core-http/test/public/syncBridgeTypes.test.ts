// Checked by the TypeScript compiler (`pnpm run typecheck`: tsc -p test/tsconfig.json); at run time
// expectTypeOf does nothing, so these tests also run as plain (passing) calls.
import { describe, expectTypeOf, it } from "vitest";
import type {
  CallSignatures,
  ConstructSignatures,
  PagedSyncIterableIterator,
  SyncClient,
  SyncClientClass,
  SyncMethod,
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

// Overloads as service clients declare them (mirroring @azure/storage-blob): each shape below is
// matched against CallSignatures' five slots, which TypeScript fills from the first signature when
// there are fewer; the sync types must keep each overload once, in order.
interface Buffered {
  download(): Promise<Buffer>;
}
interface TwoOverloads {
  read(offset?: number, count?: number): Promise<Buffer>;
  read(buffer: Buffer, offset?: number): Promise<Uint8Array>;
}
interface ThreeOverloads {
  pick(): Promise<"none">;
  pick(one: number): Promise<"one">;
  pick(one: string, ...more: string[]): Promise<"many">;
}
interface FourOverloads {
  size(): Promise<0>;
  size(a: 1): Promise<1>;
  size(a: 2): Promise<2>;
  size(a: 3): Promise<3>;
}
interface FiveOverloads {
  size(): Promise<0>;
  size(a: 1): Promise<1>;
  size(a: 2): Promise<2>;
  size(a: 3): Promise<3>;
  size(a: 4): Promise<4>;
}
interface SixOverloads {
  size(): Promise<0>;
  size(a: 1): Promise<1>;
  size(a: 2): Promise<2>;
  size(a: 3): Promise<3>;
  size(a: 4): Promise<4>;
  size(a: 5): Promise<5>;
}
interface WithThis {
  bound(this: WithThis, value?: string): Promise<number>;
  arrow: (value: number) => Promise<string>;
}
interface Credential {
  getToken(): Promise<string>;
}
declare class OverloadedClient {
  constructor(url: string, credential?: Credential, options?: { retries?: number });
  constructor(connectionString: string, containerName: string, options?: { retries?: number });
  readonly url: string;
  read(offset?: number, count?: number): Promise<Buffer>;
  read(buffer: Buffer, offset?: number): Promise<Uint8Array>;
  static connect(connectionString: string): OverloadedClient;
  static connect(connectionString: string, name: string): OverloadedClient;
}
declare abstract class AbstractClient {
  constructor(url: string);
  run(): Promise<number>;
}

describe("CallSignatures", () => {
  it("lists each overload once, in declaration order, for one to five overloads", () => {
    expectTypeOf<CallSignatures<Buffered["download"]>>().toEqualTypeOf<[[[], Promise<Buffer>]]>();
    expectTypeOf<CallSignatures<TwoOverloads["read"]>>().toEqualTypeOf<
      [
        [[offset?: number, count?: number], Promise<Buffer>],
        [[buffer: Buffer, offset?: number], Promise<Uint8Array>],
      ]
    >();
    expectTypeOf<CallSignatures<ThreeOverloads["pick"]>>().toEqualTypeOf<
      [
        [[], Promise<"none">],
        [[one: number], Promise<"one">],
        [[one: string, ...more: string[]], Promise<"many">],
      ]
    >();
    expectTypeOf<CallSignatures<FourOverloads["size"]>>().toEqualTypeOf<
      [[[], Promise<0>], [[a: 1], Promise<1>], [[a: 2], Promise<2>], [[a: 3], Promise<3>]]
    >();
    expectTypeOf<CallSignatures<FiveOverloads["size"]>>().toEqualTypeOf<
      [
        [[], Promise<0>],
        [[a: 1], Promise<1>],
        [[a: 2], Promise<2>],
        [[a: 3], Promise<3>],
        [[a: 4], Promise<4>],
      ]
    >();
  });

  it("keeps the last five of six overloads", () => {
    expectTypeOf<CallSignatures<SixOverloads["size"]>>().toEqualTypeOf<
      [
        [[a: 1], Promise<1>],
        [[a: 2], Promise<2>],
        [[a: 3], Promise<3>],
        [[a: 4], Promise<4>],
        [[a: 5], Promise<5>],
      ]
    >();
  });

  it("leaves out `this` and erases type parameters", () => {
    expectTypeOf<CallSignatures<WithThis["bound"]>>().toEqualTypeOf<[[[value?: string], Promise<number>]]>();
    expectTypeOf<CallSignatures<<T>(value: T) => Promise<T>>>().toEqualTypeOf<
      [[[value: unknown], Promise<unknown>]]
    >();
  });

  it("lists constructor overloads, and none for an abstract class", () => {
    expectTypeOf<ConstructSignatures<typeof OverloadedClient>>().toEqualTypeOf<
      [
        [[url: string, credential?: Credential, options?: { retries?: number }], OverloadedClient],
        [[connectionString: string, containerName: string, options?: { retries?: number }], OverloadedClient],
      ]
    >();
    expectTypeOf<ConstructSignatures<typeof AbstractClient>>().toEqualTypeOf<never>();
  });
});

describe("SyncClient with overloaded methods", () => {
  it("maps a method with one signature to a plain function type", () => {
    expectTypeOf<SyncClient<Buffered>["download"]>().toEqualTypeOf<() => Buffer>();
    expectTypeOf<SyncMethod<CallSignatures<() => Promise<void>>>>().toEqualTypeOf<() => void>();
  });

  it("keeps both overloads of a two-overload method, each with its own result", () => {
    type Read = SyncClient<TwoOverloads>["read"];
    expectTypeOf<Read>().toEqualTypeOf<
      ((offset?: number, count?: number) => Buffer) & ((buffer: Buffer, offset?: number) => Uint8Array)
    >();
    expectTypeOf<Read>().toBeCallableWith().returns.toEqualTypeOf<Buffer>();
    expectTypeOf<Read>().toBeCallableWith(0, 10).returns.toEqualTypeOf<Buffer>();
    expectTypeOf<Read>().toBeCallableWith(Buffer.alloc(1)).returns.toEqualTypeOf<Uint8Array>();
    expectTypeOf<Read>().toBeCallableWith(Buffer.alloc(1), 2).returns.toEqualTypeOf<Uint8Array>();
    // @ts-expect-error no overload takes a string
    expectTypeOf<Read>().toBeCallableWith("x");
  });

  it("keeps three and four overloads, with optional and rest parameters", () => {
    const pick = (client: SyncClient<ThreeOverloads>) => [
      client.pick(),
      client.pick(1),
      client.pick("a", "b"),
    ];
    expectTypeOf(pick).returns.toEqualTypeOf<("none" | "one" | "many")[]>();
    expectTypeOf<SyncClient<ThreeOverloads>["pick"]>()
      .toBeCallableWith("a", "b", "c")
      .returns.toEqualTypeOf<"many">();
    expectTypeOf<SyncClient<ThreeOverloads>["pick"]>().toBeCallableWith(1).returns.toEqualTypeOf<"one">();
    type Size = SyncClient<FourOverloads>["size"];
    expectTypeOf<Size>().toBeCallableWith().returns.toEqualTypeOf<0>();
    expectTypeOf<Size>().toBeCallableWith(3).returns.toEqualTypeOf<3>();
    // @ts-expect-error 4 is not an overload of a four-overload `size`
    expectTypeOf<Size>().toBeCallableWith(4);
  });

  it("maps methods with `this` parameters and function-valued properties", () => {
    expectTypeOf<SyncClient<WithThis>["bound"]>().toEqualTypeOf<(value?: string) => number>();
    expectTypeOf<SyncClient<WithThis>["arrow"]>().toEqualTypeOf<(value: number) => string>();
  });

  it("accepts sync twins in every overload", () => {
    type Read = SyncClient<{
      use(credential: Credential): Promise<void>;
      use(name: string, credential: Credential): Promise<string>;
    }>["use"];
    expectTypeOf<Read>()
      .toBeCallableWith({ getToken: () => "t" })
      .returns.toEqualTypeOf<void>();
    expectTypeOf<Read>()
      .toBeCallableWith("n", { getToken: () => "t" })
      .returns.toEqualTypeOf<string>();
  });

  it("keeps members typed any as any", () => {
    // biome-ignore lint/suspicious/noExplicitAny: the case under test
    expectTypeOf<SyncClient<{ loose: any }>["loose"]>().toBeAny();
  });
});

describe("SyncClientClass with overloaded constructors", () => {
  type SyncOverloadedClass = SyncClientClass<typeof OverloadedClient, "connect">;

  it("constructs with every constructor overload", () => {
    expectTypeOf<SyncOverloadedClass>().toBeConstructibleWith("https://x");
    expectTypeOf<SyncOverloadedClass>().toBeConstructibleWith("https://x", { getToken: () => "sync token" });
    expectTypeOf<SyncOverloadedClass>().toBeConstructibleWith("UseDevelopmentStorage=true", "container", {
      retries: 1,
    });
    // @ts-expect-error no constructor overload takes a number second
    expectTypeOf<SyncOverloadedClass>().toBeConstructibleWith("https://x", 1);
    const make = (C: SyncOverloadedClass) => new C("conn", "container");
    expectTypeOf(make).returns.toEqualTypeOf<SyncClient<OverloadedClient>>();
  });

  it("keeps overloads of the instance's methods and of listed statics", () => {
    expectTypeOf<InstanceType<SyncOverloadedClass>["read"]>()
      .toBeCallableWith()
      .returns.toEqualTypeOf<Buffer>();
    expectTypeOf<InstanceType<SyncOverloadedClass>["read"]>()
      .toBeCallableWith(Buffer.alloc(1))
      .returns.toEqualTypeOf<Uint8Array>();
    expectTypeOf<SyncOverloadedClass["connect"]>()
      .toBeCallableWith("c")
      .returns.toEqualTypeOf<SyncClient<OverloadedClient>>();
    expectTypeOf<SyncOverloadedClass["connect"]>()
      .toBeCallableWith("c", "n")
      .returns.toEqualTypeOf<SyncClient<OverloadedClient>>();
  });

  it("falls back to the one constructor type of an abstract class", () => {
    type SyncAbstract = SyncClientClass<typeof AbstractClient>;
    expectTypeOf<SyncAbstract["prototype"]["run"]>().toEqualTypeOf<() => number>();
    expectTypeOf<ConstructorParameters<SyncAbstract>>().toEqualTypeOf<[url: string]>();
  });
});
