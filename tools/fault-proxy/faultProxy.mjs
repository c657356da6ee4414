// A loopback HTTP proxy that injects faults between a client and a real service (Azurite, the ARM
// emulator), with the fault vocabulary of the Azure SDKs' http-fault-injector (which is .NET and
// cannot run here): the full response; headers and part of the body, then hang / FIN / RST (for a
// request with a body, part of the request body reaches the service instead); no
// response at all (the request still reaches the service), then hang / FIN / RST; 429 / 503 with
// Retry-After; 500; a 200 or a shifted 206 to a ranged GET; a slow drip. Range faults rewrite the answer
// (a signed request cannot be changed). Faults are chosen per request by a seeded mix (reproducible) or by a function. Requests are forwarded as they are (the
// Shared Key signature covers the path, not the host). It listens on 127.0.0.1 only, never keeps
// the process alive, and closes every socket when closed or when its lifetime ends.
import { createServer, request as httpRequest } from "node:http";

/** The faults this proxy knows, for counting and for `decide` functions. */
export const FAULT_KINDS = Object.freeze([
  "none",
  "partialBody",
  "noResponse",
  "status",
  "rangeIgnored",
  "rangeShifted",
  "slowDrip",
]);

/** A small seeded PRNG (mulberry32): the same seed gives the same fault sequence. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENDINGS = ["hang", "fin", "rst"];

/**
 * A fault chooser from a seeded mix: `mix` maps a fault kind to its probability per request
 * (`{ partialBody: 0.06, noResponse: 0.004 }`); details (how the connection ends, how much of the
 * body gets through, which status) are drawn from the same generator.
 */
export function seededMix(seed, mix, { applies = () => true } = {}) {
  const random = seededRandom(seed);
  const entries = Object.entries(mix);
  for (const [kind] of entries) {
    if (!FAULT_KINDS.includes(kind)) throw new RangeError(`unknown fault kind ${kind}`);
  }
  return (request) => {
    if (!applies(request)) return { kind: "none" };
    let roll = random();
    for (const [kind, probability] of entries) {
      if (roll < probability) return detail(kind, random);
      roll -= probability;
    }
    return { kind: "none" };
  };
}

function detail(kind, random) {
  const ending = ENDINGS[Math.floor(random() * ENDINGS.length)];
  switch (kind) {
    case "partialBody":
      return { kind, ending, fraction: random() };
    case "noResponse":
      return { kind, ending };
    case "status": {
      const status = [429, 503, 500][Math.floor(random() * 3)];
      return { kind, status, retryAfterInSeconds: status === 500 ? undefined : 1 };
    }
    case "rangeShifted":
      return { kind, shift: 1 + Math.floor(random() * 1000) };
    case "slowDrip":
      return { kind, chunkBytes: 16 * 1024, intervalInMs: 5 };
    default:
      return { kind };
  }
}

function rangeOf(headers) {
  const value = headers["x-ms-range"] ?? headers.range;
  const match = typeof value === "string" ? /^bytes=(\d+)-(\d*)$/.exec(value) : null;
  return match ? { start: Number(match[1]), end: match[2] === "" ? undefined : Number(match[2]) } : undefined;
}

/**
 * Starts the proxy in front of `target` (an origin such as `http://127.0.0.1:10000`).
 * Options: `decide(request, index)` returns the fault for each request (default: none);
 * `hangInMs` bounds a "hang" (default 30 s; closing the proxy ends every hang at once);
 * `lifetimeInMs` closes the proxy by itself (default 10 minutes); `log` keeps the last `logLimit`
 * requests (default 1,000).
 * Returns `{ url, port, stats, log, setDecide, close }`; `url` is the proxy's origin.
 */
