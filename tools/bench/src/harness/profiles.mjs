// How big each scenario runs. `full` is what the issue asks for; `quick` keeps the whole run under two
// minutes; `tiny` only proves every path works (the smoke test).

/** @typedef {typeof profiles.full} Sizes */

const MiB = 1024 * 1024;

export const profiles = {
  full: {
    name: "full",
    rounds: 5,
    warmup: 1,
    smallOps: 2000,
    pipelineRequests: 10000,
    transferBytes: 256 * MiB,
    transferRounds: 3,
    transferBlockSize: 8 * MiB,
    transferConcurrency: 4,
    listBlobs: 5000,
    coldStartRuns: 10,
    lroOperations: 500,
    mgmtCalls: 300,
    mgmtLros: 100,
    mgmtListItems: 50,
    footprint: true,
  },
  quick: {
    name: "quick",
    rounds: 3,
    warmup: 1,
    smallOps: 200,
    pipelineRequests: 2000,
    transferBytes: 16 * MiB,
    transferRounds: 2,
    transferBlockSize: 4 * MiB,
    transferConcurrency: 4,
    listBlobs: 500,
    coldStartRuns: 3,
    lroOperations: 100,
    mgmtCalls: 60,
    mgmtLros: 20,
    mgmtListItems: 50,
    footprint: true,
  },
  tiny: {
    name: "tiny",
    rounds: 1,
    warmup: 0,
    smallOps: 10,
    pipelineRequests: 50,
    transferBytes: 2 * MiB,
    transferRounds: 1,
    transferBlockSize: 512 * 1024,
    transferConcurrency: 4,
    listBlobs: 30,
    coldStartRuns: 1,
    lroOperations: 5,
    mgmtCalls: 3,
    mgmtLros: 2,
    mgmtListItems: 5,
    footprint: false,
  },
};
