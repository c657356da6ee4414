import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, open, rm, writeFile, type FileHandle } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDefaultHttpClient,
  createFileRangeBody,
  createPipelineRequest,
  isAbortError,
  isServiceRequestError,
  type TransferProgressEvent,
} from "../../src/index.js";
import { TRANSPORT_ENGINES } from "../helpers/engines.js";
import { serveClosedAfterEach, until } from "../helpers/loopbackServer.js";

const serve = serveClosedAfterEach();
const MiB = 1024 * 1024;
const CHUNK = 1024 * 1024;

let dir: string;
let path: string;
let content: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "azkit-file-range-"));
  path = join(dir, "source.bin");
  content = randomBytes(12 * MiB + 1234);
  await writeFile(path, content);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The file, with every read it serves recorded: which buffers it filled and how much. */
function recorded(file: FileHandle) {
  const buffers = new Set<ArrayBufferLike>();
  const seen = { reads: 0, pending: 0, bytes: 0, largestRead: 0, buffers };
  const read = async (buffer: Buffer, offset: number, length: number, position: number) => {
    seen.reads++;
    seen.pending++;
    buffers.add(buffer.buffer);
    seen.largestRead = Math.max(seen.largestRead, length);
    try {
      const result = await file.read(buffer, offset, length, position);
      seen.bytes += result.bytesRead;
      return result;
    } finally {
      seen.pending--;
    }
  };
  return { file: { read } as unknown as FileHandle, seen };
}

/** A server that hashes each request body, reading it slowly (a pause after every chunk). */
async function slowHashingServer() {
  return serve(
    (req, res) => {
      const hash = createHash("sha256");
      let received = 0;
      req.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        received += chunk.length;
        req.pause();
        setImmediate(() => req.resume());
      });
      req.on("end", () => res.end(JSON.stringify({ received, sha256: hash.digest("hex") })));
    },
    { raw: true },
  );
}

const put = (url: string, body: () => NodeJS.ReadableStream, extra = {}) =>
  createPipelineRequest({ url, method: "PUT", body, allowInsecureConnection: true, ...extra });

for (const engine of TRANSPORT_ENGINES) {
  describe(`createFileRangeBody on ${engine}`, () => {
    const client = createDefaultHttpClient({ engine });

    it("sends the range with its Content-Length, the same bytes on every attempt", async () => {
      const server = await slowHashingServer();
      const file = await open(path, "r");
      try {
        const offset = 1000;
        const length = 3 * MiB + 17;
        const body = createFileRangeBody(file, offset, length);
        const expected = { received: length, sha256: sha256(content.subarray(offset, offset + length)) };
        for (let attempt = 0; attempt < 2; attempt++) {
          const response = await client.sendRequest(put(server.url, body));
          expect(JSON.parse(response.bodyAsText!)).toEqual(expected);
        }
        expect(server.requests.map((r) => r.headers["content-length"])).toEqual([
          String(length),
          String(length),
        ]);
      } finally {
        await file.close();
      }
    });

    it("reads a 12 MiB range into two reused buffers while a slow server drains it", async () => {
      const server = await slowHashingServer();
      const handle = await open(path, "r");
      const { file, seen } = recorded(handle);
      const progress: TransferProgressEvent[] = [];
      try {
        const response = await client.sendRequest(
          put(server.url, createFileRangeBody(file, 0, content.length), {
            onUploadProgress: (e: TransferProgressEvent) => progress.push(e),
          }),
        );
        // Every byte arrived intact: no buffer was refilled while the socket still held it.
        expect(JSON.parse(response.bodyAsText!)).toEqual({
          received: content.length,
          sha256: sha256(content),
        });
        expect(seen.buffers.size).toBeLessThanOrEqual(2);
        expect(seen.largestRead).toBeLessThanOrEqual(CHUNK);
        expect(seen.reads).toBeGreaterThanOrEqual(Math.ceil(content.length / CHUNK));
        expect(progress.at(-1)?.loadedBytes).toBe(content.length);
        const loaded = progress.map((e) => e.loadedBytes);
        expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      } finally {
        await handle.close();
      }
    });

    it("hands its buffers to the next request instead of allocating new ones", async () => {
      const server = await slowHashingServer();
      const handle = await open(path, "r");
      const { file, seen } = recorded(handle);
      try {
        for (let block = 0; block < 3; block++) {
          const body = createFileRangeBody(file, block * 3 * MiB, 3 * MiB);
          const response = await client.sendRequest(put(server.url, body));
          expect(JSON.parse(response.bodyAsText!).received).toBe(3 * MiB);
        }
        expect(seen.buffers.size).toBeLessThanOrEqual(2);
      } finally {
        await handle.close();
      }
    });

    it("fails locally, not retried, when the file is shorter than the range", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      const file = await open(path, "r");
      try {
        const error = await client
          .sendRequest(put(server.url, createFileRangeBody(file, content.length - 10, 100)))
          .catch((e: unknown) => e);
        expect(isServiceRequestError(error)).toBe(true);
        expect(error).toMatchObject({ code: "BODY_STREAM_FAILED" });
        expect((error as Error).message).toContain("the file ended at byte");
      } finally {
        await file.close();
      }
    });

    it("refuses a Content-Length other than the range's length before sending", async () => {
      const server = await serve((_req, res) => res.end("ok"));
      const file = await open(path, "r");
      try {
        const request = put(server.url, createFileRangeBody(file, 0, 100));
        request.headers.set("content-length", "99");
        const error = await client.sendRequest(request).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: "BODY_LENGTH_MISMATCH" });
      } finally {
        await file.close();
      }
    });
  });
}

