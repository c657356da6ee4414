// Management plane calls against tools/arm-emulator over HTTPS, per package and its peer (issue 19):
// a get, a list of `mgmtListItems` resources (one page), and a long-running create or action polled
// at interval 0 (the emulator answers "in progress" once, with no Retry-After). Both SDKs send the
// same requests to the same emulator, in the same process, with the same static credential; the
// emulator runs in its own process, so the CPU is the client's. The get and the list also have a
// limit: the same GETs with no SDK, each body JSON.parse'd and nothing more (src/raw/rawArmClients.mjs).
import { cpuPer, perSecond } from "../harness/metrics.mjs";
import { sdkSides } from "../harness/sdkSides.mjs";
import { nodeHttpsArmClient, undiciArmClient } from "../raw/rawArmClients.mjs";
import { createGroup, createPlan, createSite, createVault, vaultBody } from "./armFixtures.mjs";
import { createMgmtClient, mgmtPackages } from "./mgmtPackages.mjs";

const fast = { updateIntervalInMs: 0 };
const opsTarget = [{ vs: "peer", op: ">=", value: 1.2 }];
const cpuTarget = [{ vs: "peer", op: "<=", value: 0.6 }];

/** Names of resources made by the LRO scenarios, unique within the emulator's run. */
let created = 0;
const uniqueName = (prefix, role) => `${prefix}-${role === "azkit" ? "a" : "p"}${++created}`;

/** Each package's fixtures, created once per bench run (the emulator lives as long as the run). */
const fixtures = new Map();
function ensureFixtures(key, arm, items, create) {
  if (!fixtures.has(key)) fixtures.set(key, create(arm, items));
  return fixtures.get(key);
}

const group = (arm, name) => `/subscriptions/${arm.subscriptionId}/resourceGroups/${name}`;

/**
 * What each package's get, list and LRO do, written against the @azure/arm-* API (so one body serves
 * both SDKs), the fixtures they need, and the paths the raw clients GET for the same get and list (at
 * the api-versions the fixtures are made with).
 */
const calls = {
  resources: {
    fixtures: async (arm, items) => {
      await createGroup(arm, "bench-rg");
      for (let i = 0; i < items; i++) await createGroup(arm, `bench-list-${i}`);
      return {};
    },
    get: (c) => c.resourceGroups.get("bench-rg"),
    list: (c) => c.resourceGroups.list(),
    getPath: (arm) => `${group(arm, "bench-rg")}?api-version=2025-04-01`,
    listPath: (arm) => `/subscriptions/${arm.subscriptionId}/resourcegroups?api-version=2025-04-01`,
    lroTitle: "exportTemplate of a group",
    lro: (c) => c.resourceGroups.beginExportTemplateAndWait("bench-rg", { resources: ["*"] }, fast),
  },
  keyvault: {
    fixtures: async (arm, items) => {
      await createGroup(arm, "bench-kv");
      await createGroup(arm, "bench-kv-lro");
      for (let i = 0; i < items; i++) await createVault(arm, "bench-kv", `benchkv-${i}`);
      return {};
    },
    get: (c) => c.vaults.get("bench-kv", "benchkv-0"),
    list: (c) => c.vaults.listByResourceGroup("bench-kv"),
    getPath: (arm) =>
      `${group(arm, "bench-kv")}/providers/Microsoft.KeyVault/vaults/benchkv-0?api-version=2025-05-01`,
    listPath: (arm) => `${group(arm, "bench-kv")}/providers/Microsoft.KeyVault/vaults?api-version=2025-05-01`,
    lroTitle: "create a vault",
    lro: (c, role, arm) =>
      c.vaults.beginCreateOrUpdateAndWait("bench-kv-lro", uniqueName("bkv", role), vaultBody(arm), fast),
  },
  web: {
    fixtures: async (arm, items) => {
      await createGroup(arm, "bench-web");
      const planId = await createPlan(arm, "bench-web", "bench-plan");
      for (let i = 0; i < items; i++) await createSite(arm, "bench-web", `bench-site-${i}`, planId);
      await createGroup(arm, "bench-web-lro");
      const lroPlanId = await createPlan(arm, "bench-web-lro", "bench-plan-lro");
      return { lroPlanId };
    },
    get: (c) => c.webApps.get("bench-web", "bench-site-0"),
    list: (c) => c.webApps.listByResourceGroup("bench-web"),
    getPath: (arm) =>
      `${group(arm, "bench-web")}/providers/Microsoft.Web/sites/bench-site-0?api-version=2025-03-01`,
    listPath: (arm) => `${group(arm, "bench-web")}/providers/Microsoft.Web/sites?api-version=2025-03-01`,
    lroTitle: "create a web app",
    lro: (c, role, _arm, made) =>
      c.webApps.beginCreateOrUpdateAndWait(
        "bench-web-lro",
        uniqueName("bws", role),
        { location: "westus", serverFarmId: made.lroPlanId, siteConfig: { linuxFxVersion: "PYTHON|3.11" } },
        fast,
      ),
  },
};

