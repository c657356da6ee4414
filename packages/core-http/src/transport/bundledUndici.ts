// The undici that ships inside Node (it runs `fetch`), reached without installing anything: its
// dispatcher API sends a small request for about half the CPU of node:http (measured in the
// package README), but loading it takes 20-60 ms, so the default transport loads it only once a
// client is busy (see defaultHttpClient.ts).

/** A request as undici's `Dispatcher.dispatch` takes it (the subset azkit sends). */
export interface UndiciDispatchOptions {
  origin: string;
  path: string;
  method: string;
  headers: string[];
  body: string | Uint8Array | null;
  /** `false` keeps the connection after a HEAD (undici closes it by default). */
  reset: boolean;
  headersTimeout: number;
  bodyTimeout: number;
}

/** undici's handler interface (the one every undici since 5.x accepts). */
export interface UndiciHandler {
  onConnect(abort: (reason?: Error) => void): void;
  onHeaders(statusCode: number, rawHeaders: Buffer[], resume: () => void, statusText: string): boolean;
  onData(chunk: Buffer): boolean;
  onComplete(trailers: unknown): void;
  onError(error: Error): void;
  onUpgrade?(): void;
  onRequestSent?(): void;
}

/** An undici `Agent`: a pool per origin. */
export interface UndiciAgent {
  dispatch(options: UndiciDispatchOptions, handler: UndiciHandler): boolean;
  destroy(): Promise<void>;
}

/** The options of undici's `Agent` that azkit sets. */
export interface UndiciAgentOptions {
  connections: number | null;
  keepAliveTimeout: number;
  connect: Record<string, unknown>;
}

/** undici's `Agent` class. */
export type UndiciAgentClass = new (options: UndiciAgentOptions) => UndiciAgent;

/** undici's registered symbol for the process-wide dispatcher; it is how Node and undici share it. */
const GLOBAL_DISPATCHER = Symbol.for("undici.globalDispatcher.1");

let loaded: UndiciAgentClass | null | undefined;

/**
 * The `Agent` class of Node's bundled undici, or `undefined` where it cannot be reached. Reading a
 * web global that Node backs with undici (`Headers`) loads that module, which registers an `Agent`
 * as the global dispatcher unless the application installed one first; only an `Agent` (Node's or
 * an application's own undici) is used, never a proxy or mock dispatcher. Blocks for the load
 * (20-60 ms) the first time; cached after.
 */
export function loadBundledUndiciAgent(): UndiciAgentClass | undefined {
  if (loaded === undefined) loaded = findAgentClass() ?? null;
  return loaded ?? undefined;
}

function findAgentClass(): UndiciAgentClass | undefined {
  try {
    void (globalThis as { Headers?: unknown }).Headers;
    const dispatcher = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
    const Agent = (dispatcher as { constructor?: unknown } | undefined)?.constructor as
      | (UndiciAgentClass & { name: string; prototype: { dispatch?: unknown; destroy?: unknown } })
      | undefined;
    if (
      typeof Agent === "function" &&
      Agent.name === "Agent" &&
      typeof Agent.prototype.dispatch === "function" &&
      typeof Agent.prototype.destroy === "function"
    ) {
      return Agent;
    }
  } catch {
    // A runtime without it (or a locked-down global): node:http serves every request.
  }
  return undefined;
}
