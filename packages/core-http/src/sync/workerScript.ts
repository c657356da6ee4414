import { mapArrayOnWrite, mapRecordOnWrite } from "./copyOnWrite.js";
import { isCloneableBuiltin } from "./isCloneableBuiltin.js";
import { bufferFromWire, bufferToWire } from "./wireBuffer.js";
import { decodeFromMain } from "./worker/decodeFromMain.js";
import { describeObjectShape } from "./worker/describeObjectShape.js";
import { encodeForMain } from "./worker/encodeForMain.js";
import { handleBridgeRequest } from "./worker/handleBridgeRequest.js";
import { runSyncWorker } from "./worker/runSyncWorker.js";
import { serializeWorkerError } from "./worker/serializeWorkerError.js";
import type { WorkerParts } from "./worker/workerRuntime.js";

const workerParts: WorkerParts = {
  handleBridgeRequest,
  encodeForMain,
  decodeFromMain,
  describeObjectShape,
  serializeWorkerError,
  mapArrayOnWrite,
  mapRecordOnWrite,
  bufferToWire,
  bufferFromWire,
  isCloneableBuiltin,
};

let script: string | undefined;

/**
 * The sync bridge's worker program as source text, for `new Worker(source, { eval: true })`.
 *
 * Why text: the package ships as one ESM and one CJS bundle (and runs from TypeScript sources in
 * tests), and no single worker file path works from all three. The worker's functions are
 * self-contained (they reach each other through the runtime's `parts`), so their compiled source
 * is the program. `fn.name` is used rather than the key because a bundler may rename a function.
 */
export function buildWorkerScript(): string {
  if (script !== undefined) return script;
  const definitions = Object.values(workerParts).map((fn) => fn.toString());
  const table = Object.entries(workerParts).map(([key, fn]) => `${key}: ${fn.name}`);
  script = [
    '"use strict";',
    ...definitions,
    runSyncWorker.toString(),
    // import(), not require: the script runs as CommonJS, or as ESM when the parent process was
    // started with --input-type=module (workers inherit execArgv, and passing a filtered copy
    // would make Node refuse per-process flags such as --expose-gc).
    `import("node:worker_threads").then((threads) => ${runSyncWorker.name}({ ${table.join(", ")} }, threads, (url) => import(url)));`,
  ].join("\n");
  return script;
}
