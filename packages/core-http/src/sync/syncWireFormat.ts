// The messages the main thread and the sync bridge's worker exchange. Types only: the worker's
// code is shipped as text (see workerScript.ts), so both sides spell these literals out and the
// compiler checks them against these types.
import type { LogRecord, LogSettingsSnapshot } from "@azkit/core-logging";

/** The key that marks an encoded special value inside otherwise plain, structured-clone data. */
export type WireTagKey = "$azkitSync";

/** What kind of proxy the main thread builds for a worker-side object. */
export type ObjectKind = "object" | "paged" | "poller" | "asyncIterator" | "function";

/** The public face of a worker-side object: enough for the main thread to build its proxy. */
export interface ObjectShape {
  kind: ObjectKind;
  /** The constructor's name, for inspection and error messages. */
  className: string;
  /** Names of callable members (prototype chain and own), minus `then`/`catch`/`finally`/`constructor`. */
  methods: string[];
  /** Names of readable non-function members (getters and own data properties). */
  props: string[];
  /** Whether the object is async-iterable (its proxy is then sync-iterable). */
  asyncIterable: boolean;
}

/** A worker-side object, by handle, with its shape. */
export interface WireHandle {
  $azkitSync: "handle";
  handle: number;
  shape: ObjectShape;
}
/** A Buffer (structured clone would turn it into a plain Uint8Array). */
export interface WireBuffer {
  $azkitSync: "buffer";
  bytes: Uint8Array;
}
/** A main-thread sync proxy passed back: the worker substitutes the real object. */
export interface WireRef {
  $azkitSync: "ref";
  handle: number;
}
/** A main-thread function: the worker gets a function that calls it back. */
export interface WireCallback {
  $azkitSync: "callback";
  id: number;
}
/** An instance of a registered value class: the worker makes one of its own copy of the class. */
export interface WireConstruct {
  $azkitSync: "construct";
  moduleUrl: string;
  exportName: string;
  args: unknown[];
}
/** A plain object that happens to own the tag key, carried unchanged. */
export interface WireEscaped {
  $azkitSync: "escaped";
  value: Record<string, unknown>;
}

/** An error, as plain data: enough to rebuild an instance of the same class. */
export interface SerializedError {
  /** Constructor names from the error's own class up to `Error`. */
  classChain: string[];
  name: string;
  message: string;
  stack?: string;
  /** Own enumerable properties that survive structured clone (request/response already sanitized). */
  props: Record<string, unknown>;
  /** Properties holding errors (or arrays of errors), described the same way. */
  nested?: Record<string, SerializedError | SerializedError[]>;
  /** Own `Symbol.for(...)` brands, by key, with their primitive values. */
  brands: Record<string, unknown>;
  cause?: SerializedError | { value: unknown };
  /** The failed request: method, sanitized URL, allow-listed headers (no body). */
  request?: unknown;
  /** The response: status and allow-listed headers (no body). */
  response?: unknown;
  /** When something other than an object was thrown. */
  thrown?: unknown;
}

/** Main thread -> worker: the requests the main thread waits for. */
type AnsweredBridgeRequest =
  | { op: "construct"; id: number; moduleUrl: string; exportName: string; args: unknown[] }
  | { op: "callStatic"; id: number; moduleUrl: string; exportName: string; method: string; args: unknown[] }
  | { op: "call"; id: number; handle: number; method: string; args: unknown[] }
  | { op: "apply"; id: number; handle: number; args: unknown[] }
  | { op: "get"; id: number; handle: number; prop: string }
  | { op: "iterate"; id: number; handle: number }
  | { op: "next"; id: number; handle: number }
  | { op: "nextBatch"; id: number; handle: number; max: number }
  | { op: "return"; id: number; handle: number };

/** Main thread -> worker. */
export type BridgeRequest =
  | (AnsweredBridgeRequest & {
      /**
       * The main thread's log levels and patterns, sent only when they changed since the last
       * request; the worker applies them before running the request.
       */
      logSettings?: LogSettingsSnapshot;
    })
  | { op: "release"; handles: number[] }
  | { op: "callbackResult"; callId: number; ok: true; value: unknown }
  | { op: "callbackResult"; callId: number; ok: false; error: SerializedError };

/** Worker -> main thread. */
export type BridgeReply =
  | { type: "result"; id: number; value: unknown }
  | { type: "error"; id: number; error: SerializedError }
  | { type: "callback"; callId: number; callbackId: number; args: unknown[] }
  | { type: "releaseCallbacks"; ids: number[] }
  /** Records azkit loggers in the worker wrote, oldest first, for the main thread's sink. */
  | { type: "log"; records: LogRecord[] }
  | { type: "fatal"; error: SerializedError };

/** What the main thread hands the worker when it starts it. */
export interface WorkerBootData {
  port: import("node:worker_threads").MessagePort;
  /** One Int32 counter the worker bumps and notifies after each message it posts. */
  signal: SharedArrayBuffer;
  /**
   * URL of @azkit/core-logging: `createSanitizer` (error request/response redaction), and the
   * log settings and sink that make the worker log through the main thread.
   */
  sanitizerModuleUrl: string;
}
