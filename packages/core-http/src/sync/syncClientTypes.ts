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
 * The blocking twin of a value an async method produces: paged lists become
 * {@link PagedSyncIterableIterator}, pollers {@link SyncPoller}, async iterables iterables,
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
      : T extends { pollUntilDone(...args: never[]): PromiseLike<infer R> }
        ? SyncPoller<
            SyncValue<R>,
            T extends { readonly operationState: infer S } ? Exclude<S, undefined> : unknown
          >
        : T extends AsyncIterableIterator<infer E>
          ? IterableIterator<SyncValue<E>>
          : T extends (...args: infer A) => infer R
            ? (...args: A) => SyncReturn<R>
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
 * The blocking twin of an async client type: the same members, with each method returning what
 * its Promise resolved to (mapped by {@link SyncValue}) and `then`/`catch`/`finally` removed.
 * Async-iterable clients become iterable. Generic methods lose their type parameters (a
 * limit of TypeScript's mapped types): `echo<T>(v: T): Promise<T>` becomes `(v: unknown) => unknown`.
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
    : K]: T[K] extends (...args: infer A) => infer R
    ? (...args: SyncArguments<A>) => SyncReturn<R>
    : SyncValue<T[K]>;
} & (T extends AsyncIterable<infer E> ? Iterable<SyncValue<E>> : unknown);

/**
 * Any class (constructor) an async client can be made from.
 * @public
 */
export type AsyncClientConstructor = abstract new (...args: never[]) => object;

/**
 * The blocking twin of an async client class: `new` takes the same arguments (or their sync
 * twins) and makes a {@link SyncClient}; the static methods named in `TStatics` block too.
 *
 * @example
 * ```ts
 * export const BlobServiceClient: SyncClientClass<typeof AsyncBlobServiceClient, "fromConnectionString"> =
 *   createSyncClientClass({ moduleSpecifier: "@azkit/storage-blob", exportName: "BlobServiceClient",
 *     resolveFrom: import.meta.url, staticMethods: ["fromConnectionString"] });
 * ```
 * @public
 */
export type SyncClientClass<TCtor extends AsyncClientConstructor, TStatics extends keyof TCtor = never> = {
  new (
    ...args: TCtor extends abstract new (...args: infer A) => object ? SyncArguments<A> : never
  ): SyncClient<InstanceType<TCtor>>;
  readonly prototype: SyncClient<InstanceType<TCtor>>;
} & { [K in TStatics]: SyncValue<TCtor[K]> };
