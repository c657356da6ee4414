import type { LogRecord, LogSettingsSnapshot, LogSink, Sanitizer } from "@azkit/core-logging";
import type { BridgeReply, BridgeRequest, SerializedError, WorkerBootData } from "../syncWireFormat.js";
import type { WorkerParts, WorkerRuntime } from "./workerRuntime.js";

/**
 * The worker program's entry: keeps the handle table, answers each request as soon as its
 * promise settles (requests run concurrently, so a callback may start a nested call), and wakes
 * the blocked main thread after every message it posts.
 * Shipped to the worker as source text: it must not reference anything outside its body; the
 * loader of modules comes from the worker script, where `import()` is not rewritten by tools.
 */
export function runSyncWorker(
  parts: WorkerParts,
  threads: typeof import("node:worker_threads"),
  importModule: (url: string) => Promise<Record<string, unknown>>,
): void {
  const boot = threads.workerData as WorkerBootData;
  const signal = new Int32Array(boot.signal);
  const port = boot.port;
  const modules = new Map<string, Promise<Record<string, unknown>>>();
  let sanitizer: Promise<Sanitizer | undefined> | undefined;
  let releasedCallbacks: number[] = [];

  const send = (reply: BridgeReply, wake = true): void => {
    port.postMessage(reply);
    if (!wake) return;
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };

  // Logging goes through the main thread: this thread takes its levels from each request that
  // carries them, and its sink posts records there. Loaded before the first request runs, so
  // nothing a client logs is missed; without @azkit/core-logging (a bundled app) the worker
  // keeps its own settings.
  interface LoggingModule {
    applyLogSettingsSnapshot?: (snapshot: LogSettingsSnapshot) => void;
    setLogSink?: (sink: LogSink | undefined) => void;
    createSanitizer?: () => Sanitizer;
  }
  let logging: LoggingModule | undefined;
  // Records written in one turn of the event loop cross together, and with the reply that
  // follows them when there is one (one wake-up of the main thread, not one per record); they
  // always arrive before any reply posted after them.
  let pendingRecords: LogRecord[] = [];
  const jsonSafe = (record: LogRecord): LogRecord => {
    const { time, level, namespace, message, ...fields } = record;
    let copy: Record<string, unknown>;
    try {
      copy = JSON.parse(JSON.stringify(fields, (_key, v) => (typeof v === "bigint" ? v.toString() : v)));
    } catch {
      copy = { fields: "[unserializable fields]" };
    }
    return { ...copy, time, level, namespace, message };
  };
  const flushRecords = (wake = true): void => {
    if (pendingRecords.length === 0) return;
    const records = pendingRecords;
    pendingRecords = [];
    try {
      send({ type: "log", records }, wake);
    } catch {
      // A field structured clone refuses (a function, a symbol): that record goes as JSON sees it.
      for (const record of records) {
        try {
          send({ type: "log", records: [record] }, wake);
        } catch {
          send({ type: "log", records: [jsonSafe(record)] }, wake);
        }
      }
    }
  };
  const forwardRecord = (record: LogRecord): void => {
    if (pendingRecords.push(record) === 1) setImmediate(() => flushRecords());
  };
  const post = (reply: BridgeReply): void => {
    // The reply's wake-up serves the records too.
    flushRecords(false);
    send(reply);
  };
  const loggingReady: Promise<void> = (
    boot.sanitizerModuleUrl === "" ? Promise.reject() : importModule(boot.sanitizerModuleUrl)
  ).then(
    (module) => {
      logging = module as LoggingModule;
      logging.setLogSink?.(forwardRecord);
    },
    () => {
      logging = {};
    },
  );
  const applyLogSettings = (snapshot: LogSettingsSnapshot | undefined): void => {
    if (snapshot === undefined) return;
    try {
      logging?.applyLogSettingsSnapshot?.(snapshot);
    } catch {
      // Settings a different copy of core-logging refuses: keep the ones in force.
    }
  };
  const runtime: WorkerRuntime = {
    parts,
    handles: new Map(),
    nextHandle: 0,
    prototypeShapes: new WeakMap(),
    pendingCallbacks: new Map(),
    nextCallId: 0,
    readAhead: new Map(),
    callbackRegistry: new FinalizationRegistry((id: number) => {
      // Batched: a garbage collection usually frees many callbacks at once.
      if (releasedCallbacks.length === 0) {
        setImmediate(() => {
          const ids = releasedCallbacks;
          releasedCallbacks = [];
          post({ type: "releaseCallbacks", ids });
        }).unref();
      }
      releasedCallbacks.push(id);
    }),
    post,
    loadedModules: new Map(),
    loadModule(url) {
      let module = modules.get(url);
      if (module === undefined) {
        module = importModule(url).then((loaded) => {
          runtime.loadedModules.set(url, loaded);
          return loaded;
        });
        modules.set(url, module);
        module.catch(() => modules.delete(url));
      }
      return module;
    },
    async describeError(error) {
      sanitizer ??= loggingReady.then(() => logging?.createSanitizer?.());
      return parts.serializeWorkerError(await sanitizer, error);
    },
  };
  const reviveCallbackError = (data: SerializedError): Error => {
    const error = new Error(data.message);
    error.name = data.name;
    if (data.stack !== undefined) error.stack = data.stack;
    Object.assign(error, data.props);
    return error;
  };
  const answer = (id: number, request: BridgeRequest): void => {
    parts.handleBridgeRequest(runtime, request).then(
      (value) => {
        try {
          post({ type: "result", id, value });
        } catch (error) {
          // The value held something structured clone refuses (a symbol, a WeakMap...).
          runtime.describeError(error).then((data) => post({ type: "error", id, error: data }));
        }
      },
      (error) => runtime.describeError(error).then((data) => post({ type: "error", id, error: data })),
    );
  };

  port.on("message", (request: BridgeRequest) => {
    switch (request.op) {
      case "release":
        for (const handle of request.handles) {
          runtime.handles.delete(handle);
          runtime.readAhead.delete(handle);
        }
        return;
      case "callbackResult": {
        const pending = runtime.pendingCallbacks.get(request.callId);
        runtime.pendingCallbacks.delete(request.callId);
        if (pending === undefined) return;
        if (request.ok) pending.resolve(parts.decodeFromMain(runtime, request.value));
        else pending.reject(reviveCallbackError(request.error));
        return;
      }
      default:
        if (logging === undefined) {
          loggingReady.then(() => {
            applyLogSettings(request.logSettings);
            answer(request.id, request);
          });
        } else {
          applyLogSettings(request.logSettings);
          answer(request.id, request);
        }
    }
  });
  // A failure nobody awaits (a fire-and-forget promise inside a client) must not end the worker
  // and leave the main thread waiting forever.
  process.on("unhandledRejection", () => {});
  let fatalSent = false;
  const fatal = (error: unknown): void => {
    if (fatalSent) return;
    fatalSent = true;
    post({ type: "fatal", error: parts.serializeWorkerError(undefined, error) });
  };
  // An exception nobody catches ends the worker: tell the blocked main thread first, or it
  // would wait forever.
  process.on("uncaughtException", (error) => {
    fatal(error);
    process.exit(1);
  });
  process.on("exit", () => fatal(new Error("sync bridge: the worker thread exited")));
}
