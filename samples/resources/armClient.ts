// How every management sample reaches Azure Resource Manager (ARM) with only the core packages: a
// core-http ServiceClient whose `credential` option adds the bearer-token policy. It reads
// AZURE_SUBSCRIPTION_ID and AZURE_RESOURCE_MANAGER_ENDPOINT (default https://management.azure.com);
// DefaultAzureCredential reads AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET (or uses a
// workload/managed identity, or `az login`). `pnpm samples` points all of them at an embedded ARM emulator.
// A private CA (the emulator's, a TLS-inspecting proxy's) is trusted the Node way: NODE_EXTRA_CA_CERTS=<pem file>.
import {
  createHttpHeaders,
  createPipelineRequest,
  ServiceClient,
  type TokenCredential,
} from "@azkit/core-http";

/** ARM's token audience (sovereign clouds have their own). */
export const armScope = "https://management.azure.com/.default";
/** The Microsoft.Resources api-version these samples speak. */
export const resourcesApiVersion = "2021-04-01";

export interface ResourceGroup {
  id: string;
  name: string;
  location: string;
  tags?: Record<string, string>;
}

export function createArmClient(credential: TokenCredential): ServiceClient {
  return new ServiceClient({
    endpoint: process.env.AZURE_RESOURCE_MANAGER_ENDPOINT ?? "https://management.azure.com",
    credential,
    credentialScopes: armScope,
    packageName: "azkit-samples",
    packageVersion: "1.0.0",
  });
}

/** `/subscriptions/{id}/resourcegroups`, the path every resource group operation starts with. */
export function resourceGroupsPath(): string {
  const subscriptionId = process.env.AZURE_SUBSCRIPTION_ID;
  if (!subscriptionId)
    throw new Error("Set AZURE_SUBSCRIPTION_ID (pnpm samples sets it for its ARM emulator).");
  return `/subscriptions/${encodeURIComponent(subscriptionId)}/resourcegroups`;
}

/** Creates (or updates) a resource group: a plain PUT, done when it answers. */
export async function putResourceGroup(client: ServiceClient, name: string, tags: Record<string, string>) {
  const response = await client.sendRequest(
    createPipelineRequest({
      url: `${resourceGroupsPath()}/${encodeURIComponent(name)}?api-version=${resourcesApiVersion}`,
      method: "PUT",
      headers: createHttpHeaders({ "content-type": "application/json" }),
      body: JSON.stringify({ location: "westus", tags }),
      operationName: "ResourceGroups.createOrUpdate",
    }),
  );
  return JSON.parse(response.bodyAsText ?? "{}") as ResourceGroup;
}
