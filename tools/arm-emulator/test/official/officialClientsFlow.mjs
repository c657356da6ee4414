// The end-to-end flow of issue 14 run with the official Azure SDK packages (@azure/arm-resources 7,
// @azure/arm-keyvault 5, @azure/identity 4) at their default api-versions, against the arm-emulator.
// Run as a child process so NODE_EXTRA_CA_CERTS (read by Node only at start) trusts the emulator's CA.
// Input: the AZURE_* variables of the emulator. Output: one JSON line with what each step observed.
import { KeyVaultManagementClient } from "@azure/arm-keyvault";
import { ResourceManagementClient } from "@azure/arm-resources";
import { ClientSecretCredential } from "@azure/identity";

const env = process.env;
const endpoint = env.AZURE_RESOURCE_MANAGER_ENDPOINT;
const subscriptionId = env.AZURE_SUBSCRIPTION_ID;
const credential = new ClientSecretCredential(
  env.AZURE_TENANT_ID,
  env.AZURE_CLIENT_ID,
  env.AZURE_CLIENT_SECRET,
  {
    authorityHost: env.AZURE_AUTHORITY_HOST,
    disableInstanceDiscovery: true,
  },
);
const fastPolls = { updateIntervalInMs: 10 };
// Both packages derive the token scope from the endpoint (`${endpoint}/.default`); against a local
// endpoint the ARM audience is named explicitly, under the option name each generation uses.
const armScope = "https://management.azure.com/.default";
const resources = new ResourceManagementClient(credential, subscriptionId, {
  endpoint,
  $host: endpoint,
  credentialScopes: [armScope],
});
const keyVault = new KeyVaultManagementClient(credential, subscriptionId, {
  endpoint,
  credentials: { scopes: [armScope] },
});

const out = { steps: [] };
const step = (name, value) => out.steps.push({ name, value });
const rg = "official-rg";
const vaultName = "official-kv1";
const tenantId = env.AZURE_TENANT_ID;

