// The scenario list, in report order. A new scenario is one object here (see README "Adding a scenario").
import { coldStartScenario } from "./coldStart.mjs";
import { footprintScenario } from "./footprint.mjs";
import { listingScenario } from "./listing.mjs";
import { lroScenario } from "./lro.mjs";
import { mgmtCallScenarios } from "./mgmtCalls.mjs";
import { mgmtFootprintScenarios } from "./mgmtFootprint.mjs";
import { mgmtImportScenarios } from "./mgmtImport.mjs";
import { pipelineOverheadScenario } from "./pipelineOverhead.mjs";
import { smallOpsScenarios } from "./smallOps.mjs";
import { syncSurfaceScenario } from "./syncSurface.mjs";
import { syncUploadScenario } from "./syncUpload.mjs";
import { transferScenarios } from "./transfers.mjs";

/** @type {import("../harness/runScenario.mjs").Scenario[]} */
export const scenarios = [
  ...smallOpsScenarios,
  pipelineOverheadScenario,
  ...transferScenarios,
  listingScenario,
  coldStartScenario,
  footprintScenario,
  lroScenario,
  syncSurfaceScenario,
  syncUploadScenario,
  ...mgmtImportScenarios,
  ...mgmtCallScenarios,
  ...mgmtFootprintScenarios,
];