describe("createFileRangeBody on node:http with a server that does not read", () => {
  it("reads no further than the socket takes, and stops reading on abort", async () => {
    // A sparse file much larger than what the two kernel socket buffers can hold between them.
    const sparse = join(dir, "sparse.bin");
    const size = 128 * MiB;
    const created = await open(sparse, "w");
    await created.truncate(size);
    await created.close();
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.pause();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = createDefaultHttpClient({ engine: "node:http" });
    const handle = await open(sparse, "r");
    const { file, seen } = recorded(handle);
    try {
      const controller = new AbortController();
      const pending = client
        .sendRequest(put(url, createFileRangeBody(file, 0, size), { abortSignal: controller.signal }))
        .catch((e: unknown) => e);
      // Wait until the reads have stopped for a while: with backpressure they stop once both socket
      // buffers are full; without it they would go on to the end of the file.
      let last = -1;
      let still = 0;
      await until(() => {
        still = seen.bytes === last && seen.pending === 0 ? still + 1 : 0;
        last = seen.bytes;
        return still >= 200;
      }, "the file reads to stop");
      const kernelBuffers = maxBuffer("tcp_wmem") + maxBuffer("tcp_rmem");
      expect(seen.bytes).toBeLessThanOrEqual(kernelBuffers + 2 * CHUNK);
      expect(seen.bytes).toBeLessThan(size);
      const readsAtAbort = seen.reads;
      controller.abort();
      expect(isAbortError(await pending)).toBe(true);
      await until(() => seen.pending === 0, "the last read to settle");
      expect(seen.reads).toBe(readsAtAbort);
    } finally {
      await handle.close();
      client.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("createFileRangeBody as a stream factory", () => {
  it("streams the same range for transports that read streams, and fails on a short file", async () => {
    const file = await open(path, "r");
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of createFileRangeBody(file, 5, MiB)()) chunks.push(chunk as Buffer);
      expect(sha256(Buffer.concat(chunks))).toBe(sha256(content.subarray(5, 5 + MiB)));
      const short = (async () => {
        for await (const _ of createFileRangeBody(file, content.length - 1, 2)());
      })();
      await expect(short).rejects.toThrow(/the file ended at byte/);
    } finally {
      await file.close();
    }
  });

  it("refuses a negative or fractional offset or length", async () => {
    const file = await open(path, "r");
    try {
      expect(() => createFileRangeBody(file, -1, 10)).toThrow(RangeError);
      expect(() => createFileRangeBody(file, 0, 1.5)).toThrow(/length must be a non-negative integer/);
    } finally {
      await file.close();
    }
  });
});

/** The largest socket buffer Linux grows to (bytes); a generous default elsewhere. */
function maxBuffer(name: "tcp_wmem" | "tcp_rmem"): number {
  try {
    return Number(readFileSync(`/proc/sys/net/ipv4/${name}`, "utf8").trim().split(/\s+/)[2]);
  } catch {
    return 32 * MiB;
  }
}