export async function startFaultProxy({
  target,
  decide = () => ({ kind: "none" }),
  hangInMs = 30_000,
  lifetimeInMs = 600_000,
  logLimit = 1_000,
} = {}) {
  const upstreamUrl = new URL(target);
  if (upstreamUrl.protocol !== "http:") throw new TypeError("fault-proxy forwards to http targets only");
  const stats = { requests: 0, faults: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) };
  const log = [];
  const sockets = new Set();
  const timers = new Set();
  let choose = decide;
  let closed = false;

  const later = (ms, fn) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  /** Ends the client's connection as the fault says: keep it silent, close it, or reset it. */
  const endConnection = (res, ending) => {
    const socket = res.socket;
    if (!socket) return;
    if (ending === "fin") socket.end();
    else if (ending === "rst") socket.resetAndDestroy();
    else later(hangInMs, () => socket.destroy());
  };

  const server = createServer((req, res) => {
    const index = stats.requests++;
    let fault = choose(req, index) ?? { kind: "none" };
    const range = rangeOf(req.headers);
    // Range faults only make sense for ranged GETs.
    if (
      (fault.kind === "rangeIgnored" || fault.kind === "rangeShifted") &&
      (req.method !== "GET" || !range)
    ) {
      fault = { kind: "none" };
    }
    stats.faults[fault.kind]++;
    log.push({ index, method: req.method, url: req.url, fault });
    // The recent requests only: a soak's proxy must not grow without bound.
    if (log.length > logLimit) log.splice(0, log.length - logLimit);

    if (fault.kind === "status") {
      req.resume();
      const headers = { "content-type": "application/xml", "x-ms-error-code": "InjectedFault" };
      if (fault.retryAfterInSeconds !== undefined) headers["retry-after"] = String(fault.retryAfterInSeconds);
      const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>InjectedFault</Code><Message>fault-proxy answered ${fault.status}</Message></Error>`;
      headers["content-length"] = String(Buffer.byteLength(body));
      res.writeHead(fault.status, headers).end(body);
      return;
    }

    const requestLength = Number(req.headers["content-length"] ?? 0);
    if (fault.kind === "partialBody" && requestLength > 0) {
      // A request with a body is cut on its way in: the service gets part of it and then a reset
      // (it must not store anything), the client gets no answer and a hang, FIN or RST.
      const cutAt = Math.floor(requestLength * (fault.fraction ?? 0.5));
      const partial = httpRequest({
        host: upstreamUrl.hostname,
        port: upstreamUrl.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      });
      partial.on("error", () => {});
      partial.on("response", (up) => up.resume());
      let passed = 0;
      let cut = false;
      const cutNow = () => {
        cut = true;
        req.pause();
        partial.destroy();
        endConnection(res, fault.ending);
      };
      if (cutAt === 0) cutNow();
      req.on("data", (chunk) => {
        if (cut) return;
        const room = cutAt - passed;
        if (chunk.length < room) {
          passed += chunk.length;
          partial.write(chunk);
          return;
        }
        partial.write(chunk.subarray(0, room));
        cutNow();
      });
      return;
    }
    const upstream = httpRequest(
      {
        host: upstreamUrl.hostname,
        port: upstreamUrl.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        // Range faults rewrite the answer, not the request: a signed request (Shared Key covers
        // x-ms-range) cannot be changed, and what the client sees is the same — a 200 without
        // Content-Range, or a 206 that says it starts elsewhere.
        if (fault.kind === "rangeIgnored" && up.statusCode === 206) {
          up.statusCode = 200;
          delete up.headers["content-range"];
        } else if (fault.kind === "rangeShifted" && up.statusCode === 206) {
          const match = /^bytes (\d+)-(\d+)\/(.+)$/.exec(up.headers["content-range"] ?? "");
          if (match) {
            up.headers["content-range"] =
              `bytes ${Number(match[1]) + fault.shift}-${Number(match[2]) + fault.shift}/${match[3]}`;
          }
        }
        if (fault.kind === "noResponse") {
          // The service has acted on the request; the client never hears of it.
          up.resume();
          up.on("end", () => endConnection(res, fault.ending));
          return;
        }
        res.writeHead(up.statusCode ?? 502, up.headers);
        if (fault.kind === "partialBody") {
          const total = Number(up.headers["content-length"] ?? 0);
          const cutAt = Math.floor(total * (fault.fraction ?? 0.5));
          let sent = 0;
          let cut = false;
          up.on("data", (chunk) => {
            if (cut) return;
            const room = cutAt - sent;
            if (chunk.length < room) {
              sent += chunk.length;
              res.write(chunk);
              return;
            }
            cut = true;
            if (room > 0) res.write(chunk.subarray(0, room));
            up.destroy();
            // Let the partial bytes reach the client before the connection ends.
            setImmediate(() => endConnection(res, fault.ending));
          });
          up.on("end", () => {
            if (!cut) res.end();
          });
          return;
        }
        if (fault.kind === "slowDrip") {
          up.on("data", (chunk) => {
            up.pause();
            let at = 0;
            const drip = () => {
              if (res.destroyed) return up.destroy();
              const piece = chunk.subarray(at, at + fault.chunkBytes);
              at += piece.length;
              res.write(piece);
              if (at < chunk.length) later(fault.intervalInMs, drip);
              else up.resume();
            };
            drip();
          });
          up.on("end", () => res.end());
          return;
        }
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.unref();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;

  const close = () => {
    if (closed) return Promise.resolve();
    closed = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  };
  later(lifetimeInMs, () => void close());

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    log,
    /** Replaces the fault chooser (per test, or to switch faults off). */
    setDecide(next) {
      choose = next;
    },
    /** Open client connections right now (for leak checks). */
    openSockets: () => [...sockets].filter((socket) => !socket.destroyed).length,
    close,
  };
}
