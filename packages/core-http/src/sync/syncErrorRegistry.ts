import {
  AbortError,
  AzureError,
  ClientAuthenticationError,
  HttpResponseError,
  ResourceExistsError,
  ResourceModifiedError,
  ResourceNotFoundError,
  RestError,
  ServiceRequestError,
  ServiceResponseError,
} from "../errors.js";
import { createHttpHeaders } from "../httpHeaders.js";
import { PagingError } from "../paging/pagingError.js";
import { DeserializationError, SerializationError } from "../serde/serdeErrors.js";
import type { SerializedError } from "./syncWireFormat.js";

/**
 * How to rebuild an error of a class that cannot be made with `Object.create(prototype)` (for
 * instance `DOMException`, whose getters check an internal slot).
 * @public
 */
export interface SyncErrorClassOptions {
  /**
   * Makes the instance from the worker-side error's message and name; the bridge then copies
   * the stack and own properties onto it.
   */
  create?: (message: string, name: string) => Error;
}

/**
 * An error class the sync bridge can rebuild: anything constructible whose instances are Errors.
 * @public
 */
export type SyncErrorClass = abstract new (...args: never[]) => Error;

interface RegistryEntry {
  ctor: SyncErrorClass;
  create?: ((message: string, name: string) => Error) | undefined;
}

const registry = new Map<string, RegistryEntry>();

/**
 * Lets errors of `errorClass` thrown inside the sync bridge's worker arrive on the main thread as
 * instances of `errorClass` (so `instanceof` and the class's getters work). Errors are matched by
 * constructor name, walking up the worker-side class chain: a subclass nobody registered
 * arrives as its nearest registered ancestor, and at worst as an `Error` with the original
 * `name`, message, stack and properties. Registering a second class under the same name replaces
 * the first.
 *
 * When: a service package calls it once, in its `/sync` entry, for each error class it defines.
 * core-http's own errors and the built-in errors are registered already.
 *
 * @example
 * ```ts
 * import { registerSyncErrorClass } from "@azkit/core-http";
 * import { BlobBatchError } from "./blobBatchError.js";
 * registerSyncErrorClass(BlobBatchError);
 * ```
 * @public
 */
export function registerSyncErrorClass(
  errorClass: SyncErrorClass,
  options: SyncErrorClassOptions = {},
): void {
  registry.set(errorClass.name, { ctor: errorClass, create: options.create });
}

for (const builtin of [Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError]) {
  registerSyncErrorClass(builtin);
}
registerSyncErrorClass(AggregateError, { create: (message) => new AggregateError([], message) });
if (typeof DOMException === "function") {
  registerSyncErrorClass(DOMException, { create: (message, name) => new DOMException(message, name) });
}
for (const azkitError of [
  AzureError,
  RestError,
  HttpResponseError,
  ResourceNotFoundError,
  ResourceExistsError,
  ResourceModifiedError,
  ClientAuthenticationError,
  ServiceRequestError,
  ServiceResponseError,
  AbortError,
  SerializationError,
  DeserializationError,
  PagingError,
]) {
  registerSyncErrorClass(azkitError);
}

/** A request or response as the worker redacted it, with `headers` made an HttpHeaders again. */
function reviveMessage(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const message = { ...(value as Record<string, unknown>) };
  if (message.headers !== null && typeof message.headers === "object") {
    message.headers = createHttpHeaders(message.headers as Record<string, string>);
  }
  if (message.request !== undefined) message.request = reviveMessage(message.request);
  return message;
}

const define = (target: object, key: PropertyKey, value: unknown, enumerable = false): void => {
  Object.defineProperty(target, key, { value, enumerable, writable: true, configurable: true });
};

/**
 * Rebuilds an error described by the worker as an instance of its registered class, without
 * running the class's constructor (constructors' parameters differ; the properties are copied).
 * Returns the thrown value itself when the worker threw something that is not an object.
 */
export function reviveSyncError(data: SerializedError, callerStack?: string): unknown {
  if (data.thrown !== undefined) return data.thrown;
  let entry: RegistryEntry | undefined;
  for (const name of data.classChain) {
    entry = registry.get(name);
    if (entry !== undefined) break;
  }
  entry ??= registry.get("Error")!;
  let error: Error;
  if (entry.create !== undefined) {
    error = entry.create(data.message, data.name);
  } else {
    error = Object.create(entry.ctor.prototype) as Error;
    define(error, "message", data.message);
  }
  if (error.name !== data.name) define(error, "name", data.name);
  const stack = data.stack ?? `${data.name}: ${data.message}`;
  define(
    error,
    "stack",
    callerStack === undefined
      ? stack
      : `${stack}\n    --- through the sync bridge, called from:${callerStack}`,
  );
  for (const [key, value] of Object.entries(data.props)) define(error, key, value, true);
  for (const [key, value] of Object.entries(data.nested ?? {})) {
    const revived = Array.isArray(value) ? value.map((v) => reviveSyncError(v)) : reviveSyncError(value);
    // AggregateError keeps `errors` off enumeration; other classes' error fields are ordinary.
    define(error, key, revived, !(error instanceof AggregateError && key === "errors"));
  }
  for (const [key, value] of Object.entries(data.brands)) define(error, Symbol.for(key), value);
  if (data.request !== undefined) define(error, "request", reviveMessage(data.request));
  if (data.response !== undefined) define(error, "response", reviveMessage(data.response));
  if (data.cause !== undefined) {
    define(error, "cause", "classChain" in data.cause ? reviveSyncError(data.cause) : data.cause.value);
  }
  return error;
}
