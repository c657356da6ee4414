#!/usr/bin/env node
// Time per get, list (3 pages of 100) and long-running operation (PUT 201 -> poll -> done) of the
// generated clients against their @azure/arm-* peers, both talking to the same loopback ARM stub.
// Same process, alternating rounds, median of the rounds; run from the repo root:
//   node tools/codegen/scripts/measureCalls.mjs [rounds]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// HTTPS with a throwaway certificate for 127.0.0.1, trusted through NODE_EXTRA_CA_CERTS (read by Node
// only at start, so the script re-runs itself once with it set): the official clients refuse to
// send a token over plain HTTP.
if (!process.env.MEASURE_CALLS_CERT) {
  const dir = mkdtempSync(join(tmpdir(), "measure-calls-"));
  const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  try {
    execFileSync(process.execPath, process.argv.slice(1), {
      stdio: "inherit",
      env: { ...process.env, MEASURE_CALLS_CERT: dir, NODE_EXTRA_CA_CERTS: cert },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}
const certDir = process.env.MEASURE_CALLS_CERT;

const rounds = Number(process.argv[2] ?? 7);
const perRound = { get: 200, list: 20, lro: 50 };
const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3_600_000 }) };

const group = (name) => ({
  id: `/subscriptions/s/resourceGroups/${name}`,
  name,
  type: "Microsoft.Resources/resourceGroups",
  location: "westus",
  tags: { env: "bench" },
  properties: { provisioningState: "Succeeded" },
});
const vault = (name) => ({
  id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/${name}`,
  name,
  type: "Microsoft.KeyVault/vaults",
  location: "westus",
  tags: {},
  properties: {
    tenantId: "00000000-0000-0000-0000-000000000000",
    sku: { family: "A", name: "standard" },
    accessPolicies: [],
    vaultUri: `https://${name}.vault.azure.net/`,
    provisioningState: "Succeeded",
  },
});

let requests = 0;
const server = createServer(
  { key: readFileSync(join(certDir, "key.pem")), cert: readFileSync(join(certDir, "cert.pem")) },
  (req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      const url = new URL(req.url, "http://x");
      const send = (status, body, headers = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(body === undefined ? "" : JSON.stringify(body));
      };
      const origin = `https://127.0.0.1:${server.address().port}`;
      if (url.pathname === "/op") return send(200, { status: "Succeeded" });
      const page = Number(url.searchParams.get("page") ?? 0);
      const item = url.pathname.includes("/vaults") ? vault : group;
      if (req.method === "GET" && /\/(resourcegroups|vaults)$/i.test(url.pathname)) {
        const value = Array.from({ length: 100 }, (_, i) => item(`n${page}-${i}`));
        url.searchParams.set("page", String(page + 1));
        const next = page < 2 ? `${origin}${url.pathname}?${url.searchParams}` : undefined;
        return send(200, { value, nextLink: next });
      }
      if (req.method === "PUT") {
        const created = item("created");
        created.properties.provisioningState = "Creating";
        return send(201, created, { "azure-asyncoperation": `${origin}/op`, "retry-after": "0" });
      }
      return send(200, item(url.pathname.split("/").pop()));
    });
  },
);
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const endpoint = `https://127.0.0.1:${server.address().port}`;

function load(packageDir, name) {
  return createRequire(resolve(packageDir, "package.json"))(name);
}

const resourcesDir = resolve("packages/mgmt-resources");
const keyvaultDir = resolve("packages/mgmt-keyvault");
const common = { endpoint, $host: endpoint, credentialScopes: ["https://management.azure.com/.default"] };
const clients = {
  resources: {
    azkit: new (load(resourcesDir, "@azkit/mgmt-resources").ResourceManagementClient)(
      credential,
      "s",
      common,
    ),
    peer: new (load(resourcesDir, "@azure/arm-resources").ResourceManagementClient)(credential, "s", common),
  },
  keyvault: {
    azkit: new (load(keyvaultDir, "@azkit/mgmt-keyvault").KeyVaultManagementClient)(credential, "s", common),
    peer: new (load(keyvaultDir, "@azure/arm-keyvault").KeyVaultManagementClient)(credential, "s", {
      endpoint,
      credentials: { scopes: ["https://management.azure.com/.default"] },
    }),
  },
};
const fast = { updateIntervalInMs: 0 };
const vaultBody = {
  location: "westus",
  properties: {
    tenantId: "00000000-0000-0000-0000-000000000000",
    sku: { family: "A", name: "standard" },
    accessPolicies: [],
  },
};
const ops = {
  resources: {
    get: (c) => c.resourceGroups.get("rg1"),
    list: async (c) => {
      let n = 0;
      for await (const _ of c.resourceGroups.list()) n++;
      if (n !== 300) throw new Error(`listed ${n}`);
    },
    lro: (c) =>
      c.resources.beginCreateOrUpdateByIdAndWait(
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Contoso/w/x",
        "2024-01-01",
        { location: "westus" },
        fast,
      ),
  },
  keyvault: {
    get: (c) => c.vaults.get("rg", "kv1"),
    list: async (c) => {
      let n = 0;
      for await (const _ of c.vaults.listByResourceGroup("rg")) n++;
      if (n !== 300) throw new Error(`listed ${n}`);
    },
    lro: (c) => c.vaults.beginCreateOrUpdateAndWait("rg", "kv1", vaultBody, fast),
  },
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [pkg, byRole] of Object.entries(clients)) {
  for (const [op, run] of Object.entries(ops[pkg])) {
    const times = { azkit: [], peer: [] };
    const requestsPerCall = {};
    for (let round = 0; round <= rounds; round++) {
      for (const role of round % 2 ? ["azkit", "peer"] : ["peer", "azkit"]) {
        const start = performance.now();
        const before = requests;
        for (let i = 0; i < perRound[op]; i++) await run(byRole[role]);
        requestsPerCall[role] = (requests - before) / perRound[op];
        // Round 0 warms both up and is not counted.
        if (round > 0) times[role].push((performance.now() - start) / perRound[op]);
      }
    }
    const [a, p] = [median(times.azkit), median(times.peer)];
    console.log(
      `${pkg} ${op}: azkit ${a.toFixed(3)} ms, peer ${p.toFixed(3)} ms per call (${requestsPerCall.azkit} and ${requestsPerCall.peer} requests per call); ratio ${(a / p).toFixed(2)}`,
    );
  }
}
server.closeAllConnections();
server.close();