try {
  // Resource groups: create (inline JSON), get, update tags, checkExistence, list and byPage.
  const created = await resources.resourceGroups.createOrUpdate(rg, {
    location: "West US",
    tags: { env: "test" },
  });
  step("group.create", {
    name: created.name,
    location: created.location,
    state: created.properties?.provisioningState,
  });
  for (const extra of ["official-rg-2", "official-rg-3"]) {
    await resources.resourceGroups.createOrUpdate(extra, { location: "westus" });
  }
  const got = await resources.resourceGroups.get(rg);
  step("group.get", { id: got.id, tags: got.tags });
  const updated = await resources.resourceGroups.update(rg, { tags: { env: "test", owner: "official" } });
  step("group.update", { tags: updated.tags });
  step("group.checkExistence", {
    present: (await resources.resourceGroups.checkExistence(rg)).body,
    absent: (await resources.resourceGroups.checkExistence("official-missing")).body,
  });
  const names = [];
  for await (const g of resources.resourceGroups.list()) names.push(g.name);
  step("group.list", names.sort());
  const pageSizes = [];
  for await (const page of resources.resourceGroups.list({ top: 2 }).byPage()) pageSizes.push(page.length);
  step("group.list.byPage(top 2)", pageSizes);
  const tagged = [];
  for await (const g of resources.resourceGroups.list({
    filter: "tagName eq 'owner' and tagValue eq 'official'",
  }))
    tagged.push(g.name);
  step("group.list.filter", tagged);

  // Tags: subscription tag names, and tags at the group's scope.
  await resources.tagsOperations.createOrUpdate("official-tag");
  await resources.tagsOperations.createOrUpdateValue("official-tag", "v1");
  const tagNames = [];
  for await (const t of resources.tagsOperations.list())
    tagNames.push({ name: t.tagName, values: t.values?.map((v) => v.tagValue) });
  step(
    "tags.list",
    tagNames.filter((t) => t.name === "official-tag" || t.name === "env"),
  );
  const scope = got.id;
  const atScope = await resources.tagsOperations.beginCreateOrUpdateAtScopeAndWait(scope, {
    properties: { tags: { env: "test", team: "azkit" } },
  });
  step("tags.createOrUpdateAtScope", atScope.properties?.tags);
  const merged = await resources.tagsOperations.beginUpdateAtScopeAndWait(scope, {
    operation: "Merge",
    properties: { tags: { extra: "1" } },
  });
  step("tags.updateAtScope(Merge)", merged.properties?.tags);
  step("tags.getAtScope", (await resources.tagsOperations.getAtScope(scope)).properties?.tags);

  // Providers.
  const kvProvider = await resources.providers.get("Microsoft.KeyVault");
  const vaultsType = kvProvider.resourceTypes?.find((t) => t.resourceType === "vaults");
  step("providers.get", {
    namespace: kvProvider.namespace,
    state: kvProvider.registrationState,
    vaultApiVersions: vaultsType?.apiVersions?.slice(0, 3),
  });

  // Key Vault: create (LRO), get, update access policy, list, generic get by id, delete, list deleted, purge.
  const vaultPoller = await keyVault.vaults.createOrUpdate(
    rg,
    vaultName,
    {
      location: "westus",
      properties: {
        tenantId,
        sku: { family: "A", name: "standard" },
        accessPolicies: [],
      },
    },
    fastPolls,
  );
  step("vault.create", {
    state: vaultPoller.properties?.provisioningState,
    rbac: vaultPoller.properties?.enableRbacAuthorization,
    vaultUri: vaultPoller.properties?.vaultUri,
  });
  const vault = await keyVault.vaults.get(rg, vaultName);
  step("vault.get", { id: vault.id, state: vault.properties?.provisioningState });
  const policy = await keyVault.vaults.updateAccessPolicy(rg, vaultName, "add", {
    properties: {
      accessPolicies: [
        {
          tenantId,
          objectId: "00000000-0000-0000-0000-0000000000aa",
          permissions: { keys: ["get", "list"], secrets: ["get"], certificates: [] },
        },
      ],
    },
  });
  step("vault.updateAccessPolicy(add)", {
    count: policy.properties?.accessPolicies?.length,
    keys: policy.properties?.accessPolicies?.[0]?.permissions?.keys,
  });
  const afterPolicy = await keyVault.vaults.get(rg, vaultName);
  step(
    "vault.get.accessPolicies",
    afterPolicy.properties?.accessPolicies?.map((p) => p.objectId),
  );
  const byGroup = [];
  for await (const v of keyVault.vaults.listByResourceGroup(rg)) byGroup.push(v.name);
  const bySub = [];
  for await (const v of keyVault.vaults.listBySubscription()) bySub.push(v.name);
  const generic = [];
  for await (const v of keyVault.vaults.list()) generic.push(v.name);
  step("vault.list", { byGroup, bySub, generic });
  const byId = await resources.resources.getById(vault.id, "2026-02-01");
  step("resources.getById", { type: byId.type, name: byId.name });
  const inGroup = [];
  for await (const r of resources.resources.listByResourceGroup(rg)) inGroup.push(r.type);
  step("resources.listByResourceGroup", inGroup);
  step(
    "vault.checkNameAvailability",
    await keyVault.vaults.checkNameAvailability({ name: vaultName, type: "Microsoft.KeyVault/vaults" }),
  );
  await keyVault.vaults.delete(rg, vaultName);
  const deleted = [];
  for await (const d of keyVault.vaults.listDeleted()) deleted.push(d.name);
  step("vault.listDeleted", deleted);
  const deletedVault = await keyVault.vaults.getDeleted(vaultName, "westus");
  step("vault.getDeleted", { vaultId: deletedVault.properties?.vaultId });
  await keyVault.vaults.purgeDeleted(vaultName, "westus", fastPolls);
  const afterPurge = [];
  for await (const d of keyVault.vaults.listDeleted()) afterPurge.push(d.name);
  step("vault.purgeDeleted", afterPurge);

  // Group delete (LRO) and its result.
  await resources.resourceGroups.beginDeleteAndWait(rg, fastPolls);
  step("group.beginDeleteAndWait", (await resources.resourceGroups.checkExistence(rg)).body);
} catch (error) {
  out.error = {
    name: error.name,
    message: error.message,
    statusCode: error.statusCode,
    code: error.code,
    stack: error.stack,
  };
}
process.stdout.write(`${JSON.stringify(out)}\n`);
