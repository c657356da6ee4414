// The guide's inline-JSON pattern with a Key Vault: the same vault parameters written three ways
// (nested model objects, nested inline JSON, and the two mixed) make the same request, byte for
// byte; and a value of the wrong shape (`sku: "standard"`) fails before anything is sent, with a
// message that names the field.
import { SerializationError } from "@azkit/core-http";
import { DefaultAzureCredential } from "@azkit/identity";
import {
  KeyVaultManagementClient,
  Sku,
  type VaultCreateOrUpdateParameters,
  VaultCreateOrUpdateParameters as VaultParameters,
  VaultProperties,
} from "@azkit/mgmt-keyvault";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { armEndpoint, location, subscriptionId, tenantId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<{ bodies: string[]; identical: boolean; wrongShape: string }> {
  await using credential = new DefaultAzureCredential();
  const resources = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const keyVault = new KeyVaultManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  // To compare the requests, keep each PUT body this client sends (a pipeline policy sees every request).
  const bodies: string[] = [];
  keyVault.pipeline.addPolicy({
    name: "keepPutBodies",
    sendRequest: (request, next) => {
      if (request.method === "PUT") bodies.push(String(request.body));
      return next(request);
    },
  });

  const group = uniqueName("azkit-sample-kv-rg-");
  const vaultName = uniqueName("azkitkv"); // vault names are global: 3-24 letters, digits and dashes
  await resources.resourceGroups.createOrUpdate(group, { location: location() });
  try {
    // 1. Nested model objects.
    const asModels = new VaultParameters({
      location: location(),
      properties: new VaultProperties({
        tenantId: tenantId(),
        sku: new Sku({ family: "A", name: "standard" }),
        enableRbacAuthorization: true,
      }),
    });
    // 2. Nested inline JSON: the same parameters as plain objects, as the guide writes them.
    const asJson: VaultCreateOrUpdateParameters = {
      location: location(),
      properties: {
        tenantId: tenantId(),
        sku: { family: "A", name: "standard" },
        enableRbacAuthorization: true,
      },
    };
    // 3. The two mixed, at any depth.
    const mixed: VaultCreateOrUpdateParameters = {
      location: location(),
      properties: new VaultProperties({
        tenantId: tenantId(),
        sku: { family: "A", name: "standard" },
        enableRbacAuthorization: true,
      }),
    };
    for (const [way, parameters] of [
      ["model objects", asModels],
      ["inline JSON", asJson],
      ["mixed", mixed],
    ] as const) {
      // The first PUT creates the vault, the next two update it to the same state.
      const vault = await keyVault.vaults.beginCreateOrUpdateAndWait(group, vaultName, parameters);
      console.log(
        `  ${way}: ${vault.name} ${vault.properties.provisioningState} at ${vault.properties.vaultUri}`,
      );
    }
    const identical = bodies.length === 3 && bodies.every((body) => body === bodies[0]);
    console.log(`  the three requests were ${identical ? "identical" : "DIFFERENT"}: ${bodies[0]}`);

    // The wrong shape: TypeScript flags it, and a JavaScript caller (or data read from a file) gets
    // a SerializationError naming the field, before any request.
    let wrongShape = "";
    try {
      await keyVault.vaults.beginCreateOrUpdateAndWait(group, vaultName, {
        location: location(),
        // @ts-expect-error sku is an object {family, name}, not a string
        properties: { tenantId: tenantId(), sku: "standard" },
      });
    } catch (error) {
      if (!(error instanceof SerializationError)) throw error;
      wrongShape = error.message;
      console.log(`  sku: "standard" -> ${error.name}: ${error.message}`);
    }
    return { bodies, identical, wrongShape };
  } finally {
    // Deleting the group deletes the vault in it (a deleted vault's name stays reserved until purged).
    await resources.resourceGroups.beginDeleteAndWait(group);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
