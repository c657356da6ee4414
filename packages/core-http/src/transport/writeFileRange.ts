// node:http's writer of file range bodies: two buffers per request, each refilled from the file
// only when `req.write`'s callback says the socket has handed the previous bytes to the kernel, so
// a buffer is never overwritten while the socket still reads from it and a body of any length holds
// at most two chunks. Piping a stream instead gives no such signal: its buffers cannot be reused and
// a fresh buffer per chunk piles up as garbage until V8 collects it (V8 counts such memory as
// external and collects it late: tens of MiB of a process's peak).
import type { ClientRequest } from "node:http";
import type { TransferProgressEvent } from "../pipelineRequest.js";
import { FILE_RANGE_CHUNK_SIZE, type FileRange, fileEndedEarly } from "../fileRangeBody.js";

/** Buffers per request: one is read from the file while the other is being written. */
const BUFFERS = 2;

/**
 * Whole chunk buffers of finished requests, handed to the next request (parallel blocks follow one
 * another; a fresh buffer per request would be garbage V8 collects late). Dropped once no range
 * has been written for a while, so nothing stays held after an upload. The pause is generous: a
 * slow receiver can leave every block of an upload flushed to the kernel and awaiting its response
 * at the same moment.
 */
const idle: Buffer[] = [];
const MAX_IDLE = 16;
const DROP_IDLE_AFTER_MS = 1000;
let writers = 0;
/** Counts writes begun, so a drop scheduled before a later write began does not happen. */
let started = 0;

function dropIdleIfQuiet(startedThen: number): void {
  if (writers === 0 && started === startedThen) idle.length = 0;
}

/**
 * Writes `range` to `req` and ends it. `fail` gets a local failure (the file could not be read or
 * ended early) while the request is still alive; nothing is read after the request was destroyed.
 */
export function writeFileRange(
  req: ClientRequest,
  range: FileRange,
  onProgress: ((event: TransferProgressEvent) => void) | undefined,
  fail: (error: unknown) => void,
): void {
  const { file, offset, length } = range;
  if (length === 0) {
    req.end();
    return;
  }
  const whole = length >= FILE_RANGE_CHUNK_SIZE;
  const free: Buffer[] = [];
  let allocated = 0;
  let read = 0;
  let written = 0;
  let reading = false;
  let finished = false;
  writers++;
  started++;

  // Buffers no write holds any more go back to the shared list; one still in a failed write's
  // hands, or in a read when the request died, is left to the garbage collector.
  const finish = (): void => {
    if (finished) return;
    finished = true;
    if (whole) for (const buffer of free.splice(0)) if (idle.length < MAX_IDLE) idle.push(buffer);
    if (--writers === 0) setTimeout(dropIdleIfQuiet, DROP_IDLE_AFTER_MS, started).unref();
  };
  req.once("close", finish);

  const pump = (): void => {
    if (reading || read >= length || req.destroyed) return;
    let buffer = free.pop();
    if (buffer === undefined) {
      if (allocated === BUFFERS) return;
      allocated++;
      buffer = (whole && idle.pop()) || Buffer.allocUnsafe(Math.min(FILE_RANGE_CHUNK_SIZE, length));
    }
    reading = true;
    const want = Math.min(buffer.length, length - read);
    const filled = buffer;
    file.read(filled, 0, want, offset + read).then(
      ({ bytesRead }) => {
        reading = false;
        if (req.destroyed) return;
        if (bytesRead === 0) {
          fail(fileEndedEarly(offset, read, length));
          return;
        }
        read += bytesRead;
        const piece = bytesRead === filled.length ? filled : filled.subarray(0, bytesRead);
        const onWritten = (error?: Error | null): void => {
          if (error) return; // the request failed; its own error reports it
          written += bytesRead;
          onProgress?.({ loadedBytes: written });
          free.push(filled);
          if (written === length) finish();
          else pump();
        };
        if (read === length) req.end(piece, onWritten);
        else req.write(piece, onWritten);
        pump();
      },
      (error: unknown) => {
        reading = false;
        if (!req.destroyed) fail(error);
      },
    );
  };
  pump();
}
