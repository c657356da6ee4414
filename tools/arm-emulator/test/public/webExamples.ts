import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { type ArmCaller, specsRoot } from "../helpers.js";

// biome-ignore lint/suspicious/noExplicitAny: example documents are untyped JSON
type Json = any;

const WEB = "api-version=2025-03-01";
const EXAMPLES = join(
  specsRoot,
  "specification/web/resource-manager/Microsoft.Web/AppService/stable/2025-03-01/examples",
);

function example(name: string): Json {
  return JSON.parse(readFileSync(join(EXAMPLES, name), "utf8"));
}

/** A site with the settings another example writes (`file`'s `parameter` body PUT to `config/{config}`). */
async function siteWith(
  c: ArmCaller,
  ex: Json,
  config: string,
  file: string,
  parameter: string,
): Promise<void> {
  await withSite(c, ex);
  const path = `${c.sub}/resourceGroups/${ex.parameters.resourceGroupName}/providers/Microsoft.Web/sites/${ex.parameters.name}/config/${config}?${WEB}`;
  const reply = await c.call("PUT", path, example(file).parameters[parameter]);
  expect(reply.status, reply.text).toBe(200);
}
const EXAMPLE_PLAN = "DefaultAsp";

async function group(c: ArmCaller, rg: string): Promise<void> {
  const reply = await c.call("PUT", `${c.sub}/resourcegroups/${rg}?api-version=2025-04-01`, {
    location: "East US",
  });
  expect([200, 201]).toContain(reply.status);
}

async function plan(c: ArmCaller, rg: string, name: string): Promise<void> {
  await group(c, rg);
  const reply = await c.call(
    "PUT",
    `${c.sub}/resourceGroups/${rg}/providers/Microsoft.Web/serverfarms/${name}?${WEB}`,
    {
      location: "East US",
      sku: { name: "S1" },
    },
  );
  expect([200, 202], reply.text).toContain(reply.status);
}

async function site(c: ArmCaller, rg: string, name: string, planName = EXAMPLE_PLAN): Promise<void> {
  await plan(c, rg, planName);
  const reply = await c.call(
    "PUT",
    `${c.sub}/resourceGroups/${rg}/providers/Microsoft.Web/sites/${name}?${WEB}`,
    {
      location: "East US",
      properties: { serverFarmId: planName },
    },
  );
  expect([200, 202], reply.text).toContain(reply.status);
}

async function slot(c: ArmCaller, rg: string, name: string, slotName: string): Promise<void> {
  await site(c, rg, name);
  const path = `${c.sub}/resourceGroups/${rg}/providers/Microsoft.Web/sites/${name}/slots/${slotName}?${WEB}`;
  const reply = await c.call("PUT", path, { location: "East US", properties: {} });
  expect([200, 202], reply.text).toContain(reply.status);
}

/** The plan an example's site body names (its `serverFarmId`), created in its group. */
async function planOfExample(c: ArmCaller, ex: Json): Promise<void> {
  const farmId: string | undefined = ex.parameters.siteEnvelope?.properties?.serverFarmId;
  const name = farmId?.split("/").pop() ?? EXAMPLE_PLAN;
  await plan(c, ex.parameters.resourceGroupName, name);
}

const withSite = (c: ArmCaller, ex: Json) => site(c, ex.parameters.resourceGroupName, ex.parameters.name);
const withSlot = (c: ArmCaller, ex: Json) =>
  slot(c, ex.parameters.resourceGroupName, ex.parameters.name, ex.parameters.slot);
const withPlan = (c: ArmCaller, ex: Json) => plan(c, ex.parameters.resourceGroupName, ex.parameters.name);

/** The path of a site (or the example's slot) with `tail`. */
function sitePath(c: ArmCaller, ex: Json, tail: string, slotName?: string): string {
  const slotPart = slotName ? `/slots/${slotName}` : "";
  return `${c.sub}/resourceGroups/${ex.parameters.resourceGroupName}/providers/Microsoft.Web/sites/${ex.parameters.name}${slotPart}${tail}?${WEB}`;
}

/**
 * A site (or slot) with one backup taken; the example's `backupId` becomes the id the emulator
 * gave it (backup ids are the service's to choose).
 */
async function withBackup(c: ArmCaller, ex: Json): Promise<void> {
  if (ex.parameters.slot) await withSlot(c, ex);
  else await withSite(c, ex);
  const reply = await c.call(
    "POST",
    sitePath(c, ex, "/backup", ex.parameters.slot),
    example("BackupWebApp.json").parameters.request,
  );
  expect(reply.status, reply.text).toBe(200);
  ex.parameters.backupId = String(reply.json.properties.id);
}

