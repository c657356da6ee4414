import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  SHARE_ENV,
  Worker,
} from "node:worker_threads";
import {
  createSanitizer,
  emitLogRecord,
  getLogSettingsGeneration,
  getLogSettingsSnapshot,
  type Sanitizer,
} from "@azkit/core-logging";
import { encodeForWorker } from "./encodeForWorker.js";
import { reviveSyncError } from "./syncErrorRegistry.js";
import type { BridgeReply, BridgeRequest, WorkerBootData } from "./syncWireFormat.js";
import { serializeWorkerError } from "./worker/serializeWorkerError.js";
import { buildWorkerScript } from "./workerScript.js";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A request the main thread waits for (everything but the fire-and-forget ones). */
export type AnsweredRequest = DistributiveOmit<
  Exclude<BridgeRequest, { op: "release" } | { op: "callbackResult" }>,
  "id"
>;

let mainSanitizer: Sanitizer | undefined;

/**
 * Where the worker loads the sanitizer from. When it cannot be found (a bundled application),
 * the worker drops error headers and query strings instead of redacting them one by one.
 */
function sanitizerModuleUrl(): string {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve("@azkit/core-logging")).href;
  } catch {
    return "";
  }
}

/**
 * One worker thread hosting async objects, and the main thread's blocking side of it.
 *
 * The main thread posts a request on a MessagePort and sleeps in `Atomics.wait` on a shared
 * counter that the worker bumps after every message it posts; it then takes the messages with
 * `receiveMessageOnPort` (never through events, which cannot run while it blocks). Requests
 * carry ids, so answers may arrive in any order: while waiting for one, the main thread runs the
 * callbacks the worker asks for, and a callback may itself make a (nested) blocking call.
 */
export class SyncBridge {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly signal: Int32Array;
  private nextId = 0;
  private readonly replies = new Map<number, BridgeReply>();
  /** Main-thread callbacks by id, with the callback nesting depth they were passed at. */
  private readonly callbacks = new Map<number, { fn: Function; depth: number }>();
  /** How many callbacks are running (a callback's own sync calls wait one level deeper). */
  private depth = 0;
  /** Callback requests put off until the callback running now returns (see `waitFor`). */
  private deferred: Extract<BridgeReply, { type: "callback" }>[] = [];
  private nextCallbackId = 0;
  private pendingReleases: number[] = [];
  /** Callback requests that arrived between sync calls, for the next call to run first. */
  private inbox: BridgeReply[] = [];
  private failure: Error | undefined;
  /** The main thread's log settings generation the worker last received (none yet: -1). */
  private logGeneration = -1;

