// The samples `pnpm samples` runs, in the order of the usage guide, and the test suite executes.
import { main as catchErrors } from "./errors/catchErrors.js";
import { main as proxies } from "./http/proxies.js";
import { main as turnOnLogging } from "./logging/turnOnLogging.js";
import { main as deleteResourceGroupPoller } from "./resources/deleteResourceGroupPoller.js";
import { main as listResourceGroups } from "./resources/listResourceGroups.js";
import { main as downloadBlob } from "./storage-blob/downloadBlob.js";
import { main as listContainersAndBlobs } from "./storage-blob/listContainersAndBlobs.js";
import { main as uploadFile } from "./storage-blob/uploadFile.js";
import { main as uploadFileSync } from "./storage-blob/uploadFileSync.js";

export interface Sample {
  /** Its file under samples/, without `.ts`; `pnpm samples <name>` runs it (the last part is enough). */
  name: string;
  /** One line: what it shows. */
  shows: string;
  run: () => unknown;
}

export const samples: Sample[] = [
  {
    name: "storage-blob/uploadFile",
    shows: "upload a file with DefaultAzureCredential, print its URL",
    run: uploadFile,
  },
  {
    name: "storage-blob/uploadFileSync",
    shows: "the same upload on the blocking /sync surface",
    run: uploadFileSync,
  },
  {
    name: "storage-blob/downloadBlob",
    shows: "download in parallel to a file with a progress bar and MD5 check; to a Buffer; as a stream",
    run: downloadBlob,
  },
  {
    name: "storage-blob/listContainersAndBlobs",
    shows: "list with for await, byPage, a continuation token, and a delimiter",
    run: listContainersAndBlobs,
  },
  {
    name: "errors/catchErrors",
    shows: "catch ResourceNotFoundError, ResourceExistsError, ClientAuthenticationError, HttpResponseError",
    run: catchErrors,
  },
  {
    name: "logging/turnOnLogging",
    shows: "log one library, a group, everything; loggingEnable per client and per call; redaction",
    run: turnOnLogging,
  },
  {
    name: "http/proxies",
    shows: "a local proxy via HTTPS_PROXY/NO_PROXY, the proxies option, useEnvSettings: false",
    run: proxies,
  },
  // The hand-built ARM samples, until the management clients replace them.
  {
    name: "resources/listResourceGroups",
    shows: "ARM paging with a hand-built ServiceClient",
    run: listResourceGroups,
  },
  {
    name: "resources/deleteResourceGroupPoller",
    shows: "a core-lro poller for a resource group delete",
    run: deleteResourceGroupPoller,
  },
];
