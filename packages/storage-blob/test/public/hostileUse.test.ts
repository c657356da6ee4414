// Issue #17: ten defects found by careful but hostile use, each pinned by a test that failed
// before its fix, plus the "also fix" list. Real Azurite, and tools/fault-proxy in front of it
// where the network has to misbehave.
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import {
  AbortError,
  isRestError,
  isServiceRequestError,
  isServiceResponseError,
  ServiceResponseError,
} from "@azkit/core-http";
import { type FaultChooser, type FaultProxy, startFaultProxy } from "fault-proxy";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import {
  BlobClient,
  BlobServiceClient,
  type BlockBlobClient,
  type ContainerClient,
  StorageRetryPolicyType,
  StorageSharedKeyCredential,
  type StoragePipelineOptions,
} from "../../src/index.js";
import { azurite, containerPerFile, serviceClient } from "../helpers/azurite.js";

let container: ContainerClient;
containerPerFile("hostile", (c) => {
  container = c;
});

const proxies: FaultProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

/** The test container, reached through a fault proxy that applies `decide`. */
async function viaProxy(decide: FaultChooser, options: StoragePipelineOptions = { retryTotal: 0 }) {
  const { port, accountName, accountKey } = azurite();
  const proxy = await startFaultProxy({ target: `http://127.0.0.1:${port}`, decide, hangInMs: 5_000 });
  proxies.push(proxy);
  const service = new BlobServiceClient(
    `${proxy.url}/${accountName}`,
    new StorageSharedKeyCredential(accountName, accountKey),
    options,
  );
  return { proxy, container: service.getContainerClient(container.containerName) };
}

async function drain(stream: NodeJS.ReadableStream): Promise<{ bytes: Buffer; error?: unknown }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks) };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}

/** A blob holding `text`, to show a failed call left it as it was. */
async function blobHolding(name: string, text = "original"): Promise<BlockBlobClient> {
  const blob = container.getBlockBlobClient(name);
  await blob.upload(text, Buffer.byteLength(text));
  return blob;
}
const contentOf = async (blob: BlobClient) => (await blob.downloadToBuffer()).toString();

describe("1. names with dot segments", () => {
  it("are refused with a clear error instead of being resolved into another container", () => {
    const uploads = serviceClient().getContainerClient("uploads");
    for (const name of ["x/../../private/config.json", "./a", "a/./b", "a/..", ".."]) {
      expect(() => uploads.getBlockBlobClient(name)).toThrow(/has a "\." or "\.\." path segment/);
    }
    expect(() => serviceClient().getContainerClient("..")).toThrow(RangeError);
    expect(() => new BlobClient(azurite().connectionString, "uploads", "../x")).toThrow(RangeError);
  });

  it("keep every other name exactly as given", () => {
    const uploads = serviceClient().getContainerClient("uploads");
    for (const name of ["a/.../b", "..x/y..", "a//b", "100% sure?#", ". /x"]) {
      const blob = uploads.getBlockBlobClient(name);
      expect([blob.containerName, blob.name]).toEqual(["uploads", name]);
    }
  });
});

describe("2. uploadData with something that is not bytes", () => {
  it("is a TypeError naming the accepted types, and nothing is sent", async () => {
    const blob = await blobHolding("typed.bin");
    for (const bad of [null, undefined, "string", {}, 123]) {
      await expect(blob.uploadData(bad as never)).rejects.toThrow(
        /uploadData: data must be a Buffer, Uint8Array, ArrayBuffer or ArrayBufferView/,
      );
    }
    expect(await contentOf(blob)).toBe("original");
  });

  it("takes ArrayBuffers and any ArrayBufferView by their bytes", async () => {
    const blob = container.getBlockBlobClient("views.bin");
    const source = new Uint16Array([0x4241, 0x4443]);
    await blob.uploadData(new DataView(source.buffer, 2, 2));
    expect(await contentOf(blob)).toBe("CD");
    await blob.uploadData(source.buffer);
    expect(await contentOf(blob)).toBe("ABCD");
  });
});

