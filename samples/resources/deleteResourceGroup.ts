// Clean up, as the guide's examples end: delete the resource group, which deletes everything in it.
// It is a long-running operation; beginDeleteAndWait returns when Azure has finished.
import { DefaultAzureCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { WebSiteManagementClient } from "@azkit/mgmt-web";
import { armEndpoint, location, subscriptionId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{ existedBefore: boolean; existsAfter: boolean; seconds: number }> {
  await using credential = new DefaultAzureCredential();
  const resources = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const web = new WebSiteManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });

  // Something to clean up: a group with an App Service plan in it.
  const group = uniqueName("azkit-sample-cleanup-rg-");
  await resources.resourceGroups.createOrUpdate(group, { location: location() });
  await web.appServicePlans.beginCreateOrUpdateAndWait(group, "plan", {
    location: location(),
    sku: { name: "B1" },
  });
  const existedBefore = (await resources.resourceGroups.checkExistence(group)).body;

  const started = performance.now();
  await resources.resourceGroups.beginDeleteAndWait(group);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const existsAfter = (await resources.resourceGroups.checkExistence(group)).body;
  console.log(`  deleted ${group} and its plan in ${seconds} s; exists now: ${existsAfter}`);
  return { existedBefore, existsAfter, seconds };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