  constructor(private readonly decode: (bridge: SyncBridge, value: unknown) => unknown) {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const workerData: WorkerBootData = {
      port: port2,
      signal: shared,
      sanitizerModuleUrl: sanitizerModuleUrl(),
    };
    this.worker = new Worker(buildWorkerScript(), {
      eval: true,
      name: "azkit sync bridge",
      // One process.env for both threads: AZURE_* credentials and HTTP(S)_PROXY / NO_PROXY set
      // here after the worker started still reach code that reads them at request time there.
      env: SHARE_ENV,
      workerData,
      transferList: [port2],
    });
    // Never keep the process alive: a blocked call keeps it busy anyway, and between calls the
    // worker only holds objects.
    this.worker.unref();
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => this.fail(new Error("sync bridge: the worker thread has stopped")));
    this.port = port1;
    // Between sync calls, the worker's log records (and the callbacks it dropped) are handled
    // as they arrive; callback requests wait for the next call, as documented. During a call the
    // thread is blocked, so no event fires and `waitFor` takes the messages itself.
    this.port.on("message", (message: BridgeReply) => {
      if (message.type === "callback") this.inbox.push(message);
      else this.dispatch(message);
    });
    this.port.unref();
    this.signal = new Int32Array(shared);
  }

  /** Whether the worker has stopped (a new bridge is then needed). */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Sends a request, blocks until its answer, and returns the decoded result or throws the error. */
  call(request: AnsweredRequest): unknown {
    return this.decode(this, this.request(request));
  }

  /** Sends a request and blocks until its answer; returns the undecoded result. */
  request(request: AnsweredRequest): unknown {
    if (this.failure !== undefined) throw this.failure;
    const id = ++this.nextId;
    this.flushReleases();
    // The worker logs with this thread's levels: they travel with the first request after they
    // changed (a number compare per call otherwise).
    const generation = getLogSettingsGeneration();
    try {
      this.port.postMessage(
        generation === this.logGeneration
          ? { ...request, id }
          : { ...request, id, logSettings: getLogSettingsSnapshot() },
      );
      this.logGeneration = generation;
    } catch (error) {
      throw new TypeError(
        `sync bridge: an argument cannot be copied to the worker thread (${(error as Error).message}). ` +
          "Pass plain data, Uint8Array/Buffer, Date, functions, or objects from a /sync entry.",
      );
    }
    const reply = this.waitFor(id);
    if (reply.type === "error") {
      const callerStack = new Error().stack?.split("\n").slice(2).join("\n");
      throw reviveSyncError(reply.error, callerStack === undefined ? undefined : `\n${callerStack}`);
    }
    return (reply as { value: unknown }).value;
  }

  /** Keeps a main-thread function for the worker to call back; returns its id. */
  registerCallback(fn: Function): number {
    const id = ++this.nextCallbackId;
    this.callbacks.set(id, { fn, depth: this.depth });
    return id;
  }

  /** Lets the worker drop an object no proxy stands for any more (sent with the next message). */
  release(handle: number): void {
    if (this.failure !== undefined) return;
    this.pendingReleases.push(handle);
    if (this.pendingReleases.length === 1) setImmediate(() => this.flushReleases()).unref();
  }

  /** Stops the worker; pending and later calls throw. */
  async close(): Promise<void> {
    this.fail(new Error("sync bridge: closed"));
    await this.worker.terminate();
  }

  private flushReleases(): void {
    if (this.pendingReleases.length === 0 || this.failure !== undefined) return;
    this.port.postMessage({ op: "release", handles: this.pendingReleases } satisfies BridgeRequest);
    this.pendingReleases = [];
  }

  private fail(error: Error): void {
    this.failure ??= error;
  }

  /**
   * Callbacks run in the order the worker asked for them, one at a time: while a callback's own
   * sync call waits, only callbacks passed to that call (or deeper) may run; the others wait for
   * the callback to return. Callbacks that arrived before the answer run before it is returned.
   */
  private canRunNow(callbackId: number): boolean {
    return (this.callbacks.get(callbackId)?.depth ?? this.depth) >= this.depth;
  }

  private waitFor(id: number): BridgeReply {
    for (;;) {
      const next = this.deferred.findIndex((message) => this.canRunNow(message.callbackId));
      if (next !== -1) {
        const [message] = this.deferred.splice(next, 1);
        this.runCallback(message!.callId, message!.callbackId, message!.args);
        continue;
      }
      const reply = this.replies.get(id);
      if (reply !== undefined) {
        this.replies.delete(id);
        return reply;
      }
      if (this.failure !== undefined) throw this.failure;
      const seen = Atomics.load(this.signal, 0);
      const received = this.inbox.shift() ?? (receiveMessageOnPort(this.port)?.message as BridgeReply);
      if (received === undefined) {
        Atomics.wait(this.signal, 0, seen);
        continue;
      }
      this.dispatch(received);
    }
  }

  private dispatch(message: BridgeReply): void {
    switch (message.type) {
      case "result":
      case "error":
        this.replies.set(message.id, message);
        return;
      case "callback":
        if (this.deferred.length === 0 && this.canRunNow(message.callbackId)) {
          this.runCallback(message.callId, message.callbackId, message.args);
        } else {
          this.deferred.push(message);
        }
        return;
      case "log":
        // Made in the worker under this thread's levels; this thread's sink receives it.
        for (const record of message.records) emitLogRecord(record);
        return;
      case "releaseCallbacks":
        for (const id of message.ids) this.callbacks.delete(id);
        return;
      case "fatal": {
        const cause = reviveSyncError(message.error);
        const reason = cause instanceof Error ? cause.message : String(cause);
        this.fail(
          new Error(
            `sync bridge: the worker thread failed (${reason}); objects made through it can no longer be used`,
            { cause },
          ),
        );
      }
    }
  }

  private runCallback(callId: number, callbackId: number, args: unknown[]): void {
    let answer: BridgeRequest;
    this.depth++;
    try {
      const fn = this.callbacks.get(callbackId)?.fn;
      if (fn === undefined) throw new Error("sync bridge: the callback no longer exists");
      let value: unknown = fn(...(this.decode(this, args) as unknown[]));
      if (
        value !== null &&
        typeof value === "object" &&
        typeof (value as PromiseLike<unknown>).then === "function"
      ) {
        // The main thread is blocked, so the promise cannot settle before the call returns:
        // the worker gets undefined, as from a callback that returns nothing.
        (value as Promise<unknown>).then(undefined, () => {});
        value = undefined;
      }
      answer = { op: "callbackResult", callId, ok: true, value: encodeForWorker(this, value) };
    } catch (error) {
      mainSanitizer ??= createSanitizer();
      answer = { op: "callbackResult", callId, ok: false, error: serializeWorkerError(mainSanitizer, error) };
    } finally {
      this.depth--;
    }
    this.port.postMessage(answer);
  }
}