/**
 * The raw clients of a get or list: `call(client, arm)` GETs what the SDK call reads (every page of
 * a list, following `nextLink`), with undici and with node:https.
 */
function limitSides(count, call) {
  const side = (key, label, connect) => ({
    key,
    role: "limit",
    label,
    prepare: async (ctx) => ({ client: await connect(ctx.env.armEmulator), arm: ctx.env.armEmulator }),
    run: async ({ client, arm }, ctx) => {
      const n = count(ctx.sizes);
      for (let i = 0; i < n; i++) await call(client, arm, ctx);
      return { count: n };
    },
    cleanup: ({ client }) => client.close(),
  });
  return [
    side("limit-undici", "raw undici + JSON.parse", undiciArmClient),
    side("limit-node-https", "raw node:https + JSON.parse", nodeHttpsArmClient),
  ];
}

/** Every page of a list with a raw client; the items it holds. */
async function rawList(client, path) {
  let items = 0;
  let next = path;
  while (next) {
    const page = await client.send(next);
    items += page.value.length;
    const link = page.nextLink ? new URL(page.nextLink) : undefined;
    next = link ? link.pathname + link.search : undefined;
  }
  return items;
}

/** One scenario: `kind` of `pkg`, `count(sizes)` calls per measurement; `raw` its limit sides. */
function callScenario(pkg, kind, title, count, run, label, raw = []) {
  const op = calls[pkg.key];
  return {
    id: `mgmt-${kind}-${pkg.key}`,
    title: `mgmt ${pkg.key}: ${title}`,
    needs: ["armEmulator"],
    metrics: [perSecond(`${label}/s`, opsTarget), cpuPer(label, cpuTarget)],
    async setup(ctx) {
      return ensureFixtures(pkg.key, ctx.env.armEmulator, ctx.sizes.mgmtListItems, op.fixtures);
    },
    sides: [
      ...sdkSides(pkg, {
        prepare: async (_sdk, ctx, role) => ({
          client: await createMgmtClient(pkg, role, ctx.env.armEmulator),
          role,
        }),
        run: async (state, ctx) => {
          const n = count(ctx.sizes);
          for (let i = 0; i < n; i++) await run(state, ctx);
          return { count: n };
        },
      }),
      ...raw,
    ],
  };
}

export const mgmtCallScenarios = mgmtPackages.flatMap((pkg) => {
  const op = calls[pkg.key];
  return [
    callScenario(
      pkg,
      "get",
      "get",
      (s) => s.mgmtCalls,
      ({ client }) => op.get(client),
      "get",
      limitSides(
        (s) => s.mgmtCalls,
        (client, arm) => client.send(op.getPath(arm)),
      ),
    ),
    callScenario(
      pkg,
      "list",
      "list (one page)",
      (s) => s.mgmtCalls,
      async ({ client }, ctx) => {
        let items = 0;
        for await (const _ of op.list(client)) items++;
        if (items < ctx.sizes.mgmtListItems) throw new Error(`listed ${items} items`);
      },
      "list",
      limitSides(
        (s) => s.mgmtCalls,
        async (client, arm, ctx) => {
          const items = await rawList(client, op.listPath(arm));
          if (items < ctx.sizes.mgmtListItems) throw new Error(`raw: listed ${items} items`);
        },
      ),
    ),
    callScenario(
      pkg,
      "lro",
      `LRO (${op.lroTitle}, interval 0)`,
      (s) => s.mgmtLros,
      async ({ client, role }, ctx) => {
        const result = await op.lro(client, role, ctx.env.armEmulator, ctx.shared);
        if (result === undefined) throw new Error("the LRO gave no result");
      },
      "LRO",
    ),
  ];
});
