// Not a test: measures the request path. Run after `pnpm run build`:
//   node bench-notes/requestPath.mjs [requests=10000] [rounds=3]
//   CORE_HTTP_DIST=/abs/path/to/dist node bench-notes/requestPath.mjs
//   SAME_PROCESS=1 node bench-notes/requestPath.mjs
// 10,000 sequential small GETs to a loopback node:http server running in a child process (so
// process.cpuUsage() counts the client only), through: raw node:http keep-alive agent, azkit's
// full default pipeline (ServiceClient), and, when tools/bench has them installed,
// @azure/core-rest-pipeline and undici. Reports the median round.
import { fork } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const N = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 3);

if (process.argv[2] === "--serve") {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "17" });
    res.end('{"value":"small"}');
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send(server.address().port));
} else {
  await main();
}

async function main() {
  // SAME_PROCESS=1 runs the server in this process, as the reference figures were taken
  // (then the CPU column includes the server's work).
  let child;
  let port;
  if (process.env.SAME_PROCESS) {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "17" });
      res.end('{"value":"small"}');
    });
    server.keepAliveTimeout = 60_000;
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    server.unref();
    port = server.address().port;
    child = { kill: () => server.close() };
  } else {
    child = fork(fileURLToPath(import.meta.url), ["--serve"], { stdio: "inherit" });
    port = await new Promise((resolve) => child.once("message", resolve));
  }
  const url = `http://127.0.0.1:${port}/item?api-version=2024-01-01`;

  // CORE_HTTP_DIST: another build of this package (e.g. a private copy while others rebuild dist/).
  const distUrl = process.env.CORE_HTTP_DIST
    ? new URL(`file://${process.env.CORE_HTTP_DIST}/esm/index.js`)
    : new URL("../dist/esm/index.js", import.meta.url);
  const azkit = await import(distUrl.href);
  const variants = {};

  const agent = new http.Agent({ keepAlive: true });
  variants["node:http keep-alive (raw)"] = () =>
    new Promise((resolve, reject) => {
      http
        .get(url, { agent }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c) => (text += c));
          res.on("end", () => resolve(text));
          res.on("error", reject);
        })
        .on("error", reject);
    });

  const client = new azkit.ServiceClient({
    endpoint: `http://127.0.0.1:${port}`,
    allowInsecureConnection: true,
    packageName: "@azkit/bench",
    packageVersion: "0.0.0",
  });
  variants["azkit ServiceClient (full default pipeline)"] = () =>
    client.sendRequest(azkit.createPipelineRequest({ url: "/item?api-version=2024-01-01" }));

  const pipeline = azkit.createPipelineFromOptions({ allowInsecureConnection: true });
  const httpClient = azkit.createDefaultHttpClient();
  variants["azkit createPipelineFromOptions + createDefaultHttpClient"] = () =>
    pipeline.sendRequest(httpClient, azkit.createPipelineRequest({ url, allowInsecureConnection: true }));

  const benchRequire = createRequire(new URL("../../../tools/bench/package.json", import.meta.url));
  try {
    const { request } = benchRequire("undici");
    variants["undici request()"] = async () => (await request(url)).body.text();
  } catch {
    console.log("(undici not installed in tools/bench; skipped)");
  }
  try {
    const core = benchRequire("@azure/core-rest-pipeline");
    const azPipeline = core.createPipelineFromOptions({});
    const azClient = core.createDefaultHttpClient();
    variants["@azure/core-rest-pipeline"] = () =>
      azPipeline.sendRequest(azClient, core.createPipelineRequest({ url, allowInsecureConnection: true }));
  } catch (e) {
    console.log(`(@azure/core-rest-pipeline not installed in tools/bench; skipped: ${e.message})`);
  }

  const results = {};
  for (const name of Object.keys(variants)) results[name] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, send] of Object.entries(variants)) {
      for (let i = 0; i < 1000; i++) await send(); // warm-up: JIT and the keep-alive socket
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < N; i++) await send();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const cpu = process.cpuUsage(cpu0);
      results[name].push({ rps: N / seconds, cpuUsPerRequest: (cpu.user + cpu.system) / N });
    }
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rawRps = median(results["node:http keep-alive (raw)"].map((r) => r.rps));
  const rawCpu = median(results["node:http keep-alive (raw)"].map((r) => r.cpuUsPerRequest));
  console.log(
    `node ${process.version}, ${N} sequential GETs x ${ROUNDS} rounds, server ${process.env.SAME_PROCESS ? "in this process" : "in a child process"}, median round:`,
  );
  for (const [name, rounds] of Object.entries(results)) {
    const rps = median(rounds.map((r) => r.rps));
    const cpu = median(rounds.map((r) => r.cpuUsPerRequest));
    const bestCpu = Math.min(...rounds.map((r) => r.cpuUsPerRequest));
    console.log(
      `${name.padEnd(58)} ${rps.toFixed(0).padStart(6)} req/s  ${cpu.toFixed(1).padStart(6)} µs CPU/req (best ${bestCpu.toFixed(1)})  ${(rps / rawRps).toFixed(2)}x raw req/s, ${(rawCpu / cpu).toFixed(2)}x raw CPU`,
    );
  }
  child.kill();
  agent.destroy();
}
