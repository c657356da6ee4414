import { PassThrough } from "node:stream";
import { ServiceResponseError } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import { readRangeBody } from "../../src/transfer/rangeBody.js";

const options = (length: number, reopen: (offset: number) => Promise<NodeJS.ReadableStream>) => ({
  what: "Blob.download b bytes 100-",
  start: 100,
  length,
  maxRetryRequests: 2,
  reopen,
});

/** A sink that records what it took, at which range position. */
function recorder() {
  const taken: Array<{ position: number; bytes: string }> = [];
  const sink = (chunk: Buffer, position: number) => {
    taken.push({ position, bytes: chunk.toString() });
    return undefined;
  };
  return { taken, sink };
}

describe("readRangeBody", () => {
  it("resumes a broken body from the first byte the sink did not take", async () => {
    const first = new PassThrough();
    const reopened: number[] = [];
    const { taken, sink } = recorder();
    const done = readRangeBody(
      first,
      options(8, async (offset) => {
        reopened.push(offset);
        const rest = new PassThrough();
        rest.end("defgh");
        return rest;
      }),
      sink,
    );
    first.write("abc");
    setImmediate(() => first.destroy(new ServiceResponseError("reset", { code: "ECONNRESET" })));
    await done;
    expect(reopened).toEqual([103]);
    expect(taken).toEqual([
      { position: 0, bytes: "abc" },
      { position: 3, bytes: "defgh" },
    ]);
  });

  it("refuses a body that runs past its range and hands the sink nothing beyond it", async () => {
    const { taken, sink } = recorder();
    const long = () => {
      const body = new PassThrough();
      body.end("0123456789");
      return body;
    };
    const error = await readRangeBody(
      long(),
      options(8, async () => long()),
      sink,
    ).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("UNEXPECTED_RANGE");
    expect(taken).toEqual([]);
  });

  it("reads no further chunk while the sink's write is pending", async () => {
    const body = new PassThrough();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const done = readRangeBody(
      body,
      options(6, async () => body),
      (chunk) => {
        events.push(`took ${chunk.toString()}`);
        if (chunk.toString() === "abc") {
          return new Promise<void>((resolve) => {
            release = () => {
              events.push("released");
              resolve();
            };
          });
        }
        return undefined;
      },
    );
    body.write("abc");
    await new Promise((resolve) => setImmediate(resolve));
    body.end("def");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(["took abc"]);
    release();
    await done;
    expect(events).toEqual(["took abc", "released", "took def"]);
  });

  it("fails an ended body that is short once resumes run out, saying how far it got", async () => {
    const short = (text: string) => {
      const body = new PassThrough();
      body.end(text);
      return body;
    };
    const { taken, sink } = recorder();
    const error = await readRangeBody(
      short("abc"),
      options(8, async () => short("x")),
      sink,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceResponseError);
    expect((error as Error).message).toMatch(/broke off 3 times, at byte 105 of 100-107/);
    expect(taken.map((t) => t.position)).toEqual([0, 3, 4]);
  });
});
