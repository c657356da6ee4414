// The samples `pnpm samples` runs and the test suite executes, in order.
import type { Service } from "./embeddedEmulators.js";
import { main as defaultAzureCredential } from "./identity/defaultAzureCredential.js";
import { main as syncGetToken } from "./identity/syncGetToken.js";
import { main as turnOnLogging } from "./logging/turnOnLogging.js";
import { main as deleteResourceGroupPoller } from "./resources/deleteResourceGroupPoller.js";
import { main as listResourceGroups } from "./resources/listResourceGroups.js";
import { main as downloadParallel } from "./storage-blob/downloadParallelWithProgressAndMd5.js";
import { main as listPaged } from "./storage-blob/listContainersAndBlobsPaged.js";
import { main as uploadFile } from "./storage-blob/uploadFile.js";
import { main as uploadFileSync } from "./storage-blob/uploadFileSync.js";

export interface Sample {
  name: string;
  needs: readonly Service[];
  run: () => unknown;
}

export const samples: Sample[] = [
  { name: "logging/turnOnLogging", needs: [], run: turnOnLogging },
  { name: "identity/defaultAzureCredential", needs: ["arm"], run: defaultAzureCredential },
  { name: "identity/syncGetToken", needs: ["arm"], run: syncGetToken },
  { name: "resources/listResourceGroups", needs: ["arm"], run: listResourceGroups },
  { name: "resources/deleteResourceGroupPoller", needs: ["arm"], run: deleteResourceGroupPoller },
  { name: "storage-blob/uploadFile", needs: ["storage"], run: uploadFile },
  { name: "storage-blob/uploadFileSync", needs: ["storage"], run: uploadFileSync },
  { name: "storage-blob/downloadParallelWithProgressAndMd5", needs: ["storage"], run: downloadParallel },
  { name: "storage-blob/listContainersAndBlobsPaged", needs: ["storage"], run: listPaged },
];
