// The types of the blocking surface: how an async client's type maps to its sync twin.
import type { PageSettings } from "../paging/pagedAsyncIterableIterator.js";

/**
 * A paged list on the blocking surface: iterate it for items (`for...of`), or call `byPage()`
 * for pages. Each step blocks until the worker has the next item or page.
 *
 * @example
 * ```ts
 * for (const container of client.listContainers()) console.log(container.name);
 * for (const page of client.listContainers().byPage({ maxPageSize: 100 })) save(page.continuationToken);
 * ```
 * @public
 */
export interface PagedSyncIterableIterator<TElement, TPage = TElement[], TPageSettings = PageSettings> {
  /** The next item, blocking until it is fetched. */
  next(): IteratorResult<TElement>;
  /** The list itself, so it works in `for...of`. */
  [Symbol.iterator](): PagedSyncIterableIterator<TElement, TPage, TPageSettings>;
  /** The pages instead of the items; `continuationToken` resumes from an earlier page. */
  byPage(settings?: TPageSettings): IterableIterator<TPage>;
}

/**
 * A long-running operation on the blocking surface. `result()` and `pollUntilDone()` block
 * until the operation ends; `isDone` and `operationState` read the worker-side poller's current
 * values; iterating it yields each new state.
 *
 * @example
 * ```ts
 * const poller = client.beginCreateOrUpdate(resourceGroup, name, parameters);
 * const vault = poller.pollUntilDone();
 * ```
 * @public
 */
export interface SyncPoller<TResult, TState = unknown> {
  /** Whether the operation has ended (succeeded, failed or was canceled). */
  readonly isDone: boolean;
  /** The latest state the poller has seen, or undefined before the first response. */
  readonly operationState: TState | undefined;
  /** Blocks until the operation ends and returns its result (throws its error). */
  result(): TResult;
  /** Polls until the operation ends and returns its result (throws its error). */
  pollUntilDone(): TResult;
  /** The result if the operation succeeded, else undefined; never blocks. */
  getResult(): TResult | undefined;
  /** Sends one status request, updates `operationState` and returns it. */
  poll(): TState;
  /** Asks the service to cancel the operation, where it supports that; returns the new state. */
  cancel(): TState;
  /** Blocks until the initial request was accepted. */
  submitted(): void;
  /** A string that lets another poller resume this operation (`restoreFrom`). */
  serialize(): string;
  /**
   * Calls `callback` with each new state; states are delivered while this thread waits in a
   * blocking call on the poller (e.g. `pollUntilDone()`). Returns a function that unsubscribes.
   */
  onProgress(callback: (state: TState) => void): () => void;
  /** Each new state until the operation ends, blocking for each. */
  [Symbol.iterator](): Iterator<TState>;
}

/**
 * A classic `begin*` poller (`SimplePollerLike`) on the blocking surface: the `begin*` call
 * blocks until the initial request answered and returns this; `pollUntilDone()` and `result()`
 * block until the operation ends; the reads (`isDone()`, `getOperationState()`) are methods, as
 * on the async poller; iterating it yields each new state.
 *
 * @example
 * ```ts
 * const poller = blobClient.beginCopyFromURL(sourceUrl); // no await on the sync surface
 * const result = poller.pollUntilDone();
 * ```
 * @public
 */
export interface SyncSimplePoller<TResult, TState = unknown> {
  /** Whether the operation has ended (succeeded, failed or was canceled). */
  isDone(): boolean;
  /** The latest state the poller has seen. */
  getOperationState(): TState;
  /** Blocks until the operation ends and returns its result (throws its error). */
  pollUntilDone(): TResult;
  /** Blocks until the operation ends and returns its result (throws its error). */
  result(): TResult;
  /** The result if the operation succeeded, else undefined; never blocks. */
  getResult(): TResult | undefined;
  /** Sends one status request and returns the new state. */
  poll(): TState;
  /** Asks the service to cancel the operation, where it supports that. */
  cancelOperation(): void;
  /** Stops automatic polling in the worker; the next `pollUntilDone()` resumes it. */
  stopPolling(): void;
  /** Whether `stopPolling()` was called and `pollUntilDone()` was not called again since. */
  isStopped(): boolean;
  /** Returns at once: the initial request has answered before `begin*` returned. */
  submitted(): void;
  /** The resume token (`resumeFrom`), the same as `toString()`. */
  serialize(): string;
  /** The resume token (`resumeFrom`). */
  toString(): string;
  /**
   * Calls `callback` with each new state; states are delivered while this thread waits in a
   * blocking call on the poller (e.g. `pollUntilDone()`). Returns a function that unsubscribes.
   */
  onProgress(callback: (state: TState) => void): () => void;
  /** Each new state until the operation ends, blocking for each. */
  [Symbol.iterator](): Iterator<TState>;
}

