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
/** Runs one part of the flow; a failure is recorded under its name and the flow goes on. */
async function part(name, fn) {
  try {
    await fn();
  } catch (error) {
    out.steps.push({
      name,
      error: { name: error.name, message: error.message, statusCode: error.statusCode, code: error.code },
    });
  }
}
const rg = "official-rg";
const vaultName = "official-kv1";
const tenantId = env.AZURE_TENANT_ID;

const vaultBody = {
  location: "westus",
  properties: { tenantId, sku: { family: "A", name: "standard" }, accessPolicies: [] },
};
let group;
let vault;

await part("groups", async () => {
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
  group = await resources.resourceGroups.get(rg);
  step("group.get", { id: group.id, tags: group.tags });
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
});

await part("tags", async () => {
  await resources.tagsOperations.createOrUpdate("official-tag");
  await resources.tagsOperations.createOrUpdateValue("official-tag", "v1");
  const tagNames = [];
  for await (const t of resources.tagsOperations.list()) {
    tagNames.push({ name: t.tagName, count: t.count?.value, values: t.values?.map((v) => v.tagValue) });
  }
  step(
    "tags.list",
    tagNames.sort((a, b) => (a.name < b.name ? -1 : 1)),
  );
  const scope = group.id;
  const put = await resources.tagsOperations.beginCreateOrUpdateAtScopeAndWait(scope, {
    properties: { tags: { env: "test", team: "azkit" } },
  });
  step("tags.createOrUpdateAtScope", put.properties?.tags);
  const merged = await resources.tagsOperations.beginUpdateAtScopeAndWait(scope, {
    operation: "Merge",
    properties: { tags: { extra: "1" } },
  });
  step("tags.updateAtScope(Merge)", merged.properties?.tags);
  step("tags.getAtScope", (await resources.tagsOperations.getAtScope(scope)).properties?.tags);
});

await part("providers", async () => {
  const kv = await resources.providers.get("Microsoft.KeyVault");
  const vaults = kv.resourceTypes?.find((t) => t.resourceType === "vaults");
  step("providers.get", {
    namespace: kv.namespace,
    state: kv.registrationState,
    accepts2026: vaults?.apiVersions?.includes("2026-02-01"),
  });
  const types = await resources.providerResourceTypes.list("Microsoft.KeyVault");
  step(
    "providerResourceTypes.list",
    types.value?.some((t) => t.resourceType === "vaults"),
  );
});

await part("vault.create", async () => {
  // The newer generation's plain-named LRO method returns a thenable poller.
  const created = await keyVault.vaults.createOrUpdate(rg, vaultName, vaultBody, fastPolls);
  step("vault.create", {
    state: created.properties?.provisioningState,
    rbac: created.properties?.enableRbacAuthorization,
    vaultUri: created.properties?.vaultUri,
  });
  vault = await keyVault.vaults.get(rg, vaultName);
  step("vault.get", { id: vault.id, state: vault.properties?.provisioningState });
});

await part("vault.accessPolicies", async () => {
  const policy = await keyVault.vaults.updateAccessPolicy(rg, vaultName, "add", {
    properties: {
      accessPolicies: [
        {
          tenantId,
          objectId: "00000000-0000-0000-0000-0000000000aa",
          permissions: { keys: ["get", "list"], secrets: ["get"] },
        },
      ],
    },
  });
  step("vault.updateAccessPolicy(add)", policy.properties?.accessPolicies?.[0]?.permissions?.keys);
  await keyVault.vaults.updateAccessPolicy(rg, vaultName, "remove", {
    properties: {
      accessPolicies: [
        { tenantId, objectId: "00000000-0000-0000-0000-0000000000aa", permissions: { keys: ["list"] } },
      ],
    },
  });
  const after = await keyVault.vaults.get(rg, vaultName);
  step(
    "vault.get.accessPolicies",
    after.properties?.accessPolicies?.map((p) => p.permissions?.keys),
  );
  const patched = await keyVault.vaults.update(rg, vaultName, {
    tags: { patched: "yes" },
    properties: { enabledForDeployment: true },
  });
  step("vault.update", {
    tags: patched.tags,
    enabledForDeployment: patched.properties?.enabledForDeployment,
  });
});

