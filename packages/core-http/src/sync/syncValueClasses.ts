import { resolveModuleUrl } from "./resolveModuleUrl.js";
import type { SyncModuleLocation } from "./syncModuleLocation.js";

/**
 * How a value class crosses to the sync bridge's worker: where the worker finds the same class,
 * and the constructor arguments that rebuild an instance there.
 * @public
 */
export interface SyncValueClassOptions<T> extends SyncModuleLocation {
  /** The arguments that make an equal instance, e.g. `(c) => [c.accountName, c.accountKey]`. */
  constructorArguments: (value: T) => unknown[];
}

interface ValueClassEntry {
  location: SyncModuleLocation;
  moduleUrl?: string;
  constructorArguments: (value: never) => unknown[];
}

const valueClasses = new Map<Function, ValueClassEntry>();

/**
 * Lets instances of a class that does no I/O (a shared-key credential, a permissions object)
 * be passed to sync clients and arrive in the worker as instances of the worker's copy of the
 * same class, so the async client's `instanceof` checks hold. Without it, a class instance
 * crosses as plain data (own properties plus getter values) and loses its class.
 *
 * When: in a package's `src/sync.ts`, for each class it re-exports as is and whose instances its
 * clients take as arguments.
 *
 * @example
 * ```ts
 * import { registerSyncValueClass } from "@azkit/core-http";
 * import { StorageSharedKeyCredential } from "./credentials/storageSharedKeyCredential.js";
 * registerSyncValueClass(StorageSharedKeyCredential, {
 *   moduleSpecifier: "@azkit/storage-blob",
 *   resolveFrom: import.meta.url,
 *   exportName: "StorageSharedKeyCredential",
 *   constructorArguments: (credential) => [credential.accountName, credential.accountKey],
 * });
 * ```
 * @public
 */
export function registerSyncValueClass<T extends object>(
  valueClass: abstract new (...args: never[]) => T,
  options: SyncValueClassOptions<T>,
): void {
  const { constructorArguments, ...location } = options;
  valueClasses.set(valueClass, { location, constructorArguments });
}

/**
 * The wire form of `value` when its class (or an ancestor) is registered: module, export and
 * constructor arguments (still to be encoded); undefined otherwise.
 */
export function describeValueInstance(
  value: object,
): { moduleUrl: string; exportName: string; args: unknown[] } | undefined {
  for (
    let p = Object.getPrototypeOf(value);
    p !== null && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    const entry = Object.hasOwn(p, "constructor") ? valueClasses.get(p.constructor) : undefined;
    if (entry === undefined) continue;
    entry.moduleUrl ??= resolveModuleUrl(entry.location);
    return {
      moduleUrl: entry.moduleUrl,
      exportName: entry.location.exportName,
      args: entry.constructorArguments(value as never),
    };
  }
  return undefined;
}
