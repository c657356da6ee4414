// Measures the ARM LRO path through @azkit/core-lro (not a test): PUT answered 201 +
// Azure-AsyncOperation, the monitor polled N times until Succeeded, then the final GET of the
// original URI, over a loopback server in a child process (so CPU figures are the client's).
// Run after `pnpm build`: node bench/lroPath.bench.mjs [operations=400] [polls=5]
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { performance } from "node:perf_hooks";
import { createDefaultHttpClient, createHttpHeaders, createPipelineRequest } from "@azkit/core-http";
import { createHttpPoller, createPipelineLro, createPoller } from "../dist/esm/index.js";

const [operations = 400, polls = 5] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);

if (process.argv.includes("--server")) {
  const counts = new Map();
  const server = createServer((req, res) => {
    const [path] = (req.url ?? "").split("?");
    req.resume();
    req.on("end", () => {
      const send = (status, body, headers = {}) => {
        const text = body === undefined ? "" : JSON.stringify(body);
        res.writeHead(status, {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(text),
          ...headers,
        });
        res.end(text);
      };
      const id = path.split("/").pop();
      if (req.method === "PUT") {
        counts.set(id, 0);
        return send(
          201,
          { id, properties: { provisioningState: "Creating" } },
          {
            "azure-asyncoperation": `http://127.0.0.1:${server.address().port}/ops/${id}`,
          },
        );
      }
      if (path.startsWith("/ops/")) {
        const n = (counts.get(id) ?? 0) + 1;
        counts.set(id, n);
        return send(
          200,
          n < polls ? { status: "InProgress", percentComplete: (100 * n) / polls } : { status: "Succeeded" },
        );
      }
      return send(200, { id, name: id, properties: { provisioningState: "Succeeded" } });
    });
  });
  server.listen(0, "127.0.0.1", () => process.send(server.address().port));
} else {
  const child = fork(new URL(import.meta.url), ["--server", String(operations), String(polls)]);
  const port = await new Promise((resolve) => child.once("message", resolve));
  const httpClient = createDefaultHttpClient();
  const sendRequest = (request) => httpClient.sendRequest(request);
  const runOne = (i) => {
    const initialRequest = createPipelineRequest({
      url: `http://127.0.0.1:${port}/vaults/v${i}`,
      method: "PUT",
      body: '{"location":"eastus"}',
      headers: createHttpHeaders({ "content-type": "application/json" }),
      allowInsecureConnection: true,
    });
    return createHttpPoller(createPipelineLro({ sendRequest, initialRequest }), { intervalInMs: 0 });
  };
  const measure = async (label, count, run) => {
    for (let i = 0; i < Math.min(50, count); i++) await run(i); // warm-up
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < count; i++) await run(i);
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `${label}: ${count} ops, ${(ms / count).toFixed(3)} ms/op wall, ${(cpuMs / count).toFixed(3)} ms/op client CPU`,
    );
  };
  const requestsPerOp = polls + 2;
  await measure(
    `ARM PUT (1 + ${polls} polls + final GET = ${requestsPerOp} requests), sequential`,
    operations,
    async (i) => {
      const result = await runOne(i);
      if (result.properties.provisioningState !== "Succeeded") throw new Error("bad result");
    },
  );
  // The poller alone: an in-memory strategy with the same number of polls, no I/O.
  const strategy = () => {
    let n = 0;
    return {
      kind: "bench",
      start: async () => ({ status: "running", context: {} }),
      poll: async (context) =>
        ++n < polls ? { status: "running", context } : { status: "succeeded", context, result: n },
    };
  };
  await measure(`poller only (in-memory strategy, ${polls} polls)`, operations * 25, async () => {
    await createPoller({ strategy: strategy(), intervalInMs: 0 });
  });
  child.kill();
  httpClient.close?.();
  process.exit(0);
}
