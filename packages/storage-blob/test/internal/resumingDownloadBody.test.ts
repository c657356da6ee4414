import { PassThrough } from "node:stream";
import { text } from "node:stream/consumers";
import { ServiceResponseError } from "@azkit/core-http";
import { describe, expect, it } from "vitest";
import { downloadBody, ResumingDownloadBody } from "../../src/requests/resumingDownloadBody.js";

const options = (length: number, reopen: (offset: number) => Promise<NodeJS.ReadableStream>) => ({
  what: "Blob.download b",
  start: 100,
  length,
  maxRetryRequests: 2,
  reopen,
});

const ended = (bytes: string) => {
  const body = new PassThrough();
  body.end(bytes);
  return body;
};

describe("ResumingDownloadBody (download()'s body, read like a parallel range)", () => {
  it("passes the bytes on and resumes a break from the first byte not yet delivered, with progress", async () => {
    const first = new PassThrough();
    const reopened: number[] = [];
    const loaded: number[] = [];
    const body = new ResumingDownloadBody(first, {
      ...options(8, async (offset) => {
        reopened.push(offset);
        return ended("defgh");
      }),
      onProgress: ({ loadedBytes }) => loaded.push(loadedBytes),
    });
    first.write("abc");
    setImmediate(() => first.destroy(new ServiceResponseError("reset", { code: "ECONNRESET" })));
    expect(await text(body)).toBe("abcdefgh");
    expect(reopened).toEqual([103]);
    expect(loaded).toEqual([3, 8]);
  });

  it("refuses a body that runs past its range (UNEXPECTED_RANGE) and destroys that body", async () => {
    // each resume (allowed: 2) is answered with too many bytes again, so the last one fails as it is
    const bodies = [ended("0123456789")];
    const body = new ResumingDownloadBody(
      bodies[0],
      options(8, async () => {
        bodies.push(ended("0123456789"));
        return bodies[bodies.length - 1];
      }),
    );
    const error = await text(body).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("UNEXPECTED_RANGE");
    expect(bodies.map((b) => b.destroyed)).toEqual([true, true, true]);
  });

  it("treats a body closed without an error as a break and resumes it", async () => {
    const first = new PassThrough();
    const body = new ResumingDownloadBody(
      first,
      options(4, async () => ended("cd")),
    );
    first.write("ab");
    setImmediate(() => first.destroy());
    expect(await text(body)).toBe("abcd");
  });

  it("frees the body it reads at once when destroyed by its reader", async () => {
    const first = new PassThrough();
    const body = new ResumingDownloadBody(
      first,
      options(1000, async () => ended("")),
    );
    first.write("abc");
    body.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.destroyed).toBe(true);
    expect(first.listenerCount("data")).toBe(0);
  });
});

describe("downloadBody (what download() hands over)", () => {
  const never = async (): Promise<NodeJS.ReadableStream> => {
    throw new Error("a whole body is never reopened");
  };

  it("hands over a body whose whole range is already buffered as it is: nothing left can break", async () => {
    const first = ended("abcdefgh");
    const body = downloadBody(first, options(8, never));
    expect(body).toBe(first);
    expect(await text(body)).toBe("abcdefgh");
  });

  it("wraps a body still arriving, so a break resumes", async () => {
    const first = new PassThrough();
    first.write("abc");
    const body = downloadBody(
      first,
      options(8, async () => ended("defgh")),
    );
    expect(body).toBeInstanceOf(ResumingDownloadBody);
    setImmediate(() => first.destroy(new ServiceResponseError("reset", { code: "ECONNRESET" })));
    expect(await text(body)).toBe("abcdefgh");
  });

  it("wraps a whole body when progress is asked for, and reports it", async () => {
    const loaded: number[] = [];
    const body = downloadBody(ended("abcd"), {
      ...options(4, never),
      onProgress: ({ loadedBytes }) => loaded.push(loadedBytes),
    });
    expect(body).toBeInstanceOf(ResumingDownloadBody);
    expect(await text(body)).toBe("abcd");
    expect(loaded).toEqual([4]);
  });

  it("wraps a body holding more than its range, which then fails with UNEXPECTED_RANGE", async () => {
    const body = downloadBody(ended("0123456789"), {
      ...options(8, async () => ended("01234567")),
      maxRetryRequests: 0,
    });
    const error = await text(body).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe("UNEXPECTED_RANGE");
  });
});