/** A site (or slot) whose app settings hold Key Vault references, one of them named `setting`. */
async function withKeyVaultReferences(c: ArmCaller, ex: Json): Promise<void> {
  if (ex.parameters.slot) await withSlot(c, ex);
  else await withSite(c, ex);
  const settings = {
    setting: "@Microsoft.KeyVault(VaultName=keyVaultName;SecretName=secretName;SecretVersion=secretVersion)",
    other:
      "@Microsoft.KeyVault(SecretUri=https://keyvaultname.vault.azure.net/secrets/secretName2/secretVersion2)",
    plain: "not a reference",
  };
  const reply = await c.call("PUT", sitePath(c, ex, "/config/appsettings", ex.parameters.slot), {
    properties: settings,
  });
  expect(reply.status, reply.text).toBe(200);
}

/** Setup for the Microsoft.Web operations the emulator serves that have examples. */
export const WEB_SETUP: Record<string, (c: ArmCaller, ex: Json) => Promise<void>> = {
  AppServicePlans_CreateOrUpdate: (c, ex) => group(c, ex.parameters.resourceGroupName),
  AppServicePlans_Get: withPlan,
  AppServicePlans_Update: withPlan,
  AppServicePlans_Delete: withPlan,
  AppServicePlans_List: (c) => plan(c, "testrg123", "testsf6141"),
  AppServicePlans_ListByResourceGroup: (c, ex) => plan(c, ex.parameters.resourceGroupName, "testsf6141"),
  WebApps_CreateOrUpdate: async (c, ex) => {
    const cloning = ex.parameters.siteEnvelope.properties.cloningInfo;
    if (cloning) {
      // The clone source the example names: srcsiteg478 in testrg456.
      const [, , , , sourceGroup, , , , sourceName] = cloning.sourceWebAppId.split("/");
      await site(c, sourceGroup, sourceName);
      await group(c, ex.parameters.resourceGroupName);
      return;
    }
    if (ex.parameters.siteEnvelope.properties.functionAppConfig) {
      await group(c, ex.parameters.resourceGroupName);
      return;
    }
    await planOfExample(c, ex);
  },
  WebApps_Get: withSite,
  WebApps_Update: withSite,
  WebApps_Delete: withSite,
  WebApps_List: (c) => site(c, "testrg123", "sitef6141"),
  WebApps_ListByResourceGroup: (c, ex) => site(c, ex.parameters.resourceGroupName, "sitef6141"),
  WebApps_CreateOrUpdateSlot: async (c, ex) => {
    const cloning = ex.parameters.siteEnvelope.properties.cloningInfo;
    if (cloning) {
      const [, , , , sourceGroup, , , , sourceName, , sourceSlot] = cloning.sourceWebAppId.split("/");
      if (sourceSlot) await slot(c, sourceGroup, sourceName, sourceSlot);
      else await site(c, sourceGroup, sourceName);
    }
    await withSite(c, ex);
  },
  WebApps_GetSlot: withSlot,
  WebApps_UpdateSlot: withSlot,
  WebApps_DeleteSlot: withSlot,
  WebApps_ListSlots: (c, ex) => slot(c, ex.parameters.resourceGroupName, ex.parameters.name, "staging"),
  WebApps_GetConfiguration: withSite,
  WebApps_CreateOrUpdateConfiguration: withSite,
  WebApps_ListConfigurations: withSite,
  WebApps_ListApplicationSettings: async (c, ex) => {
    await withSite(c, ex);
    const path = `${c.sub}/resourceGroups/${ex.parameters.resourceGroupName}/providers/Microsoft.Web/sites/${ex.parameters.name}/config/appsettings?${WEB}`;
    await c.call("PUT", path, { properties: { Setting1: "Value1", Setting2: "Value2" } });
  },
  WebApps_UpdateApplicationSettings: withSite,
  WebApps_ListBasicPublishingCredentialsPolicies: withSite,
  WebApps_ListBasicPublishingCredentialsPoliciesSlot: withSlot,
  WebApps_GetScmAllowed: withSite,
  WebApps_GetScmAllowedSlot: withSlot,
  WebApps_UpdateScmAllowed: withSite,
  WebApps_UpdateScmAllowedSlot: withSlot,
  WebApps_UpdateMachineKey: withSite,
  WebApps_UpdateAzureStorageAccounts: withSite,
  WebApps_UpdateAuthSettings: withSite,
  WebApps_UpdateAuthSettingsV2: withSite,
  WebApps_GetAuthSettings: (c, ex) =>
    siteWith(c, ex, "authsettings", "UpdateAuthSettings.json", "siteAuthSettings"),
  WebApps_GetAuthSettingsV2: (c, ex) =>
    siteWith(c, ex, "authsettingsV2", "UpdateAuthSettingsV2.json", "siteAuthSettingsV2"),
  WebApps_ApplySlotConfigToProduction: (c, ex) =>
    slot(c, ex.parameters.resourceGroupName, ex.parameters.name, ex.parameters.slotSwapEntity.targetSlot),
  WebApps_Backup: withSite,
  WebApps_ListBackups: withBackup,
  WebApps_GetBackupStatus: withBackup,
  WebApps_DeleteBackup: withBackup,
  WebApps_ListBackupStatusSecrets: withBackup,
  WebApps_Restore: withBackup,
  WebApps_ListSiteBackupsSlot: withBackup,
  WebApps_GetAppSettingsKeyVaultReferences: withKeyVaultReferences,
  WebApps_GetAppSettingsKeyVaultReferencesSlot: withKeyVaultReferences,
  WebApps_GetAppSettingKeyVaultReference: withKeyVaultReferences,
  WebApps_GetAppSettingKeyVaultReferenceSlot: withKeyVaultReferences,
  WebApps_GetAuthSettingsV2WithoutSecrets: (c, ex) =>
    siteWith(c, ex, "authsettingsV2", "UpdateAuthSettingsV2.json", "siteAuthSettingsV2"),
};

