// Lists resource groups page by page with nothing but @azkit/core-http: the ServiceClient signs each
// request with a bearer token, and buildArmPagedAsyncIterator follows ARM's `nextLink`s.
// Creates (PUTs) two tagged groups first, so there is something to list; deleteResourceGroupPoller.ts removes them.
import { buildArmPagedAsyncIterator, createPipelineRequest } from "@azkit/core-http";
import { DefaultAzureCredential } from "@azkit/identity";
import {
  createArmClient,
  putResourceGroup,
  type ResourceGroup,
  resourceGroupsPath,
  resourcesApiVersion,
} from "./armClient.js";

export const sampleGroupNames = ["azkit-sample-rg-a", "azkit-sample-rg-b"];
const sampleTag = { createdBy: "azkit-samples" };

export async function main(): Promise<{ names: string[]; pageSizes: number[] }> {
  await using credential = new DefaultAzureCredential(); // closed when main returns
  const client = createArmClient(credential);
  for (const name of sampleGroupNames) await putResourceGroup(client, name, sampleTag);

  const filter = encodeURIComponent("tagName eq 'createdBy' and tagValue eq 'azkit-samples'");
  const groups = buildArmPagedAsyncIterator<ResourceGroup>({
    firstPageLink: `${client.endpoint}${resourceGroupsPath()}?api-version=${resourcesApiVersion}&$filter=${filter}`,
    apiVersion: resourcesApiVersion,
    async fetchPage(link, maxPageSize) {
      // ARM's page size is $top; add it to every page's link, since a nextLink may drop it.
      const url = maxPageSize === undefined || /[?&]\$top=/.test(link) ? link : `${link}&$top=${maxPageSize}`;
      const response = await client.sendRequest(
        createPipelineRequest({ url, operationName: "ResourceGroups.list" }),
      );
      return JSON.parse(response.bodyAsText ?? "{}");
    },
  });

  const names: string[] = [];
  const pageSizes: number[] = [];
  for await (const page of groups.byPage({ maxPageSize: 1 })) {
    pageSizes.push(page.length);
    for (const group of page) names.push(group.name);
    console.log(`  page ${pageSizes.length}: ${page.map((g) => `${g.name} (${g.location})`).join(", ")}`);
  }
  // `for await (const group of groups)` walks the same list element by element, fetching pages as needed.
  return { names, pageSizes };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
