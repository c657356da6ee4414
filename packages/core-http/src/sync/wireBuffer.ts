// How a Buffer crosses the sync bridge, in either direction. Structured clone turns a Buffer into a
// plain Uint8Array, so it is tagged on the way out and made a Buffer again on the way in. Both are
// worker parts (see ./workerScript.ts): shipped as source text, they must not reference anything
// outside their body.

/** The tagged wire form of `buffer`. */
export function bufferToWire(buffer: Buffer): { $azkitSync: "buffer"; bytes: Uint8Array } {
  // Structured clone copies a view's whole ArrayBuffer: a Buffer that owns its memory goes as
  // is (one copy), a slice of the shared pool (small Buffers) is copied to its own bytes first.
  const owned = buffer.buffer instanceof ArrayBuffer && buffer.byteLength === buffer.buffer.byteLength;
  return { $azkitSync: "buffer", bytes: owned ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer) };
}

/** The Buffer a `{ $azkitSync: "buffer" }` record stands for, sharing its bytes (no copy). */
export function bufferFromWire(record: Readonly<Record<string, unknown>>): Buffer {
  const bytes = record.bytes as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