/**
 * The blocking twin of a value an async method produces: paged lists become
 * {@link PagedSyncIterableIterator}, classic `begin*` pollers {@link SyncSimplePoller}, other
 * pollers {@link SyncPoller}, async iterables iterables,
 * objects with methods {@link SyncClient}; plain data stays as it is.
 * @public
 */
export type SyncValue<T> = 0 extends 1 & T
  ? T
  : T extends
        | string
        | number
        | boolean
        | bigint
        | symbol
        | null
        | undefined
        | Date
        | RegExp
        | ArrayBuffer
        | ArrayBufferView
        | Map<unknown, unknown>
        | Set<unknown>
        | Error
    ? T
    : T extends AsyncIterableIterator<infer E> & {
          byPage(settings?: infer S): AsyncIterableIterator<infer P>;
        }
      ? PagedSyncIterableIterator<SyncValue<E>, SyncValue<P>, S>
      : T extends {
            pollUntilDone(...args: never[]): PromiseLike<infer R>;
            getOperationState(): infer S;
            isStopped(): boolean;
          }
        ? SyncSimplePoller<SyncValue<R>, S>
        : T extends { pollUntilDone(...args: never[]): PromiseLike<infer R> }
          ? SyncPoller<
              SyncValue<R>,
              T extends { readonly operationState: infer S } ? Exclude<S, undefined> : unknown
            >
          : T extends AsyncIterableIterator<infer E>
            ? IterableIterator<SyncValue<E>>
            : T extends (...args: never[]) => unknown
              ? SyncFunction<CallSignatures<T>>
              : T extends readonly unknown[]
                ? T
                : T extends object
                  ? {
                      [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? true : never;
                    }[keyof T] extends never
                    ? T
                    : SyncClient<T>
                  : T;

/**
 * What a sync method returns for an async method returning `R`: the awaited value, mapped by
 * {@link SyncValue}. Pollers are not awaited (they are thenable, but a sync poller is wanted).
 * @public
 */
export type SyncReturn<R> = 0 extends 1 & R
  ? R
  : R extends { pollUntilDone(...args: never[]): PromiseLike<unknown> }
    ? SyncValue<R>
    : R extends PromiseLike<infer U>
      ? SyncValue<U>
      : SyncValue<R>;

/**
 * What a sync method accepts where the async method takes a `T`: the same value, or, where `T`
 * is an object with methods (a credential), its sync twin; option bags are mapped property by
 * property, so `{ credential }` may hold a sync credential too.
 * @public
 */
export type SyncArgument<T> = 0 extends 1 & T
  ? T
  : T extends
        | string
        | number
        | boolean
        | bigint
        | symbol
        | null
        | undefined
        | Date
        | RegExp
        | ArrayBuffer
        | ArrayBufferView
        | Map<unknown, unknown>
        | Set<unknown>
        | Error
        | readonly unknown[]
        | ((...args: never[]) => unknown)
    ? T
    : T extends object
      ? {
          [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? true : never;
        }[keyof T] extends never
        ? { [K in keyof T]: SyncArgument<T[K]> }
        : T | SyncClient<T>
      : T;

/**
 * The parameter list of a sync method whose async method takes `A` (each mapped by
 * {@link SyncArgument}).
 * @public
 */
export type SyncArguments<A extends readonly unknown[]> = { [I in keyof A]: SyncArgument<A[I]> };

/**
 * Whether `X` and `Y` are the same type (not merely assignable to each other).
 * @public
 */
export type IsSameType<X, Y> =
  (<G>() => G extends X ? 1 : 2) extends <G>() => G extends Y ? 1 : 2 ? true : false;

/**
 * `TSignatures` without the copies of its first entry that TypeScript puts in front when a type
 * has fewer signatures than {@link CallSignatures} matches against.
 * @public
 */
export type WithoutLeadingRepeats<TSignatures extends readonly unknown[]> = TSignatures extends readonly [
  infer First,
  infer Second,
  ...infer Rest,
]
  ? IsSameType<First, Second> extends true
    ? WithoutLeadingRepeats<[Second, ...Rest]>
    : TSignatures
  : TSignatures;

/**
 * The call signatures (overloads) of `F` as `[parameters, result]` pairs, in declaration order:
 * what lets the sync types keep every overload, where `F extends (...args: infer A) => infer R`
 * sees only the last one. Up to five; a function with more keeps its last five. Type
 * parameters are erased to their constraints.
 *
 * @example
 * ```ts
 * declare function read(): Promise<Buffer>;
 * declare function read(into: Buffer): Promise<Buffer>;
 * type Pairs = CallSignatures<typeof read>; // [[[], Promise<Buffer>], [[into: Buffer], Promise<Buffer>]]
 * ```
 * @public
 */
export type CallSignatures<F> = F extends {
  (...args: infer A1): infer R1;
  (...args: infer A2): infer R2;
  (...args: infer A3): infer R3;
  (...args: infer A4): infer R4;
  (...args: infer A5): infer R5;
}
  ? WithoutLeadingRepeats<[[A1, R1], [A2, R2], [A3, R3], [A4, R4], [A5, R5]]>
  : never;

/**
 * The construct signatures (constructor overloads) of `C` as `[parameters, instance]` pairs, in
 * declaration order, like {@link CallSignatures}. Abstract classes have none (`never`).
 * @public
 */
export type ConstructSignatures<C> = C extends {
  new (...args: infer A1): infer R1;
  new (...args: infer A2): infer R2;
  new (...args: infer A3): infer R3;
  new (...args: infer A4): infer R4;
  new (...args: infer A5): infer R5;
}
  ? WithoutLeadingRepeats<[[A1, R1], [A2, R2], [A3, R3], [A4, R4], [A5, R5]]>
  : never;

/**
 * The blocking twin of an async method, from its {@link CallSignatures}: one signature per
 * overload, in order, each taking {@link SyncArguments} and returning {@link SyncReturn}.
 * @public
 */
export type SyncMethod<TSignatures> = TSignatures extends readonly [
  readonly [infer A extends readonly unknown[], infer R],
  ...infer Rest,
]
  ? ((...args: SyncArguments<A>) => SyncReturn<R>) & SyncMethod<Rest>
  : unknown;

/**
 * The blocking twin of a function value (a static method, a returned function), from its
 * {@link CallSignatures}: the same parameters, each overload returning {@link SyncReturn}.
 * @public
 */
export type SyncFunction<TSignatures> = TSignatures extends readonly [
  readonly [infer A extends readonly unknown[], infer R],
  ...infer Rest,
]
  ? ((...args: A) => SyncReturn<R>) & SyncFunction<Rest>
  : unknown;

/**
 * The constructor of a sync client, from the async class's {@link ConstructSignatures}: one
 * construct signature per overload, in order, each taking {@link SyncArguments}.
 * @public
 */
export type SyncConstructor<TSignatures, TInstance> = TSignatures extends readonly [
  readonly [infer A extends readonly unknown[], unknown],
  ...infer Rest,
]
  ? (new (...args: SyncArguments<A>) => TInstance) & SyncConstructor<Rest, TInstance>
  : unknown;

/**
 * The blocking twin of an async client type: the same members, with each method returning what
 * its Promise resolved to (mapped by {@link SyncValue}) and `then`/`catch`/`finally` removed.
 * Async-iterable clients become iterable. Overloaded methods keep their overloads (up to five,
 * see {@link CallSignatures}). Generic methods lose their type parameters (a limit of
 * TypeScript's mapped types): `echo<T>(v: T): Promise<T>` becomes `(v: unknown) => unknown`.
 *
 * @example
 * ```ts
 * import type { BlobServiceClient as AsyncBlobServiceClient } from "@azkit/storage-blob";
 * export type BlobServiceClient = SyncClient<AsyncBlobServiceClient>;
 * ```
 * @public
 */
export type SyncClient<T> = {
  [K in keyof T as K extends "then" | "catch" | "finally" | typeof Symbol.asyncIterator
    ? never
    : K]: 0 extends 1 & T[K]
    ? T[K]
    : T[K] extends (...args: never[]) => unknown
      ? SyncMethod<CallSignatures<T[K]>>
      : SyncValue<T[K]>;
} & (T extends AsyncIterable<infer E> ? Iterable<SyncValue<E>> : unknown);

/**
 * Any class (constructor) an async client can be made from.
 * @public
 */
export type AsyncClientConstructor = abstract new (...args: never[]) => object;

/**
 * The blocking twin of an async client class: `new` takes the same arguments (or their sync
 * twins), with every constructor overload kept, and makes a {@link SyncClient}; the static
 * methods named in `TStatics` block too.
 *
 * @example
 * ```ts
 * export const BlobServiceClient: SyncClientClass<typeof AsyncBlobServiceClient, "fromConnectionString"> =
 *   createSyncClientClass({ moduleSpecifier: "@azkit/storage-blob", exportName: "BlobServiceClient",
 *     resolveFrom: import.meta.url, staticMethods: ["fromConnectionString"] });
 * ```
 * @public
 */
export type SyncClientClass<TCtor extends AsyncClientConstructor, TStatics extends keyof TCtor = never> = ([
  ConstructSignatures<TCtor>,
] extends [never]
  ? new (
      ...args: TCtor extends abstract new (...args: infer A) => object ? SyncArguments<A> : never
    ) => SyncClient<InstanceType<TCtor>>
  : SyncConstructor<ConstructSignatures<TCtor>, SyncClient<InstanceType<TCtor>>>) & {
  readonly prototype: SyncClient<InstanceType<TCtor>>;
} & { [K in TStatics]: SyncValue<TCtor[K]> };
