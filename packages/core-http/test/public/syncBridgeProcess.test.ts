// Runs the built bundles (dist/, made by `pnpm run build`, which turbo runs before the tests) in
// child processes: the worker program must load from both the ESM and the CJS bundle, and an
// idle bridge must not keep a process alive.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closeSyncBridge,
  createSyncClientClass,
  getContinuationToken,
  type PagedAsyncIterableIterator,
  ResourceNotFoundError,
} from "../../src/index.js";

const esmBundle = new URL("../../dist/esm/index.js", import.meta.url);
const cjsBundle = new URL("../../dist/cjs/index.cjs", import.meta.url);
const fixture = new URL("../fixtures/syncBridgeFixture.mjs", import.meta.url).href;

/** A program that uses the bridge and then simply ends, without closing it. */
const program = (load: string): string => `
${load}
const FixtureClient = createSyncClientClass({ moduleSpecifier: ${JSON.stringify(fixture)}, exportName: "FixtureClient" });
const client = new FixtureClient("https://acct.example");
const echoed = client.echo({ ok: [1, 2] });
const letters = [...client.listLetters()];
const calls = 1000;
const started = process.hrtime.bigint();
for (let i = 0; i < calls; i++) client.echo(i);
const perCallMicroseconds = Number(process.hrtime.bigint() - started) / 1000 / calls;
const listStarted = process.hrtime.bigint();
let count = 0;
for (const n of client.listNumbers(10000, 1000)) count++;
const perItemMicroseconds = Number(process.hrtime.bigint() - listStarted) / 1000 / count;
console.log(JSON.stringify({ echoed, letters, count, perCallMicroseconds, perItemMicroseconds }));
`;

function requireBuild(): void {
  for (const bundle of [esmBundle, cjsBundle]) {
    if (!existsSync(fileURLToPath(bundle)))
      throw new Error(`${fileURLToPath(bundle)} is missing: run the build first`);
  }
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  for (const bundle of [esmBundle, cjsBundle]) {
    if (!existsSync(fileURLToPath(bundle)))
      throw new Error(`${fileURLToPath(bundle)} is missing: run the build first`);
  }
  // The timeout is the failure mode under test: a bridge that keeps the process alive hangs it.
  return spawnSync(process.execPath, args, { encoding: "utf8", timeout: 30_000 });
}

/** Runs the test program in a child process and checks what both bundles must do alike. */
function expectBundleWorks(bundle: "ESM" | "CJS", args: string[]): void {
  const child = run(args);
  expect(child.stderr).toBe("");
  expect(child.status).toBe(0);
  const result = JSON.parse(child.stdout);
  expect(result).toMatchObject({ echoed: { ok: [1, 2] }, letters: ["a", "b", "c"], count: 10000 });
  console.log(
    `sync bridge, ${bundle} bundle: ${result.perCallMicroseconds.toFixed(1)} µs per call (1000 sequential echo calls), ` +
      `${result.perItemMicroseconds.toFixed(2)} µs per item (for...of over 10,000 items in pages of 1,000)`,
  );
}

describe("the sync bridge in a built package", () => {
  it("works from the ESM bundle and lets the process exit by itself", () => {
    const load = `import { createSyncClientClass } from ${JSON.stringify(esmBundle.href)};`;
    expectBundleWorks("ESM", ["--input-type=module", "-e", program(load)]);
  }, 40_000);

  it("works from the CJS bundle and lets the process exit by itself", () => {
    const load = `const { createSyncClientClass } = require(${JSON.stringify(fileURLToPath(cjsBundle))});`;
    expectBundleWorks("CJS", ["-e", program(load)]);
  }, 40_000);
});

describe("the sync bridge with core-http's own transport and errors in the worker", () => {
  // The server runs on its own thread: this one is blocked while a sync call waits for it.
  let server: Worker;
  let endpoint: string;
  const HttpFixtureClient = createSyncClientClass<
    new (
      endpoint: string,
    ) => {
      getText(path: string): Promise<string>;
      listNumbers(): PagedAsyncIterableIterator<number>;
      makeChild(name: string): object;
      liveChildren(): Promise<number>;
    }
  >({
    moduleSpecifier: new URL("../fixtures/syncBridgeHttpFixture.mjs", import.meta.url),
    exportName: "HttpFixtureClient",
  });

  beforeAll(async () => {
    requireBuild();
    server = new Worker(
      `
      const { parentPort } = require("node:worker_threads");
      const server = require("node:http").createServer((request, response) => {
        if (request.url.startsWith("/found")) return response.end("hello");
        response.writeHead(404, { "content-type": "application/json", "x-ms-error-code": "BlobNotFound" });
        response.end(JSON.stringify({ error: { code: "BlobNotFound", message: "The specified blob does not exist." } }));
      });
      server.listen(0, "127.0.0.1", () => parentPort.postMessage(server.address().port));
      `,
      { eval: true },
    );
    const port = await new Promise<number>((resolve) => server.once("message", resolve));
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await closeSyncBridge();
    await server.terminate();
  });

  it("pages a core-http paged list, with getContinuationToken working on this thread's copy of the page", () => {
    const pages = [...new HttpFixtureClient(endpoint).listNumbers().byPage()];
    expect(pages).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(getContinuationToken(pages[0])).toBe("2");
    expect(getContinuationToken(pages[1])).toBeUndefined();
    const resumed = [...new HttpFixtureClient(endpoint).listNumbers().byPage({ continuationToken: "2" })];
    expect(resumed).toEqual([[2, 3]]);
  });

  it("returns what the service sent", () => {
    expect(new HttpFixtureClient(endpoint).getText("/found")).toBe("hello");
  });

  it("throws the worker's ResourceNotFoundError as this thread's class, redacted", () => {
    let caught: unknown;
    try {
      new HttpFixtureClient(endpoint).getText("/missing");
    } catch (error) {
      caught = error;
    }
    const error = caught as ResourceNotFoundError;
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toMatchObject({ statusCode: 404, code: "BlobNotFound" });
    expect(error.response?.headers.get("x-ms-error-code")).toBe("BlobNotFound");
    expect(error.request?.url).toContain("comp=x");
    const visible = JSON.stringify([
      error.message,
      error.stack,
      error.request,
      error.response,
      error.request?.headers.toJSON(),
    ]);
    expect(visible).not.toContain("SECRET");
  });
});

describe("worker-side objects", () => {
  it("are released once their sync twins are garbage", () => {
    const script = `
const { createSyncClientClass } = require(${JSON.stringify(fileURLToPath(cjsBundle))});
const HttpFixtureClient = createSyncClientClass({
  moduleSpecifier: ${JSON.stringify(new URL("../fixtures/syncBridgeHttpFixture.mjs", import.meta.url).href)},
  exportName: "HttpFixtureClient",
});
const client = new HttpFixtureClient("http://127.0.0.1:9");
const kept = client.makeChild("kept");
for (let i = 0; i < 100; i++) client.makeChild("dropped " + i);
globalThis.gc();
setTimeout(() => {
  globalThis.gc();
  setTimeout(() => console.log(JSON.stringify({ live: client.liveChildren(), kept: kept.describe() })), 20);
}, 20);
`;
    const child = run(["--expose-gc", "-e", script]);
    expect(child.stderr).toBe("");
    const result = JSON.parse(child.stdout);
    expect(result.kept).toBe("kept");
    expect(result.live).toBeLessThan(10);
  }, 40_000);
});
