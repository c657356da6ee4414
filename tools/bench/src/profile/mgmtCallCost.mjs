// Where a management call's CPU goes: in one process, against one ARM emulator, rounds of the same
// get or list with raw undici + JSON.parse, azkit and the peer over HTTPS; and the same calls with
// each SDK's transport replaced by one answering the recorded body at once (`canned-*`: the SDK's
// own layer, request building to model objects, beside `parse-*`, JSON.parse of that body alone).
// azkit's get and list also run by stages: `bundled-dispatch-get` (Node's own undici, a bare
// handler), `bundled-dispatch-options-get` (the same with azkit's Agent and dispatch options),
// `transport-get` (azkit's HTTP client), `pipeline-get` (its ServiceClient), and the same `-list`;
// `canned-transport` and `canned-pipeline` give the policies alone. Prints CPU µs per call, median
// of rounds. The sides named by --only (all by default) share one process and slow each other (GC,
// inline caches): name one side per run for absolute figures, or compare sides round by round
// (pairedRounds.mjs: `--rounds 20 --calls 300`, `--versus <side>`, `--ab VAR=VALUE`,
// `--no-forced-gc`).
//   node --expose-gc src/profile/mgmtCallCost.mjs --pkg web --only canned-azkit-list
//   node --expose-gc src/profile/mgmtCallCost.mjs --pkg keyvault --only transport-get --ab AZX_LAZY=1
//   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof src/profile/mgmtCallCost.mjs --only canned-azkit-get
//   node src/profile/summarizeProfile.mjs /tmp/prof --filter @azkit
// (Profiles of the network sides are unreliable: a write to loopback wakes the emulator on the
// same core and the sampler charges the wait to writeLatin1String; trust process.cpuUsage.)
import { loadPackage } from "../harness/loadPackage.mjs";
import { Resources } from "../harness/resources.mjs";
import { undiciArmClient } from "../raw/rawArmClients.mjs";
import { createGroup, createPlan, createSite, createVault } from "../scenarios/armFixtures.mjs";
import { createMgmtClient, mgmtPackages, staticCredential } from "../scenarios/mgmtPackages.mjs";
import { parsePairedRoundArgs, runPairedRounds } from "./pairedRounds.mjs";

const values = parsePairedRoundArgs({
  pkg: { type: "string", default: "web" },
  items: { type: "string", default: "50" },
});
const items = Number(values.items);

/** Per package: fixtures, the SDK get and list (the @azure/arm-* API), the raw paths. */
const shapes = {
  resources: {
    fixtures: async (arm) => {
      await createGroup(arm, "cost-rg");
      for (let i = 0; i < items; i++) await createGroup(arm, `cost-list-${i}`);
    },
    get: (c) => c.resourceGroups.get("cost-rg"),
    list: (c) => c.resourceGroups.list(),
    getPath: (arm) => `/subscriptions/${arm.subscriptionId}/resourceGroups/cost-rg?api-version=2025-04-01`,
    listPath: (arm) => `/subscriptions/${arm.subscriptionId}/resourcegroups?api-version=2025-04-01`,
  },
  keyvault: {
    fixtures: async (arm) => {
      await createGroup(arm, "cost-kv");
      for (let i = 0; i < items; i++) await createVault(arm, "cost-kv", `costkv-${i}`);
    },
    get: (c) => c.vaults.get("cost-kv", "costkv-0"),
    list: (c) => c.vaults.listByResourceGroup("cost-kv"),
    getPath: (arm) =>
      `/subscriptions/${arm.subscriptionId}/resourceGroups/cost-kv/providers/Microsoft.KeyVault/vaults/costkv-0?api-version=2025-05-01`,
    listPath: (arm) =>
      `/subscriptions/${arm.subscriptionId}/resourceGroups/cost-kv/providers/Microsoft.KeyVault/vaults?api-version=2025-05-01`,
  },
  web: {
    fixtures: async (arm) => {
      await createGroup(arm, "cost-web");
      const plan = await createPlan(arm, "cost-web", "cost-plan");
      for (let i = 0; i < items; i++) await createSite(arm, "cost-web", `cost-site-${i}`, plan);
    },
    get: (c) => c.webApps.get("cost-web", "cost-site-0"),
    list: (c) => c.webApps.listByResourceGroup("cost-web"),
    getPath: (arm) =>
      `/subscriptions/${arm.subscriptionId}/resourceGroups/cost-web/providers/Microsoft.Web/sites/cost-site-0?api-version=2025-03-01`,
    listPath: (arm) =>
      `/subscriptions/${arm.subscriptionId}/resourceGroups/cost-web/providers/Microsoft.Web/sites?api-version=2025-03-01`,
  },
};

/**
 * Clients of both SDKs whose transport answers every request at once with `bodyFor(url)` (status
 * 200, JSON); the credential is the bench's static one, so no token request is measured.
 */
async function cannedClients(pkg, arm, bodyFor) {
  const clients = {};
  for (const [role, http] of [
    ["azkit", "@azkit/core-http"],
    ["peer", "@azure/core-rest-pipeline"],
  ]) {
    const { createHttpHeaders } = await loadPackage(http);
    const httpClient = {
      sendRequest: async (request) => ({
        request,
        status: 200,
        headers: createHttpHeaders({ "content-type": "application/json" }),
        bodyAsText: bodyFor(request.url),
      }),
    };
    const Client = (await loadPackage(pkg[role]))[pkg.clientName];
    clients[role] = new Client(staticCredential(arm), arm.subscriptionId, {
      endpoint: arm.url,
      $host: arm.url,
      httpClient,
    });
  }
  return clients;
}

