// The state and the parts of the sync bridge's worker program. The worker's functions are
// shipped as source text (see ../workerScript.ts), so they cannot import one another: each takes
// this runtime and reaches its siblings through `runtime.parts`.
import type { Sanitizer } from "@azkit/core-logging";
import type { mapArrayOnWrite, mapRecordOnWrite } from "../copyOnWrite.js";
import type { isCloneableBuiltin } from "../isCloneableBuiltin.js";
import type {
  BridgeReply,
  BridgeRequest,
  ObjectKind,
  ObjectShape,
  SerializedError,
} from "../syncWireFormat.js";
import type { bufferFromWire, bufferToWire } from "../wireBuffer.js";

/** The worker program's functions, each defined in its own file under src/sync/worker/. */
export interface WorkerParts {
  handleBridgeRequest(runtime: WorkerRuntime, request: BridgeRequest): Promise<unknown>;
  encodeForMain(runtime: WorkerRuntime, value: unknown, forceHandle?: boolean): unknown;
  decodeFromMain(runtime: WorkerRuntime, value: unknown): unknown;
  describeObjectShape(runtime: WorkerRuntime, value: object, kind: ObjectKind): ObjectShape;
  serializeWorkerError(sanitizer: Sanitizer | undefined, error: unknown, depth?: number): SerializedError;
  // Shared with the main thread's codecs (src/sync/*.ts import them directly).
  mapArrayOnWrite: typeof mapArrayOnWrite;
  mapRecordOnWrite: typeof mapRecordOnWrite;
  bufferToWire: typeof bufferToWire;
  bufferFromWire: typeof bufferFromWire;
  isCloneableBuiltin: typeof isCloneableBuiltin;
}

/** What the worker keeps between messages. */
export interface WorkerRuntime {
  parts: WorkerParts;
  /** Objects the main thread holds proxies for, by handle. */
  handles: Map<number, unknown>;
  nextHandle: number;
  /** Methods and readable members per prototype, computed once. */
  prototypeShapes: WeakMap<object, { methods: string[]; props: string[] }>;
  /** Main-thread callback invocations waiting for their answer, by call id. */
  pendingCallbacks: Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>;
  nextCallId: number;
  /** A paged list's read-ahead `next()` that had not settled when its batch was sent, by handle. */
  readAhead: Map<number, Promise<IteratorResult<unknown>>>;
  /** Tells the main thread when a callback function became garbage, so it can drop its side. */
  callbackRegistry: FinalizationRegistry<number>;
  /** Posts a reply and wakes the main thread. */
  post(reply: BridgeReply): void;
  loadModule(url: string): Promise<Record<string, unknown>>;
  /** Modules `loadModule` has finished loading, for code that cannot wait (decoding arguments). */
  loadedModules: Map<string, Record<string, unknown>>;
  /** The error as plain data, with request/response redacted. */
  describeError(error: unknown): Promise<SerializedError>;
}