await part("vault.lists", async () => {
  const byGroup = [];
  for await (const v of keyVault.vaults.listByResourceGroup(rg)) byGroup.push(v.name);
  const bySub = [];
  for await (const v of keyVault.vaults.listBySubscription()) bySub.push(v.name);
  const generic = [];
  for await (const v of keyVault.vaults.list()) generic.push(v.name);
  step("vault.list", { byGroup, bySub, generic });
  const byId = await resources.resources.getById(vault.id, "2026-02-01");
  step("resources.getById", { type: byId.type, name: byId.name });
  step(
    "resources.checkExistenceById",
    (await resources.resources.checkExistenceById(vault.id, "2026-02-01")).body,
  );
  const inGroup = [];
  for await (const r of resources.resources.listByResourceGroup(rg)) inGroup.push(r.type);
  step("resources.listByResourceGroup", inGroup);
  step(
    "vault.checkNameAvailability",
    await keyVault.vaults.checkNameAvailability({ name: vaultName, type: "Microsoft.KeyVault/vaults" }),
  );
});

await part("vault.privateEndpointConnections", async () => {
  // Azure makes the connection when a private endpoint names the vault (a generic resource here).
  const endpointId = `${group.id}/providers/Microsoft.Network/privateEndpoints/official-pe`;
  await resources.resources.beginCreateOrUpdateByIdAndWait(
    endpointId,
    "2024-05-01",
    {
      location: "westus",
      properties: {
        manualPrivateLinkServiceConnections: [
          { name: "official-pe", properties: { privateLinkServiceId: vault.id, groupIds: ["vault"] } },
        ],
      },
    },
    fastPolls,
  );
  const connections = [];
  for await (const c of keyVault.privateEndpointConnections.listByResource(rg, vaultName))
    connections.push(c);
  step(
    "pec.list",
    connections.map((c) => c.privateLinkServiceConnectionState?.status),
  );
  const name = connections[0].name;
  const approved = await keyVault.privateEndpointConnections.put(rg, vaultName, name, {
    privateLinkServiceConnectionState: { status: "Approved", description: "approved by the flow" },
  });
  step("pec.put", approved.privateLinkServiceConnectionState?.status);
  const removed = await keyVault.privateEndpointConnections.delete(rg, vaultName, name, fastPolls);
  step("pec.delete", removed.provisioningState);
  const links = await keyVault.privateLinkResources.listByVault(rg, vaultName);
  step(
    "privateLinkResources.listByVault",
    links.value?.map((l) => l.groupId),
  );
});

await part("vault.delete", async () => {
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
});

await part("group.actions", async () => {
  const widgetId = `${group.id}/providers/Contoso.Widgets/widgets/official-w1`;
  await resources.resources.beginCreateOrUpdateByIdAndWait(
    widgetId,
    "2024-01-01",
    { location: "westus", properties: { size: 3 } },
    fastPolls,
  );
  const exported = await resources.resourceGroups.beginExportTemplateAndWait(
    rg,
    { resources: ["*"], options: "IncludeParameterDefaultValue" },
    fastPolls,
  );
  step(
    "group.exportTemplate",
    exported.template?.resources?.map((r) => r.type),
  );
  const move = {
    resources: [widgetId],
    targetResourceGroup: `/subscriptions/${subscriptionId}/resourceGroups/official-rg-2`,
  };
  await resources.resources.beginValidateMoveResourcesAndWait(rg, move, fastPolls);
  await resources.resources.beginMoveResourcesAndWait(rg, move, fastPolls);
  const moved = await resources.resources.getById(
    widgetId.replace("/official-rg/", "/official-rg-2/"),
    "2024-01-01",
  );
  step("resources.moveResources", moved.id);
});

await part("group.delete", async () => {
  await resources.resourceGroups.beginDeleteAndWait(rg, fastPolls);
  step("group.beginDeleteAndWait", (await resources.resourceGroups.checkExistence(rg)).body);
});

process.stdout.write(`${JSON.stringify(out)}\n`);