/**
 * azkit's GET of `path` (a get or a list page, named by `kind`) by stages: its default HTTP client
 * alone, then core-http's ServiceClient (every policy and the bearer token) over it; each parses the
 * body as raw does. `canned-*` are the same two with a transport that answers `text` at once: what
 * the pipeline's policies cost by themselves.
 */
async function azkitStages(arm, path, text, kind = "get") {
  const http = await loadPackage("@azkit/core-http");
  const url = `${arm.url}${path}`;
  const request = (headers) => http.createPipelineRequest({ url, headers: http.createHttpHeaders(headers) });
  const auth = { authorization: `Bearer ${arm.token}` };
  const json = { accept: "application/json" };
  const scopes = "https://management.azure.com/.default";
  const httpClient = http.createDefaultHttpClient({ tlsSettings: { ca: arm.ca } });
  const service = new http.ServiceClient({
    endpoint: arm.url,
    credential: staticCredential(arm),
    credentialScopes: scopes,
    httpClient,
  });
  const headers = http.createHttpHeaders({ "content-type": "application/json" });
  const canned = {
    sendRequest: async (req) => ({ request: req, status: 200, headers, bodyAsText: text }),
  };
  const cannedService = new http.ServiceClient({
    endpoint: arm.url,
    credential: staticCredential(arm),
    credentialScopes: scopes,
    httpClient: canned,
  });
  const sent = { expectedStatuses: [200] };
  // The floor of azkit's undici engine: Node's bundled undici Agent (the one that engine uses) with
  // a handler that only gathers the body, as a transport could do no less.
  void globalThis.Headers; // loads Node's undici, which registers its Agent as the global dispatcher
  const BundledAgent = globalThis[Symbol.for("undici.globalDispatcher.1")]?.constructor;
  const authList = ["authorization", `Bearer ${arm.token}`];
  // The same with the Agent and dispatch options azkit's engine sets (keep-alive 30 s, timeouts of
  // 300 s, `reset: false`), to tell what the options cost from what the exchange code costs.
  const bareGet = (agent, extra) => () =>
    new Promise((resolve, reject) => {
      const chunks = [];
      agent.dispatch(
        { origin: arm.url, path, method: "GET", headers: authList, body: null, ...extra },
        {
          onConnect() {},
          onHeaders: () => true,
          onData: (chunk) => chunks.push(chunk) > 0,
          onComplete: () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))),
          onError: reject,
        },
      );
    });
  const bundledSides = BundledAgent
    ? {
        [`bundled-dispatch-${kind}`]: bareGet(new BundledAgent({ connect: { ca: arm.ca } }), {}),
        [`bundled-dispatch-options-${kind}`]: bareGet(
          new BundledAgent({
            connections: null,
            keepAliveTimeout: 30_000,
            connect: { ca: arm.ca, timeout: 300_000 },
          }),
          { reset: false, headersTimeout: 300_000, bodyTimeout: 300_000 },
        ),
      }
    : {};
  return {
    ...bundledSides,
    [`transport-${kind}`]: async () => JSON.parse((await httpClient.sendRequest(request(auth))).bodyAsText),
    [`pipeline-${kind}`]: async () => JSON.parse((await service.sendRequest(request(json), sent)).bodyAsText),
    [kind === "get" ? "canned-transport" : "canned-transport-list"]: () => canned.sendRequest(request(json)),
    [kind === "get" ? "canned-pipeline" : "canned-pipeline-list"]: () =>
      cannedService.sendRequest(request(json), sent),
  };
}

async function drainList(iterable) {
  let n = 0;
  for await (const _ of iterable) n++;
  if (n < items) throw new Error(`listed ${n} of ${items}`);
}

const resources = new Resources();
try {
  await resources.ensure(["armEmulator"]);
  const arm = resources.env.armEmulator;
  const pkg = mgmtPackages.find((p) => p.key === values.pkg);
  if (!pkg) throw new Error(`--pkg: one of ${mgmtPackages.map((p) => p.key).join(", ")}`);
  const shape = shapes[pkg.key];
  await shape.fixtures(arm);
  const raw = await undiciArmClient(arm);
  const azkit = await createMgmtClient(pkg, "azkit", arm);
  const peer = await createMgmtClient(pkg, "peer", arm);
  const getText = JSON.stringify(await raw.send(shape.getPath(arm)));
  const listText = JSON.stringify(await raw.send(shape.listPath(arm)));
  // The get's path names one resource; ARM paths compare case-insensitively (the specs spell
  // `resourcegroups` in lower case where the bench spells `resourceGroups`).
  const getResource = shape.getPath(arm).split("?")[0].toLowerCase();
  const canned = await cannedClients(pkg, arm, (url) =>
    new URL(url).pathname.toLowerCase().endsWith(getResource) ? getText : listText,
  );
  const sides = {
    "raw-get": () => raw.send(shape.getPath(arm)),
    "azkit-get": () => shape.get(azkit),
    "peer-get": () => shape.get(peer),
    "raw-list": () => raw.send(shape.listPath(arm)),
    "azkit-list": () => drainList(shape.list(azkit)),
    "peer-list": () => drainList(shape.list(peer)),
    "parse-get": async () => JSON.parse(getText),
    "canned-azkit-get": () => shape.get(canned.azkit),
    "canned-peer-get": () => shape.get(canned.peer),
    "parse-list": async () => JSON.parse(listText),
    "canned-azkit-list": () => drainList(shape.list(canned.azkit)),
    "canned-peer-list": () => drainList(shape.list(canned.peer)),
    ...(await azkitStages(arm, shape.getPath(arm), getText)),
    ...(await azkitStages(arm, shape.listPath(arm), listText, "list")),
  };
  await runPairedRounds(sides, values);
  await raw.close();
} finally {
  await resources.stopAll();
}
