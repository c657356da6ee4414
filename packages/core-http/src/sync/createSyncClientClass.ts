import { encodeForWorker } from "./encodeForWorker.js";
import { resolveModuleUrl } from "./resolveModuleUrl.js";
import type { SyncModuleLocation } from "./syncModuleLocation.js";
import { getSyncBridge } from "./syncBridgeInstance.js";
import type { AsyncClientConstructor, SyncClientClass } from "./syncClientTypes.js";
import { installSyncMembers, registerSyncClassPrototype } from "./syncObjectPrototype.js";
import { adoptHandle } from "./syncProxyHandles.js";
import type { WireHandle } from "./syncWireFormat.js";

/**
 * Where the async class lives and what to call its blocking twin.
 * @public
 */
export interface CreateSyncClientClassOptions<TStatics extends string = never> extends SyncModuleLocation {
  /** Static methods of the async class to offer, blocking, on the sync class (e.g. `fromConnectionString`). */
  staticMethods?: readonly TStatics[];
  /** The sync class's name (for stack traces and `util.inspect`); defaults to `exportName`. */
  className?: string;
}

/**
 * Makes the blocking twin of an async client class. `new` constructs the async client inside
 * the sync bridge's worker thread; each method that returns a Promise blocks the calling thread
 * until it settles and returns its value (or throws the same error class); methods returning
 * objects (`getContainerClient(name)`) return their sync twins; paged lists become
 * `PagedSyncIterableIterator`s and pollers `SyncPoller`s; other members read through.
 *
 * When: in a package's `src/sync.ts`, once per client class. Nothing starts until the first
 * `new`: the worker thread starts then, and imports the module once.
 *
 * Arguments cross by structured clone (plain data, Uint8Array/Buffer, Date), sync twins arrive
 * as their worker-side objects, functions become callbacks the worker calls back (they run on
 * this thread while it waits). AbortSignals and streams are refused with a TypeError.
 *
 * @example
 * ```ts
 * // packages/storage-blob/src/sync.ts
 * import { createSyncClientClass, type SyncClient } from "@azkit/core-http";
 * import type { BlobServiceClient as AsyncBlobServiceClient } from "./index.js";
 *
 * export const BlobServiceClient = createSyncClientClass<typeof AsyncBlobServiceClient>({
 *   moduleSpecifier: "@azkit/storage-blob",
 *   resolveFrom: import.meta.url,
 *   exportName: "BlobServiceClient",
 * });
 * export type BlobServiceClient = SyncClient<AsyncBlobServiceClient>;
 *
 * // user code
 * const client = new BlobServiceClient(url, credential);
 * for (const container of client.listContainers()) console.log(container.name);
 * ```
 * @public
 */
export function createSyncClientClass<
  TCtor extends AsyncClientConstructor,
  TStatics extends string & keyof TCtor = never,
>(options: CreateSyncClientClassOptions<TStatics>): SyncClientClass<TCtor, TStatics> {
  const { exportName } = options;
  let moduleUrl: string | undefined;
  const url = (): string => {
    moduleUrl ??= resolveModuleUrl(options);
    return moduleUrl;
  };
  const name = options.className ?? exportName;
  const SyncClass = {
    [name]: class {
      constructor(...args: unknown[]) {
        const bridge = getSyncBridge();
        const encoded = encodeForWorker(bridge, args) as unknown[];
        const wire = bridge.request({
          op: "construct",
          moduleUrl: url(),
          exportName,
          args: encoded,
        }) as WireHandle;
        const proto = new.target.prototype as object;
        installSyncMembers(proto, wire.shape);
        // Returning an object from a constructor makes it the result of `new`; its prototype is
        // the class's, so `instanceof` holds.
        // biome-ignore lint/correctness/noConstructorReturn: the instance is the proxy adopted below
        return adoptHandle(Object.create(proto) as object, bridge, wire.handle);
      }
    },
  }[name]!;
  registerSyncClassPrototype(exportName, SyncClass.prototype);
  for (const method of options.staticMethods ?? []) {
    Object.defineProperty(SyncClass, method, {
      configurable: true,
      writable: true,
      value(...args: unknown[]): unknown {
        const bridge = getSyncBridge();
        const encoded = encodeForWorker(bridge, args) as unknown[];
        return bridge.call({ op: "callStatic", moduleUrl: url(), exportName, method, args: encoded });
      },
    });
  }
  return SyncClass as unknown as SyncClientClass<TCtor, TStatics>;
}