describe("3. upload with a contentLength that does not match the body", () => {
  it("is a RangeError naming both numbers for strings and Buffers, and nothing is sent", async () => {
    const blob = await blobHolding("length.bin");
    await expect(blob.upload("hello world", 5)).rejects.toThrow(
      "BlockBlob.upload: contentLength is 5 but the body has 11 bytes",
    );
    await expect(blob.upload(Buffer.alloc(10), 20)).rejects.toThrow(
      /contentLength is 20 but the body has 10 bytes/,
    );
    await expect(blob.upload("x", Number.NaN)).rejects.toThrow(
      "BlockBlobClient.upload: option contentLength must be a finite number; got the number NaN.",
    );
    await expect(blob.upload("x", -1)).rejects.toThrow(
      "contentLength must be a non-negative integer; got -1.",
    );
    expect(await contentOf(blob)).toBe("original");
  });

  it("fails a stream that runs long or ends early before the service can commit it", async () => {
    const blob = await blobHolding("stream-length.bin");
    const long = await blob
      .upload(() => Readable.from([Buffer.from("0123456789")]), 5)
      .catch((e: unknown) => e);
    expect((long as { code: string }).code).toBe("BODY_LENGTH_MISMATCH");
    const started = Date.now();
    const short = await blob.upload(() => Readable.from([Buffer.from("012")]), 8).catch((e: unknown) => e);
    expect((short as { code: string }).code).toBe("BODY_LENGTH_MISMATCH");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await contentOf(blob)).toBe("original");
  });
});

