// Import + construct of each management package against its peer, like cold start: each measurement
// is a fresh `node --input-type=module -e` process that imports the package and constructs its client
// (no request: construction alone is what a CLI or a function pays before its first call).
import { isBuilt } from "../harness/loadPackage.mjs";
import { reported } from "../harness/metrics.mjs";
import { NotAvailableError } from "../harness/notAvailable.mjs";
import { runFresh } from "./coldStart.mjs";
import { mgmtPackages } from "./mgmtPackages.mjs";

const report = `process.stdout.write(JSON.stringify({ importMs: t1 - t0, constructMs: t2 - t0, sinceStartMs: t2 }));
process.exit(0);`;

function importScript(name, clientName) {
  return `const t0 = performance.now();
const sdk = await import(${JSON.stringify(name)});
const t1 = performance.now();
const credential = { getToken: async () => ({ token: "t", expiresOnTimestamp: Date.now() + 3600000 }) };
const client = new sdk.${clientName}(credential, "00000000-0000-0000-0000-000000000000");
if (!client) throw new Error("no client");
const t2 = performance.now();
${report}`;
}

export const mgmtImportScenarios = mgmtPackages.map((pkg) => ({
  id: `mgmt-import-${pkg.key}`,
  title: `mgmt ${pkg.key}: import + construct (fresh process)`,
  rounds: (sizes) => sizes.coldStartRuns,
  warmup: (sizes) => Math.min(sizes.warmup, 1),
  metrics: [
    reported("importMs", "import ms", "lower"),
    reported("constructMs", "import + construct ms", "lower", [{ vs: "peer", op: "<=", value: 1 / 3 }]),
    reported("sinceStartMs", "process start to client ms", "lower"),
  ],
  sides: ["azkit", "peer"].map((role) => ({
    key: role,
    role,
    label: pkg[role],
    prepare: async () => {
      if (!isBuilt(pkg[role])) throw new NotAvailableError("not built");
    },
    run: () => runFresh(importScript(pkg[role], pkg.clientName)),
  })),
}));
