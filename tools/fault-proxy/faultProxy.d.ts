import type { IncomingMessage } from "node:http";

/** How a faulted connection ends: kept silent (until `hangInMs` or close), closed (FIN) or reset (RST). */
export type FaultEnding = "hang" | "fin" | "rst";

/** One fault, the vocabulary of the Azure SDKs' http-fault-injector. */
export type Fault =
  | { kind: "none" }
  | { kind: "partialBody"; ending: FaultEnding; fraction?: number }
  | { kind: "noResponse"; ending: FaultEnding }
  | { kind: "status"; status: number; retryAfterInSeconds?: number }
  | { kind: "rangeIgnored" }
  | { kind: "rangeShifted"; shift: number }
  | { kind: "slowDrip"; chunkBytes: number; intervalInMs: number };

export type FaultKind = Fault["kind"];
export declare const FAULT_KINDS: readonly FaultKind[];

/** Chooses the fault for each request (index counts from 0). */
export type FaultChooser = (request: IncomingMessage, index: number) => Fault | undefined;

/** A seeded PRNG in [0, 1). */
export declare function seededRandom(seed: number): () => number;

/** A reproducible mix: each kind's probability per request, details drawn from the same seed. */
export declare function seededMix(
  seed: number,
  mix: Partial<Record<Exclude<FaultKind, "none">, number>>,
  options?: { applies?: (request: IncomingMessage) => boolean },
): FaultChooser;

export interface FaultProxy {
  /** The proxy's origin, `http://127.0.0.1:<port>`; append the target's path. */
  url: string;
  port: number;
  /** Requests seen and faults injected, by kind. */
  stats: { requests: number; faults: Record<FaultKind, number> };
  /** One entry per request, the last `logLimit` (1,000 by default) only. */
  log: Array<{ index: number; method: string | undefined; url: string | undefined; fault: Fault }>;
  setDecide(decide: FaultChooser): void;
  openSockets(): number;
  /** Destroys every socket (ending hangs) and stops listening. */
  close(): Promise<void>;
}

export declare function startFaultProxy(options: {
  target: string;
  decide?: FaultChooser;
  hangInMs?: number;
  lifetimeInMs?: number;
  logLimit?: number;
}): Promise<FaultProxy>;
