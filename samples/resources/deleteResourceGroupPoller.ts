// Deletes resource groups, a long-running operation: ARM answers the DELETE with 202, a Location to
// poll and a Retry-After to wait. @azkit/core-lro's poller follows both (as every `begin*` method of
// azkit's management clients does): `await beginX()` gives the poller (as in @azure/arm-resources);
// watch its states, wait with pollUntilDone(), or save a token and resume elsewhere.
import {
  createPipelineRequest,
  isResourceNotFoundError,
  type PipelineRequest,
  type ServiceClient,
} from "@azkit/core-http";
import { createHttpSimplePoller, createPipelineLro } from "@azkit/core-lro";
import { DefaultAzureCredential } from "@azkit/identity";
import { createArmClient, putResourceGroup, resourceGroupsPath, resourcesApiVersion } from "./armClient.js";
import { sampleGroupNames } from "./listResourceGroups.js";

export interface DeleteSampleResult {
  states: string[];
  resumedRequests: string[];
  goneAfterwards: boolean[];
}

export async function main(): Promise<DeleteSampleResult> {
  await using credential = new DefaultAzureCredential();
  const client = createArmClient(credential);
  const [first, second] = sampleGroupNames as [string, string];
  for (const name of [first, second]) await putResourceGroup(client, name, { createdBy: "azkit-samples" });

  // 1. Start, watch each state the poller reaches, then wait for the end (result() waits the same way).
  const states: string[] = [];
  const poller = await beginDeleteResourceGroup(client, first);
  for await (const state of poller) {
    states.push(state.status);
    console.log(`  deleting ${first}: ${state.status}`);
  }
  await poller.pollUntilDone();

  // 2. Start, save a resume token (a file, a queue message), and finish from the token: the resumed
  //    poller only polls; it never sends the DELETE again.
  const started = await beginDeleteResourceGroup(client, second);
  const token = started.toString();
  const resumedRequests: string[] = [];
  const resumed = await beginDeleteResourceGroup(client, second, {
    restoreFrom: token,
    sent: resumedRequests,
  });
  await resumed.pollUntilDone();
  console.log(`  deleted ${second} from a resume token: ${resumedRequests.join(", ")}`);

  const goneAfterwards = [];
  for (const name of [first, second]) goneAfterwards.push(await isGone(client, name));
  return { states, resumedRequests, goneAfterwards };
}

/** What a generated `beginDelete` does: the DELETE request, the client's pipeline, the ARM polling rules. */
function beginDeleteResourceGroup(
  client: ServiceClient,
  name: string,
  options: { restoreFrom?: string; sent?: string[] } = {},
) {
  const initialRequest = createPipelineRequest({
    url: `${client.endpoint}${resourceGroupsPath()}/${encodeURIComponent(name)}?api-version=${resourcesApiVersion}`,
    method: "DELETE",
    operationName: "ResourceGroups.delete",
  });
  const sendRequest = async (request: PipelineRequest) => {
    const response = await client.sendRequest(request);
    options.sent?.push(`${request.method} ${response.status}`); // what went on the wire, for the printout
    return response;
  };
  const lro = createPipelineLro({ sendRequest, initialRequest });
  return createHttpSimplePoller<void>(lro, { restoreFrom: options.restoreFrom });
}

async function isGone(client: ServiceClient, name: string): Promise<boolean> {
  const url = `${resourceGroupsPath()}/${encodeURIComponent(name)}?api-version=${resourcesApiVersion}`;
  try {
    await client.sendRequest(createPipelineRequest({ url, operationName: "ResourceGroups.get" }));
    return false;
  } catch (error) {
    if (isResourceNotFoundError(error)) return true; // 404 ResourceGroupNotFound
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
