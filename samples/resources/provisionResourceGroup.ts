// The guide's "provision a resource group" example: create (or update) a group from inline JSON, then
// from a model object (`new ResourceGroup({...})`, the same request); list groups; check existence.
import { DefaultAzureCredential } from "@azkit/identity";
import { ResourceGroup, ResourceManagementClient } from "@azkit/mgmt-resources";
import { armEndpoint, location, subscriptionId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{ created: string[]; listed: string[]; exists: boolean[] }> {
  await using credential = new DefaultAzureCredential();
  const client = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const tag = uniqueName("run-"); // marks this run's groups, so the list below finds only them
  const [first, second] = [uniqueName("azkit-sample-rg-"), uniqueName("azkit-sample-rg-")];
  try {
    // 1. Inline JSON, checked against the API's schema before it is sent (a typo fails here, not in Azure).
    const a = await client.resourceGroups.createOrUpdate(first, {
      location: location(),
      tags: { createdBy: "azkit-samples", run: tag },
    });
    console.log(`  created ${a.name} in ${a.location} (${a.properties?.provisioningState}) from inline JSON`);

    // 2. A model object: the same shape built with its class; either is accepted, at any depth.
    const b = await client.resourceGroups.createOrUpdate(
      second,
      new ResourceGroup({ location: location(), tags: { createdBy: "azkit-samples", run: tag } }),
    );
    console.log(`  created ${b.name} in ${b.location} from new ResourceGroup({...})`);

    // 3. List: `for await` walks every page (here, only the groups tagged by this run).
    const listed: string[] = [];
    for await (const group of client.resourceGroups.list({
      filter: `tagName eq 'run' and tagValue eq '${tag}'`,
    })) {
      listed.push(group.name ?? "");
      console.log(`  listed ${group.name} ${JSON.stringify(group.tags)}`);
    }

    // 4. Check existence: a HEAD request, answered true or false (no exception for a missing group).
    const exists: boolean[] = [];
    for (const name of [first, "azkit-sample-never-created"]) {
      const { body } = await client.resourceGroups.checkExistence(name);
      exists.push(body);
      console.log(`  ${name} exists: ${body}`);
    }
    return { created: [a.name ?? "", b.name ?? ""], listed: listed.sort(), exists };
  } finally {
    // The sample's own clean-up (resources/deleteResourceGroup shows it): both deletes run at once.
    await Promise.all([first, second].map((name) => client.resourceGroups.beginDeleteAndWait(name)));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
