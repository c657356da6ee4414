// The proxy's own behaviour against a plain loopback upstream: each fault does what it says, the
// seeded mix is reproducible, and close() ends hangs and frees every socket.
import { createServer, request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { seededMix, startFaultProxy } from "../faultProxy.mjs";

const BODY = Buffer.alloc(64 * 1024, 7);
let upstream;
let proxy;

async function start(decide) {
  upstream = createServer((req, res) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers["x-ms-range"] ?? "");
    if (range) {
      const start = Number(range[1]);
      const end = range[2] === "" ? BODY.length - 1 : Number(range[2]);
      res.writeHead(206, {
        "content-length": String(end - start + 1),
        "content-range": `bytes ${start}-${end}/${BODY.length}`,
      });
      res.end(BODY.subarray(start, end + 1));
      return;
    }
    res.writeHead(200, { "content-length": String(BODY.length) }).end(BODY);
  });
  await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  proxy = await startFaultProxy({
    target: `http://127.0.0.1:${upstream.address().port}`,
    decide,
    hangInMs: 200,
  });
}

afterEach(async () => {
  await proxy?.close();
  await new Promise((resolve) => upstream?.close(resolve));
  upstream?.closeAllConnections?.();
});

function get(headers = {}) {
  return new Promise((resolve) => {
    const req = request(`${proxy.url}/x`, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", (error) => resolve({ status: res.statusCode, error, body: Buffer.concat(chunks) }));
    });
    req.on("error", (error) => resolve({ error }));
    req.end();
  });
}

describe("fault-proxy", () => {
  it("forwards untouched without a fault", async () => {
    await start();
    const res = await get();
    expect(res.body.equals(BODY)).toBe(true);
    expect(proxy.stats).toMatchObject({ requests: 1, faults: { none: 1 } });
  });

  it.each(["fin", "rst", "hang"])("cuts the body part way, then %s", async (ending) => {
    await start(() => ({ kind: "partialBody", ending, fraction: 0.25 }));
    const res = await get();
    expect(res.error).toBeDefined();
    expect(res.body.length).toBe(16 * 1024);
  });

  it("sends no response at all after the upstream has answered", async () => {
    await start(() => ({ kind: "noResponse", ending: "rst" }));
    const res = await get();
    expect(res.error?.code).toBe("ECONNRESET");
    expect(res.status).toBeUndefined();
  });

  it("answers 503 with Retry-After without forwarding", async () => {
    await start(() => ({ kind: "status", status: 503, retryAfterInSeconds: 2 }));
    const res = await get();
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("2");
  });

  it("answers a ranged GET as if the range were ignored or shifted", async () => {
    await start((_req, index) =>
      index === 0 ? { kind: "rangeIgnored" } : { kind: "rangeShifted", shift: 10 },
    );
    const ignored = await get({ "x-ms-range": "bytes=100-199" });
    expect(ignored.status).toBe(200);
    expect(ignored.headers["content-range"]).toBeUndefined();
    expect(ignored.body.length).toBe(100);
    const shifted = await get({ "x-ms-range": "bytes=100-199" });
    expect(shifted.status).toBe(206);
    expect(shifted.headers["content-range"]).toBe(`bytes 110-209/${BODY.length}`);
  });

  it("drips the body slowly but whole", async () => {
    await start(() => ({ kind: "slowDrip", chunkBytes: 16 * 1024, intervalInMs: 5 }));
    const res = await get();
    expect(res.body.equals(BODY)).toBe(true);
  });

  it("draws the same faults from the same seed", () => {
    const draw = (seed) => {
      const choose = seededMix(seed, { partialBody: 0.3, noResponse: 0.1, status: 0.1 });
      return Array.from({ length: 50 }, (_, i) => choose({ headers: {} }, i));
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it("ends hangs and frees every socket when closed", async () => {
    await start(() => ({ kind: "partialBody", ending: "hang", fraction: 0.5 }));
    const pending = get();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(proxy.openSockets()).toBe(1);
    await proxy.close();
    const res = await pending;
    expect(res.error).toBeDefined();
    expect(proxy.openSockets()).toBe(0);
  });
});

describe("fault-proxy on requests with a body", () => {
  it("passes only part of the request body upstream, then ends the client connection", async () => {
    let received = -1;
    upstream = createServer((req, res) => {
      let bytes = 0;
      req.on("data", (c) => {
        bytes += c.length;
      });
      req.on("error", () => {});
      req.on("close", () => {
        received = bytes;
      });
      req.on("end", () => res.end());
    });
    await new Promise((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    proxy = await startFaultProxy({
      target: `http://127.0.0.1:${upstream.address().port}`,
      decide: () => ({ kind: "partialBody", ending: "rst", fraction: 0.5 }),
    });
    const result = await new Promise((resolve) => {
      const req = request(
        `${proxy.url}/x`,
        { method: "PUT", agent: false, headers: { "content-length": "1000" } },
        () => resolve({ answered: true }),
      );
      req.on("error", (error) => resolve({ error }));
      req.end(Buffer.alloc(1000));
    });
    expect(result.error).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toBeLessThan(1000);
  });
});
