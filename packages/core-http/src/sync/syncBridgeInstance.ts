import { decodeFromWorker } from "./decodeFromWorker.js";
import { SyncBridge } from "./syncBridge.js";

let current: SyncBridge | undefined;

/** The process's sync bridge, started on first use (and again after its worker stopped). */
export function getSyncBridge(): SyncBridge {
  if (current === undefined || current.failed) current = new SyncBridge(decodeFromWorker);
  return current;
}

/**
 * Stops the sync bridge's worker thread. Objects made through the bridge stop working; the next
 * sync call starts a new worker. The worker never keeps a process alive, so calling this is
 * optional: use it when a long-running process is done with sync clients, or between tests.
 *
 * @example
 * ```ts
 * import { closeSyncBridge } from "@azkit/core-http";
 * await closeSyncBridge();
 * ```
 * @public
 */
export async function closeSyncBridge(): Promise<void> {
  const bridge = current;
  current = undefined;
  await bridge?.close();
}
