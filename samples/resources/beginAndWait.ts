// Long-running operations under their three names, side by side (see the table in README.md for the
// guide's Python names): `beginX` returns a poller, `beginXAndWait` returns the result, and, in the
// newer-generation clients (Key Vault, App Service), plain `x` returns a poller you can simply await.
import { DefaultAzureCredential } from "@azkit/identity";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { WebSiteManagementClient } from "@azkit/mgmt-web";
import { armEndpoint, location, subscriptionId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{ plans: string[]; deleted: boolean[] }> {
  await using credential = new DefaultAzureCredential();
  const resources = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const web = new WebSiteManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const group = uniqueName("azkit-sample-names-rg-");
  await resources.resourceGroups.createOrUpdate(group, { location: location() });
  const plan = { location: location(), kind: "linux", reserved: true, sku: { name: "B1" } };
  const plans: string[] = [];
  try {
    // beginCreateOrUpdate: a poller (Python: begin_create_or_update), then wait with result()
    // (Python: poller.result()) or pollUntilDone(); in between, poll(), isDone(), serialize()...
    const poller = await web.appServicePlans.beginCreateOrUpdate(group, "plan-begin", plan);
    console.log(`  beginCreateOrUpdate -> a poller, done: ${poller.isDone()}`);
    plans.push((await poller.result()).name ?? "");

    // beginCreateOrUpdateAndWait: starts and waits in one call, for when you only need the result.
    plans.push(
      (await web.appServicePlans.beginCreateOrUpdateAndWait(group, "plan-and-wait", plan)).name ?? "",
    );
    console.log("  beginCreateOrUpdateAndWait -> the plan itself");

    // createOrUpdate (newer generation; Python: create_or_update in older libraries): a poller that
    // is also a promise of the result: await it, or keep it and watch its progress first.
    plans.push((await web.appServicePlans.createOrUpdate(group, "plan-awaited", plan)).name ?? "");
    console.log("  await createOrUpdate(...) -> the plan itself");
    console.log(`  created: ${plans.join(", ")}`);
  } finally {
    // The same pair for a delete: beginDelete gives a poller, beginDeleteAndWait waits.
    const deleting = await resources.resourceGroups.beginDelete(group);
    await deleting.pollUntilDone();
  }
  const deleted = [!(await resources.resourceGroups.checkExistence(group)).body];
  return { plans, deleted };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
