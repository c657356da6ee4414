// The key vault request body (VaultCreateOrUpdateParameters) and the vault resource, written by hand
// from specification/keyvault/resource-manager/Microsoft.KeyVault/stable/2025-05-01/keyvault.json, the
// way the code generator will emit them.
import { s } from "../../src/index.js";

export const SkuSchema = s.object(
  {
    family: s.required(s.enum(["A"], { extensible: true })),
    name: s.required(s.enum(["standard", "premium"])),
  },
  { name: "Sku" },
);

export const PermissionsSchema = s.object(
  {
    keys: s.array(
      s.enum(["all", "encrypt", "decrypt", "get", "list", "create", "update", "delete"], {
        extensible: true,
      }),
    ),
    secrets: s.array(s.enum(["all", "get", "list", "set", "delete"], { extensible: true })),
    certificates: s.array(
      s.enum(["all", "get", "list", "delete", "create", "import", "update"], { extensible: true }),
    ),
    storage: s.array(s.enum(["all", "get", "list", "delete", "set", "update"], { extensible: true })),
  },
  { name: "Permissions" },
);

const uuid = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

export const AccessPolicyEntrySchema = s.object(
  {
    tenantId: s.required(s.string({ pattern: uuid })),
    objectId: s.required(s.string()),
    applicationId: s.string({ pattern: uuid }),
    permissions: s.required(PermissionsSchema),
  },
  { name: "AccessPolicyEntry" },
);

export const NetworkRuleSetSchema = s.object(
  {
    bypass: s.enum(["AzureServices", "None"], { extensible: true }),
    defaultAction: s.enum(["Allow", "Deny"], { extensible: true }),
    ipRules: s.array(s.object({ value: s.required(s.string()) }, { name: "IPRule" })),
    virtualNetworkRules: s.array(
      s.object(
        { id: s.required(s.string()), ignoreMissingVnetServiceEndpoint: s.boolean() },
        { name: "VirtualNetworkRule" },
      ),
    ),
  },
  { name: "NetworkRuleSet" },
);

export const VaultPropertiesSchema = s.object(
  {
    tenantId: s.required(s.string({ pattern: uuid })),
    sku: s.required(SkuSchema),
    accessPolicies: s.array(AccessPolicyEntrySchema, { maxItems: 1024 }),
    vaultUri: s.string(),
    hsmPoolResourceId: s.readOnly(s.string()),
    enabledForDeployment: s.boolean(),
    enabledForDiskEncryption: s.boolean(),
    enabledForTemplateDeployment: s.boolean(),
    enableSoftDelete: s.boolean(),
    softDeleteRetentionInDays: s.integer(),
    enableRbacAuthorization: s.boolean(),
    createMode: s.enum(["recover", "default"]),
    enablePurgeProtection: s.boolean(),
    networkAcls: NetworkRuleSetSchema,
    provisioningState: s.enum(["Succeeded", "RegisteringDns"], { extensible: true }),
    privateEndpointConnections: s.readOnly(s.array(s.any())),
    publicNetworkAccess: s.string(),
  },
  { name: "VaultProperties" },
);

export const VaultCreateOrUpdateParametersSchema = s.object(
  {
    location: s.required(s.string()),
    tags: s.dictionary(s.string()),
    properties: s.required(VaultPropertiesSchema),
  },
  { name: "VaultCreateOrUpdateParameters" },
);

export const SystemDataSchema = s.object(
  {
    createdBy: s.string(),
    createdByType: s.enum(["User", "Application", "ManagedIdentity", "Key"], { extensible: true }),
    createdAt: s.dateTime(),
    lastModifiedBy: s.string(),
    lastModifiedByType: s.enum(["User", "Application", "ManagedIdentity", "Key"], { extensible: true }),
    lastModifiedAt: s.dateTime(),
  },
  { name: "SystemData" },
);

export const VaultSchema = s.object(
  {
    id: s.readOnly(s.string()),
    name: s.readOnly(s.string()),
    type: s.readOnly(s.string()),
    location: s.string(),
    tags: s.dictionary(s.string()),
    systemData: s.readOnly(SystemDataSchema),
    properties: s.required(VaultPropertiesSchema),
  },
  { name: "Vault" },
);

export const VaultListResultSchema = s.object(
  { value: s.array(VaultSchema), nextLink: s.string() },
  { name: "VaultListResult" },
);
