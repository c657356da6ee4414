// Scenario 5: cold start. Each measurement is a fresh `node --input-type=module -e` process that
// imports the SDK, constructs a client from the connection string and sends getProperties; the
// process times itself (performance.now() counts from process start). The limit does the same
// request with node:http and no SDK.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isBuilt } from "../harness/loadPackage.mjs";
import { reported } from "../harness/metrics.mjs";
import { NotAvailableError } from "../harness/notAvailable.mjs";
import { accountSas, storageVersion } from "../raw/accountSas.mjs";
import { storageBlob } from "../harness/sdkSides.mjs";
import { rawClient } from "./storageClients.mjs";

const benchDir = fileURLToPath(new URL("../..", import.meta.url));
const container = "bench-cold";
const blob = "cold";

const report = `process.stdout.write(JSON.stringify({ importMs: t1 - t0, firstRequestMs: t2 - t0, sinceStartMs: t2 }));
process.exit(0);`;

function sdkScript(name, connectionString) {
  return `const t0 = performance.now();
const { BlobServiceClient } = await import(${JSON.stringify(name)});
const t1 = performance.now();
const client = BlobServiceClient.fromConnectionString(${JSON.stringify(connectionString)});
await client.getContainerClient(${JSON.stringify(container)}).getBlockBlobClient(${JSON.stringify(blob)}).getProperties();
const t2 = performance.now();
${report}`;
}

function rawScript(azurite) {
  const url = `${azurite.blobEndpoint}/${container}/${blob}?${accountSas(azurite.accountName, azurite.accountKey)}`;
  return `const t0 = performance.now();
const { request } = await import("node:http");
const t1 = performance.now();
await new Promise((resolve, reject) => {
  const req = request(${JSON.stringify(url)}, { method: "HEAD", headers: { "x-ms-version": "${storageVersion}" } }, (res) => {
    res.resume();
    res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error("status " + res.statusCode))));
  });
  req.on("error", reject);
  req.end();
});
const t2 = performance.now();
${report}`;
}

/** Runs `script` in a fresh Node process (cwd tools/bench) and returns the JSON it prints. */
export function runFresh(script) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: benchDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (c) => {
      out += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c) => {
      err += c;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(out));
      else if (err.includes("ERR_MODULE_NOT_FOUND")) reject(new NotAvailableError("not built"));
      else reject(new Error(`cold-start process exited ${code}: ${err.split("\n").slice(0, 5).join(" ")}`));
    });
  });
}

const sdkSide = (role) => ({
  key: role,
  role,
  label: storageBlob[role],
  prepare: async () => {
    if (!isBuilt(storageBlob[role])) throw new NotAvailableError("not built");
  },
  run: (_, ctx) => runFresh(sdkScript(storageBlob[role], ctx.env.azurite.connectionString)),
});

export const coldStartScenario = {
  id: "cold-start",
  title: "cold start",
  needs: ["azurite"],
  rounds: (sizes) => sizes.coldStartRuns,
  warmup: (sizes) => Math.min(sizes.warmup, 1),
  metrics: [
    reported("importMs", "import ms", "lower"),
    reported("firstRequestMs", "import + client + first request ms", "lower", [
      { vs: "peer", op: "<=", value: 1 / 3 },
    ]),
    reported("sinceStartMs", "process start to first response ms", "lower"),
  ],
  async setup(ctx) {
    const raw = await rawClient(ctx, 1);
    try {
      await raw.createContainer(container);
      await raw.putBlob(container, blob, Buffer.from("cold"));
    } finally {
      await raw.close();
    }
    return {};
  },
  sides: [
    sdkSide("azkit"),
    sdkSide("peer"),
    {
      key: "limit",
      role: "limit",
      label: "node:http, no SDK",
      run: (_, ctx) => runFresh(rawScript(ctx.env.azurite)),
    },
  ],
};
