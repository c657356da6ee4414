// The scenario list, in report order. A new scenario is one object here (see README "Adding a scenario").
import { pipelineOverheadScenario } from "./pipelineOverhead.mjs";
import { smallOpsScenarios } from "./smallOps.mjs";

/** @type {import("../harness/runScenario.mjs").Scenario[]} */
export const scenarios = [...smallOpsScenarios, pipelineOverheadScenario];