/** Members of Microsoft.Web example bodies the emulator does not produce, with the reason. */
export const WEB_NOT_EMULATED = [
  "properties.workloadProfileName", // Container Apps workload profiles are not emulated
  "properties.resourceConfig", // same (cpu/memory of a managed-environment app)
  "properties.functionAppConfig", // echoed only when given; the examples' responses show defaults
  // null until the backup finishes / is restored (the examples show both on an InProgress backup)
  "properties.finishedTimeStamp",
  "properties.lastRestoreTimeStamp",
];

/**
 * Operations with examples that the emulator does not serve (they answer 501 naming the
 * operation), by the reason.
 */
export const WEB_NOT_REPLAYED: Record<string, string> = {
  "private endpoints and private link (networking is not emulated)":
    "WebApps_ApproveOrRejectPrivateEndpointConnection WebApps_ApproveOrRejectPrivateEndpointConnectionSlot WebApps_DeletePrivateEndpointConnection WebApps_DeletePrivateEndpointConnectionSlot WebApps_GetPrivateEndpointConnection WebApps_GetPrivateEndpointConnectionSlot WebApps_GetPrivateLinkResources WebApps_GetPrivateLinkResourcesSlot",
  "deployment status, instances, network traces, custom host names (no runtime behind the emulator)":
    "WebApps_GetProductionSiteDeploymentStatus WebApps_GetSlotSiteDeploymentStatusSlot WebApps_ListProductionSiteDeploymentStatuses WebApps_ListSlotSiteDeploymentStatusesSlot WebApps_GetInstanceInfoSlot WebApps_GetNetworkTraceOperationSlotV2 WebApps_GetNetworkTracesSlotV2 WebApps_StartNetworkTrace WebApps_StopNetworkTrace WebApps_AnalyzeCustomHostname WebApps_AnalyzeCustomHostnameSlot",
  "Logic Apps Standard workflows (a runtime API behind the site)":
    "WebApps_DeployWorkflowArtifacts WebApps_DeployWorkflowArtifactsSlot WebApps_GetWorkflow WebApps_ListWorkflows WebApps_ListWorkflowsConnections Workflows_RegenerateAccessKey Workflows_Validate WorkflowRuns_Cancel WorkflowRuns_Get WorkflowRuns_List WorkflowRunActions_Get WorkflowRunActions_List WorkflowRunActionRepetitions_Get WorkflowRunActionRepetitions_List WorkflowRunActionRepetitions_ListExpressionTraces WorkflowRunActionRepetitionsRequestHistories_Get WorkflowRunActionRepetitionsRequestHistories_List WorkflowRunActionScopeRepetitions_Get WorkflowRunActionScopeRepetitions_List WorkflowTriggerHistories_Get WorkflowTriggerHistories_List WorkflowTriggerHistories_Resubmit WorkflowTriggers_Get WorkflowTriggers_GetSchemaJson WorkflowTriggers_List WorkflowTriggers_ListCallbackUrl WorkflowTriggers_Run WorkflowVersions_Get WorkflowVersions_List",
};

/** The reason an operation's examples are not replayed, if it is listed. */
export function webNotReplayedReason(operationId: string): string | undefined {
  for (const [reason, ids] of Object.entries(WEB_NOT_REPLAYED)) {
    if (ids.split(" ").includes(operationId)) return reason;
  }
  return undefined;
}
