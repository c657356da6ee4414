// Install footprint of each management package against its peer, as the storage footprint scenario
// measures it: azkit from tarballs packed from the workspace (the package and the @azkit packages it
// depends on), the peer at the version tools/bench installs, from the registry; bytes and files of
// node_modules after `npm install --omit=dev` into an empty project.
import { createRequire } from "node:module";
import { isBuilt } from "../harness/loadPackage.mjs";
import { reported } from "../harness/metrics.mjs";
import { NotAvailableError } from "../harness/notAvailable.mjs";
import { installAndMeasure, workspaceClosure } from "./footprint.mjs";
import { mgmtPackages } from "./mgmtPackages.mjs";

const require = createRequire(import.meta.url);
// Issue 15 asks a fifth of @azure/arm-appservice for mgmt-web; the same bar is shown for the others.
const fifth = [{ vs: "peer", op: "<=", value: 0.2 }];

export const mgmtFootprintScenarios = mgmtPackages.map((pkg) => ({
  id: `mgmt-footprint-${pkg.key}`,
  title: `mgmt ${pkg.key}: install footprint (node_modules)`,
  enabled: (sizes) => sizes.footprint,
  rounds: () => 1,
  warmup: () => 0,
  metrics: [
    reported("megabytes", "MB", "lower", fifth, 2),
    reported("files", "files", "lower", undefined, 0),
  ],
  sides: [
    {
      key: "azkit",
      role: "azkit",
      label: `${pkg.azkit} (packed tarballs)`,
      prepare: async () => {
        // isBuilt checks the @azkit dependencies too (resolved from the package, not from tools/bench).
        if (!isBuilt(pkg.azkit)) throw new NotAvailableError("not built");
        const closure = await workspaceClosure(pkg.azkit);
        return [...closure.values()].map((packDir) => ({ packDir }));
      },
      run: (specs) => installAndMeasure(specs),
    },
    {
      key: "peer",
      role: "peer",
      label: `${pkg.peer} (registry)`,
      prepare: async () => [{ registry: `${pkg.peer}@${require(`${pkg.peer}/package.json`).version}` }],
      run: (specs) => installAndMeasure(specs),
    },
  ],
}));
