// The samples `pnpm samples` runs, in the order of the usage guide, and the test suite executes.
import { main as catchErrors } from "./errors/catchErrors.js";
import { main as proxies } from "./http/proxies.js";
import { main as timeoutsAndRetries } from "./http/timeoutsAndRetries.js";
import { main as provisionKeyVault } from "./keyvault/provisionKeyVault.js";
import { main as turnOnLogging } from "./logging/turnOnLogging.js";
import { main as beginAndWait } from "./resources/beginAndWait.js";
import { main as deleteResourceGroup } from "./resources/deleteResourceGroup.js";
import { main as provisionResourceGroup } from "./resources/provisionResourceGroup.js";
import { main as downloadBlob } from "./storage-blob/downloadBlob.js";
import { main as listContainersAndBlobs } from "./storage-blob/listContainersAndBlobs.js";
import { main as uploadFile } from "./storage-blob/uploadFile.js";
import { main as uploadFileSync } from "./storage-blob/uploadFileSync.js";
import { main as deployWebApp } from "./web/deployWebApp.js";

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
    name: "resources/provisionResourceGroup",
    shows: "a resource group from inline JSON and from new ResourceGroup({...}); list; check existence",
    run: provisionResourceGroup,
  },
  {
    name: "keyvault/provisionKeyVault",
    shows: "a Key Vault from model objects, inline JSON and both mixed: identical requests; a wrong shape",
    run: provisionKeyVault,
  },
  {
    name: "web/deployWebApp",
    shows: "App Service plan and Python web app: pollers, progress, stop/start, app settings, resume",
    run: deployWebApp,
  },
  {
    name: "errors/catchErrors",
    shows: "ResourceNotFoundError, ResourceExistsError, ClientAuthenticationError, HttpResponseError",
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
  {
    name: "http/timeoutsAndRetries",
    shows: "timeouts, retryTotal, retryMode per client and per call, against throttling and hangs",
    run: timeoutsAndRetries,
  },
  {
    name: "resources/beginAndWait",
    shows: "beginCreateOrUpdate, beginCreateOrUpdateAndWait and awaited createOrUpdate side by side",
    run: beginAndWait,
  },
  {
    name: "resources/deleteResourceGroup",
    shows: "clean up: beginDeleteAndWait on the resource group",
    run: deleteResourceGroup,
  },
];
