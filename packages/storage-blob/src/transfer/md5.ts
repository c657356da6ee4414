import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { BlobIntegrityError } from "../models/blobIntegrityError.js";

export function md5(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("md5").update(data).digest());
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64");
}

/** Throws BlobIntegrityError when `actual` differs from `expected`. */
export function assertMD5(expected: Uint8Array, actual: Uint8Array, what: string): void {
  if (Buffer.compare(Buffer.from(expected), Buffer.from(actual)) !== 0) {
    throw new BlobIntegrityError(
      `${what}: MD5 of the received bytes differs from the service's Content-MD5`,
      toBase64(expected),
      toBase64(actual),
    );
  }
}

/** A pass-through that hashes and, at the end, fails the stream on an MD5 mismatch. */
export function md5VerifyingStream(expected: Uint8Array, what: string): Transform {
  const hash: Hash = createHash("md5");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      try {
        assertMD5(expected, new Uint8Array(hash.digest()), what);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

/** MD5 of a file (or a byte range of it), streamed. */
export async function md5OfFile(path: string, start?: number, end?: number): Promise<Uint8Array> {
  const hash = createHash("md5");
  for await (const chunk of createReadStream(path, { start, end })) hash.update(chunk as Buffer);
  return new Uint8Array(hash.digest());
}