describe("4. onProgress that is not a function, or throws", () => {
  it("is refused up front when it is not a function", async () => {
    const blob = await blobHolding("progress-type.bin");
    await expect(blob.uploadData(Buffer.alloc(10), { onProgress: 5 as never })).rejects.toThrow(
      "BlockBlobClient.uploadData: option onProgress must be a function; got the number 5.",
    );
    await expect(blob.downloadToBuffer(0, undefined, { onProgress: "x" as never })).rejects.toThrow(
      /option onProgress must be a function/,
    );
  });

  it("is reported and ignored when it throws: the call succeeds and the process lives", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const onProgress = () => {
        throw new Error("progress bug");
      };
      const blob = container.getBlockBlobClient("progress-throws.bin");
      const data = randomBytes(300_000);
      await blob.uploadData(data, { onProgress, maxSingleShotSize: 100_000, blockSize: 100_000 });
      await blob.upload("hello", 5, { onProgress });
      await blob.uploadData(data, { onProgress });
      const back = await blob.downloadToBuffer(0, undefined, { onProgress, blockSize: 100_000 });
      expect(back.equals(data)).toBe(true);
      const { bytes } = await drain((await blob.download(0, undefined, { onProgress })).readableStreamBody!);
      expect(bytes.equals(data)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});

describe("5. a resumed download answered with other bytes", () => {
  const MiB = 1024 * 1024;
  async function cutThen(fault: "rangeIgnored" | "rangeShifted") {
    const data = randomBytes(2 * MiB);
    await container.getBlockBlobClient(`resume-${fault}.bin`).uploadData(data);
    const { container: via } = await viaProxy((_req, index) =>
      index === 0
        ? { kind: "partialBody", ending: "rst", fraction: 0.25 }
        : fault === "rangeIgnored"
          ? { kind: "rangeIgnored" }
          : { kind: "rangeShifted", shift: 4096 },
    );
    const response = await via
      .getBlobClient(`resume-${fault}.bin`)
      .download(0, undefined, { maxRetryRequests: 1 });
    return { data, ...(await drain(response.readableStreamBody!)) };
  }

  it.each(["rangeIgnored", "rangeShifted"] as const)(
    "fails with a typed UNEXPECTED_RANGE error after %s, never splicing wrong bytes",
    async (fault) => {
      const { data, bytes, error } = await cutThen(fault);
      expect(isServiceResponseError(error)).toBe(true);
      expect((error as { code: string }).code).toBe("UNEXPECTED_RANGE");
      expect(bytes.length).toBeLessThan(data.length);
      expect(bytes.equals(data.subarray(0, bytes.length))).toBe(true);
    },
  );

  it("fails a parallel download whose range GET is answered with the whole blob", async () => {
    const data = randomBytes(MiB);
    await container.getBlockBlobClient("parallel-range.bin").uploadData(data);
    const { container: via } = await viaProxy(() => ({ kind: "rangeIgnored" }));
    const error = await via
      .getBlobClient("parallel-range.bin")
      .downloadToBuffer(0, undefined, { blockSize: 256 * 1024 })
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("UNEXPECTED_RANGE");
  });
});

describe("6. a source stream that fails mid-upload", () => {
  it("rejects with the source's own error as the cause, and is not retried", async () => {
    const blob = await blobHolding("source-fails.bin");
    const { proxy, container: via } = await viaProxy(() => ({ kind: "none" }), {
      retryTotal: 5,
      retryBackoffFactorInMs: 1,
    });
    // The source fails once the request has reached the network (not on a timer, which a loaded
    // machine can outrun before the first connection).
    const failing = () => {
      const source = new Readable({ read() {} });
      source.push(Buffer.alloc(64 * 1024));
      const started = setInterval(() => {
        if (proxy.stats.requests === 0) return;
        clearInterval(started);
        source.destroy(new Error("disk gone"));
      }, 5);
      return source;
    };
    const error = await via
      .getBlockBlobClient("source-fails.bin")
      .upload(failing, 1024 * 1024)
      .catch((e: unknown) => e);
    expect(isServiceRequestError(error)).toBe(true);
    expect((error as { code: string }).code).toBe("BODY_STREAM_FAILED");
    expect(((error as Error).cause as Error).message).toBe("disk gone");
    expect(proxy.stats.requests).toBe(1);
    expect(await contentOf(blob)).toBe("original");
  });
});

describe("7. aborting while a download body streams", () => {
  it("rejects with azkit's AbortError (code ABORTED), as every other abort", async () => {
    const data = randomBytes(1024 * 1024);
    await container.getBlockBlobClient("abort.bin").uploadData(data);
    const { container: via } = await viaProxy(() => ({
      kind: "slowDrip",
      chunkBytes: 8 * 1024,
      intervalInMs: 10,
    }));
    const controller = new AbortController();
    const response = await via
      .getBlobClient("abort.bin")
      .download(0, undefined, { abortSignal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const { error } = await drain(response.readableStreamBody!);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as { code: string }).code).toBe("ABORTED");
    const bufferAbort = new AbortController();
    setTimeout(() => bufferAbort.abort(), 50);
    const second = await via
      .getBlobClient("abort.bin")
      .downloadToBuffer(0, undefined, { abortSignal: bufferAbort.signal })
      .catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AbortError);
  });
});

describe("8. when download resumes run out", () => {
  it("the error is a ServiceResponseError that says how many attempts were made", async () => {
    const data = randomBytes(512 * 1024);
    await container.getBlockBlobClient("always-cut.bin").uploadData(data);
    const { proxy, container: via } = await viaProxy(() => ({
      kind: "partialBody",
      ending: "rst",
      fraction: 0.1,
    }));
    const response = await via
      .getBlobClient("always-cut.bin")
      .download(0, undefined, { maxRetryRequests: 2 });
    const { error } = await drain(response.readableStreamBody!);
    expect(error).toBeInstanceOf(ServiceResponseError);
    expect(isRestError(error)).toBe(true);
    expect((error as Error).message).toMatch(/broke off 3 times.*2 resumes/);
    expect(proxy.stats.requests).toBe(3);
  });
});

describe("9. nested options", () => {
  it("typos inside conditions and blobHTTPHeaders are TypeErrors with a did-you-mean", async () => {
    const blob = await blobHolding("nested.bin");
    await expect(blob.upload("new", 3, { conditions: { if_match: "*" } as never })).rejects.toThrow(
      'BlockBlobClient.upload: unknown option "conditions.if_match"; did you mean "conditions.ifMatch"?',
    );
    await expect(
      blob.uploadData(Buffer.from("new"), { blobHTTPHeaders: { contentType: "text/plain" } as never }),
    ).rejects.toThrow(
      /unknown option "blobHTTPHeaders.contentType"; did you mean "blobHTTPHeaders.blobContentType"/,
    );
    expect(await contentOf(blob)).toBe("original");
  });

  it("honours the peer's retryOptions: maxTries 1 makes one request in a 500 storm", async () => {
    const { proxy, container: via } = await viaProxy(() => ({ kind: "status", status: 500 }), {
      retryOptions: { maxTries: 1 },
    });
    await expect(via.getBlobClient("nested.bin").getProperties()).rejects.toThrow();
    expect(proxy.stats.requests).toBe(1);
  });

  it("honours maxTries, retryDelayInMs, FIXED and tryTimeoutInMs together", async () => {
    const { proxy, container: via } = await viaProxy(() => ({ kind: "noResponse", ending: "hang" }), {
      retryOptions: {
        maxTries: 3,
        tryTimeoutInMs: 150,
        retryDelayInMs: 10,
        retryPolicyType: StorageRetryPolicyType.FIXED,
      },
    });
    const started = Date.now();
    const error = await via
      .getBlobClient("nested.bin")
      .getProperties()
      .catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("REQUEST_TIMEOUT");
    expect(proxy.stats.requests).toBe(3);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("checks the client's retryOptions for typos too", () => {
    expect(
      () => new BlobServiceClient(azurite().blobUrl, undefined, { retryOptions: { maxRetries: 1 } as never }),
    ).toThrow(/unknown option "retryOptions.maxRetries"; did you mean "retryOptions.maxTries"/);
  });
});

describe("10. download offsets and counts", () => {
  it("are validated the same way for every ranged call", async () => {
    const blob = await blobHolding("ranges.bin", "0123456789");
    const bad: Array<[number, number | undefined, RegExp]> = [
      [Number.NaN, undefined, /offset must be an integer >= 0; got NaN/],
      [-1, undefined, /offset must be an integer >= 0; got -1/],
      [1.5, undefined, /offset must be an integer >= 0; got 1.5/],
      [0, -1, /count must be an integer >= 1.*got -1/],
      [0, 0, /count must be an integer >= 1.*got 0/],
      [0, 2.5, /count must be an integer >= 1.*got 2.5/],
    ];
    for (const [offset, count, message] of bad) {
      await expect(blob.download(offset, count)).rejects.toThrow(message);
      await expect(blob.downloadToBuffer(offset, count)).rejects.toThrow(message);
    }
    await expect(container.getPageBlobClient("p").getPageRanges(-512, 512)).rejects.toThrow(/offset must be/);
    const { bytes } = await drain((await blob.download(2, 3)).readableStreamBody!);
    expect(bytes.toString()).toBe("234");
  });
});

describe("a per-operation deadline", () => {
  it("AbortSignal.timeout(ms) bounds a call against a silent server under the default retries", async () => {
    const { container: via } = await viaProxy(() => ({ kind: "noResponse", ending: "hang" }), {});
    const started = Date.now();
    const error = await via
      .getBlobClient("deadline.bin")
      .getProperties({ abortSignal: AbortSignal.timeout(300) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("also fixed: clear errors instead of internals", () => {
  it("constructors reject what is not a connection string, credential or key", () => {
    expect(() => BlobServiceClient.fromConnectionString(42 as never)).toThrow(/expected a string/);
    expect(() => new BlobClient(azurite().blobUrl, 42 as never)).toThrow(
      /second argument must be a credential/,
    );
    expect(() => new StorageSharedKeyCredential("acct", "not base64!!")).toThrow(/not valid base64/);
    expect(() => new StorageSharedKeyCredential("acct", "not base64!!")).not.toThrow(/not base64!!/);
    expect(() =>
      BlobServiceClient.fromConnectionString(`${azurite().connectionString}AccountName=other;`),
    ).toThrow(/AccountName appears more than once/);
  });

  it("options: null and wrong types inside options are TypeErrors with the path", async () => {
    const blob = await blobHolding("types.bin");
    await expect(blob.download(0, undefined, null as never)).rejects.toThrow(
      "BlobClient.download: options must be an object or undefined; got null.",
    );
    await expect(
      blob.getProperties({ conditions: { ifModifiedSince: "yesterday" as never } }),
    ).rejects.toThrow('option conditions.ifModifiedSince must be a valid Date; got the string "yesterday"');
    await expect(blob.getProperties({ abortSignal: "nope" as never })).rejects.toThrow(
      /option abortSignal must be an AbortSignal/,
    );
  });

  it("an unknown option names the operation called and lists only its options", async () => {
    const blob = await blobHolding("names.bin");
    const error = (await blob
      .downloadToBuffer(0, undefined, { blocksize: 5 } as never)
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^BlobClient.downloadToBuffer: unknown option "blocksize"; did you mean "blockSize"\?/,
    );
    expect(error.message).not.toMatch(/tier|metadata|prefix/);
  });

  it("download concurrency must be an integer in [1, 1024]", async () => {
    const blob = await blobHolding("concurrency.bin");
    for (const concurrency of [0, -1, 1.5, 100_000]) {
      await expect(blob.downloadToBuffer(0, undefined, { concurrency })).rejects.toThrow(
        /concurrency must be an integer in \[1, 1024\]/,
      );
    }
  });

  it("a blockSize that would need more than 50,000 blocks fails before the first byte", async () => {
    const { proxy, container: via } = await viaProxy(() => ({ kind: "none" }));
    await expect(
      via
        .getBlockBlobClient("many-blocks.bin")
        .uploadData(Buffer.alloc(60_000), { blockSize: 1, maxSingleShotSize: 0 }),
    ).rejects.toThrow(/need 60000 blocks; a blob has at most 50000\. Use blockSize >= 2/);
    expect(proxy.stats.requests).toBe(0);
  });

  it("a failed downloadToFile leaves no partial file", async () => {
    await container.getBlockBlobClient("partial-file.bin").uploadData(randomBytes(600_000));
    const { container: via } = await viaProxy((_req, index) =>
      index === 0 ? { kind: "none" } : { kind: "partialBody", ending: "rst", fraction: 0.5 },
    );
    const dir = mkdtempSync(join(tmpdir(), "azkit-partial-"));
    try {
      const path = join(dir, "out.bin");
      await expect(
        via
          .getBlobClient("partial-file.bin")
          .downloadToFile(path, 0, undefined, { blockSize: 200_000, maxRetryRequestsPerBlock: 0 }),
      ).rejects.toThrow();
      expect(existsSync(path)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unparseable Last-Modified is left out, not an Invalid Date", async () => {
    const { startLoopbackBlobService } = await import("../helpers/loopbackBlobService.js");
    const service = await startLoopbackBlobService((_req, res) => {
      res.writeHead(200, { "last-modified": "yesterday-ish", etag: '"1"', "content-length": "0" }).end();
    });
    try {
      const blob = new BlobClient(`${service.url}/c/b`, undefined, { retryTotal: 0 });
      const properties = await blob.getProperties();
      expect(properties.lastModified).toBeUndefined();
      expect(properties.etag).toBe('"1"');
    } finally {
      await service.close();
    }
  });
});

afterAll(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

describe("4. (sync) a throwing onProgress on the blocking surface", () => {
  it("neither fails the call nor kills the bridge worker and the other sync clients", async () => {
    const sync = await import("../../src/sync.js");
    const service = sync.BlobServiceClient.fromConnectionString(azurite().connectionString);
    const other = service.getContainerClient(container.containerName).getBlockBlobClient("sync-other.txt");
    other.uploadData(Buffer.from("still alive"));
    const blob = service.getContainerClient(container.containerName).getBlockBlobClient("sync-progress.bin");
    const data = randomBytes(200_000);
    blob.uploadData(data, {
      blockSize: 50_000,
      maxSingleShotSize: 0,
      onProgress: () => {
        throw new Error("progress bug");
      },
    });
    expect(Buffer.from(blob.downloadToBuffer()).equals(data)).toBe(true);
    expect(Buffer.from(other.downloadToBuffer()).toString()).toBe("still alive");
    expect(() => blob.uploadData(Buffer.alloc(1), { onProgress: 5 as never })).toThrow(
      /option onProgress must be a function/,
    );
  });
});
