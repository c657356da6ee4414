import { rbacByDefault } from "./apiVersions.js";
import { ArmError, resourceLocationConflict, resourceNotFound } from "./armError.js";
import {
  apiVersionedUrl,
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  type EmulatorContext,
  normalizeLocation,
  providerRecord,
  retryAfter,
  startOperation,
  startProvisioning,
  systemDataFor,
} from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { paginate } from "./paging.js";
import {
  methodNotAllowed,
  readProviderResource,
  requireGroup,
  requireWritableGroup,
} from "./resourceGroups.js";
import type { DeletedVaultRecord, ResourceRecord } from "./store.js";
import { assertValid, writableOnly } from "./validation.js";

/** The canonical type name. */
export const VAULT_TYPE = "Microsoft.KeyVault/vaults";

const NAME_RULE = /^(?=.{3,24}$)[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/;

function invalidName(name: string): string {
  return `The vault name '${name}' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.`;
}

/**
 * Network rules as Key Vault stores them: a single IPv4 address becomes a /32 range, subnet ids are
 * lower-cased, and `ignoreMissingVnetServiceEndpoint` defaults to false.
 */
function normalizeNetworkAcls(properties: Record<string, unknown>): void {
  const acls = properties.networkAcls;
  if (typeof acls !== "object" || acls === null) return;
  const rules = acls as {
    ipRules?: Array<{ value?: unknown }>;
    virtualNetworkRules?: Array<Record<string, unknown>>;
  };
  rules.ipRules = rules.ipRules?.map((rule) =>
    typeof rule.value === "string" && /^\d{1,3}(\.\d{1,3}){3}$/.test(rule.value)
      ? { ...rule, value: `${rule.value}/32` }
      : rule,
  );
  rules.virtualNetworkRules = rules.virtualNetworkRules?.map((rule) => ({
    ...rule,
    id: typeof rule.id === "string" ? rule.id.toLowerCase() : rule.id,
    ignoreMissingVnetServiceEndpoint: rule.ignoreMissingVnetServiceEndpoint ?? false,
  }));
}

/** The ARM representation of a vault. */
export function renderVault(v: ResourceRecord): Record<string, unknown> {
  return {
    id: v.id,
    name: v.name,
    type: VAULT_TYPE,
    location: v.location,
    tags: v.tags ?? {},
    systemData: v.systemData,
    properties: v.body.properties,
  };
}

function findVaultAnywhere(ctx: EmulatorContext, name: string): ResourceRecord | undefined {
  for (const r of ctx.store.resources.values()) {
    if (r.type === VAULT_TYPE && r.name.toLowerCase() === name.toLowerCase()) return r;
  }
  return undefined;
}

/** Moves a vault to the soft-deleted list (unless soft delete is off), as Key Vault does. */
export function softDeleteVault(ctx: EmulatorContext, vault: ResourceRecord): void {
  const properties = vault.body.properties as Record<string, unknown>;
  if (properties.enableSoftDelete === false) return;
  const now = new Date();
  const days =
    typeof properties.softDeleteRetentionInDays === "number" ? properties.softDeleteRetentionInDays : 90;
  const record: DeletedVaultRecord = {
    subscriptionId: vault.subscriptionId,
    name: vault.name,
    location: vault.location ?? "",
    vaultId: vault.id,
    deletionDate: now.toISOString(),
    scheduledPurgeDate: new Date(now.getTime() + days * 86_400_000).toISOString(),
    purgeProtectionEnabled: properties.enablePurgeProtection === true,
  };
  if (vault.tags) record.tags = vault.tags;
  ctx.store.deletedVaults.set(vault.name.toLowerCase(), record);
}

function asyncOperationHeader(
  r: ArmRequest,
  sub: string,
  location: string,
  opId: string,
): Record<string, string> {
  if (!r.ctx.options.lro.asyncOperationHeader) return {};
  const path = `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${location}/operationStatuses/${opId}`;
  return { "Azure-AsyncOperation": apiVersionedUrl(r, path) };
}

/** PUT/GET/PATCH/DELETE on a vault. */
export function handleVault(r: ArmRequest, sub: string, rg: string, name: string): ArmResponse {
  const { store } = r.ctx;
  const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/${VAULT_TYPE}/${name}`;
  const existing = store.getResource(id);
  switch (r.method) {
    case "HEAD":
    case "GET":
      return readProviderResource(r, sub, rg, {
        type: VAULT_TYPE,
        name,
        existing,
        render: renderVault,
        provider: "keyvault",
      });
    case "PUT": {
      const group = requireWritableGroup(r, sub, rg);
      if (!NAME_RULE.test(name)) throw new ArmError(400, "VaultNameNotValid", invalidName(name));
      assertValid(specData.schemas.VaultCreateOrUpdateParameters, r.body);
      const body = writableOnly(specData.schemas.VaultCreateOrUpdateParameters, r.body) as Record<
        string,
        unknown
      >;
      const location = normalizeLocation(String(body.location));
      if (!existing) {
        const elsewhere = findVaultAnywhere(r.ctx, name);
        if (elsewhere) {
          throw new ArmError(
            409,
            "VaultAlreadyExists",
            `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be purged before reusing the name. For more information about VaultAlreadyExists, soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.`,
          );
        }
        const deleted = store.deletedVaults.get(name.toLowerCase());
        const properties = bodyObject(body.properties);
        if (deleted && properties.createMode !== "recover") {
          throw new ArmError(
            409,
            "ConflictError",
            `A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.`,
          );
        }
        if (deleted) store.deletedVaults.delete(name.toLowerCase());
      } else if (existing.location !== location) {
        throw resourceLocationConflict(existing, group.name, location);
      }
      const input = bodyObject(body.properties);
      const { createMode: _mode, ...writable } = input;
      const previous = existing ? bodyObject(existing.body.properties) : undefined;
      const properties: Record<string, unknown> = {
        accessPolicies: [],
        enabledForDeployment: false,
        enabledForDiskEncryption: false,
        enabledForTemplateDeployment: false,
        enableSoftDelete: true,
        softDeleteRetentionInDays: 90,
        // A create defaults by api-version; a PUT over an existing vault keeps its access model.
        enableRbacAuthorization: previous
          ? previous.enableRbacAuthorization === true
          : rbacByDefault(r.apiVersion),
        publicNetworkAccess: "Enabled",
        ...writable,
        vaultUri: `https://${name.toLowerCase()}.vault.azure.net/`,
        // Connections are made by private endpoints, not by the vault's PUT: a PUT keeps them.
        ...(previous?.privateEndpointConnections
          ? { privateEndpointConnections: previous.privateEndpointConnections }
          : {}),
        provisioningState: existing ? "Succeeded" : "RegisteringDns",
      };
      normalizeNetworkAcls(properties);
      const record = providerRecord(r, existing, {
        id,
        sub,
        group: group.name,
        type: VAULT_TYPE,
        name,
        location,
        properties,
        tags: body.tags,
      });
      let headers: Record<string, string> = {};
      if (!existing) {
        const op = startProvisioning(r, sub, properties, {
          code: "VaultProvisioningFailed",
          message: `Provisioning of vault '${name}' failed (injected lroFailure).`,
        });
        if (op.status === "InProgress") {
          record.pendingOperationId = op.id;
          headers = { ...asyncOperationHeader(r, sub, location, op.id), ...retryAfter(r.ctx) };
        }
      }
      store.putResource(record);
      return { status: existing ? 200 : 201, body: renderVault(record), headers, provider: "keyvault" };
    }
    case "PATCH": {
      requireWritableGroup(r, sub, rg);
      if (!existing) throw resourceNotFound(VAULT_TYPE, name, rg);
      assertValid(specData.schemas.VaultPatchParameters, r.body);
      const body = writableOnly(specData.schemas.VaultPatchParameters, r.body) as Record<string, unknown>;
      if (body.tags !== undefined) existing.tags = body.tags as Record<string, string>;
      const { createMode: _mode, ...patch } = bodyObject(body.properties);
      existing.body.properties = { ...(existing.body.properties as object), ...patch };
      normalizeNetworkAcls(existing.body.properties as Record<string, unknown>);
      existing.systemData = systemDataFor(r.caller, existing.systemData);
      store.putResource(existing);
      return { status: 200, body: renderVault(existing), provider: "keyvault" };
    }
    case "DELETE": {
      requireWritableGroup(r, sub, rg);
      if (!existing) return { status: 204, provider: "keyvault" };
      softDeleteVault(r.ctx, existing);
      store.deleteResource(existing.id);
      return { status: 200, provider: "keyvault" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

/** GET of vault lists: per group or per subscription. */
export function handleVaultList(r: ArmRequest, sub: string, rg?: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  if (rg) requireGroup(r, sub, rg);
  const items = r.ctx.store
    .resourcesIn(sub, rg)
    .filter((v) => v.type === VAULT_TYPE)
    .map((v) => ({ key: v.id.toLowerCase(), value: renderVault(v) }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "keyvault",
  };
}

/** POST checkNameAvailability. */
export function handleCheckName(r: ArmRequest): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  assertValid(specData.schemas.VaultCheckNameAvailabilityParameters, r.body);
  const name = String(bodyObject(r.body).name);
  if (!NAME_RULE.test(name)) {
    return {
      status: 200,
      body: { nameAvailable: false, reason: "AccountNameInvalid", message: invalidName(name) },
      provider: "keyvault",
    };
  }
  if (findVaultAnywhere(r.ctx, name) || r.ctx.store.deletedVaults.has(name.toLowerCase())) {
    return {
      status: 200,
      body: {
        nameAvailable: false,
        reason: "AlreadyExists",
        message: `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken.`,
      },
      provider: "keyvault",
    };
  }
  return { status: 200, body: { nameAvailable: true }, provider: "keyvault" };
}

function renderDeleted(d: DeletedVaultRecord): Record<string, unknown> {
  return {
    id: `/subscriptions/${d.subscriptionId}/providers/Microsoft.KeyVault/locations/${d.location}/deletedVaults/${d.name}`,
    name: d.name,
    type: "Microsoft.KeyVault/deletedVaults",
    properties: {
      vaultId: d.vaultId,
      location: d.location,
      deletionDate: d.deletionDate,
      scheduledPurgeDate: d.scheduledPurgeDate,
      tags: d.tags ?? {},
      purgeProtectionEnabled: d.purgeProtectionEnabled,
    },
  };
}

/** GET deletedVaults of a subscription. */
export function handleDeletedVaultList(r: ArmRequest, sub: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const items = [...r.ctx.store.deletedVaults.values()]
    .filter((d) => d.subscriptionId.toLowerCase() === sub.toLowerCase())
    .map((d) => ({ key: d.name.toLowerCase(), value: renderDeleted(d) }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "keyvault",
  };
}

/** GET a deleted vault, or POST `.../purge` (an LRO: 202 + Location, then 200). */
export function handleDeletedVault(
  r: ArmRequest,
  sub: string,
  location: string,
  name: string,
  purge: boolean,
): ArmResponse {
  const d = r.ctx.store.deletedVaults.get(name.toLowerCase());
  const found =
    d && d.subscriptionId.toLowerCase() === sub.toLowerCase() && d.location === normalizeLocation(location);
  const notFound = () =>
    new ArmError(404, "ResourceNotFound", `The specified deleted vault '${name}' does not exist.`);
  if (!purge) {
    if (r.method !== "GET") throw methodNotAllowed(r.method);
    if (!found) throw notFound();
    return { status: 200, body: renderDeleted(d), provider: "keyvault" };
  }
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  if (!found) throw notFound();
  if (d.purgeProtectionEnabled) {
    throw new ArmError(
      409,
      "ConflictError",
      `Operation 'DeletedVaultPurge' is not allowed: the vault '${name}' has purge protection enabled.`,
    );
  }
  const op = startOperation(
    r,
    sub,
    () => {
      r.ctx.store.deletedVaults.delete(name.toLowerCase());
      r.ctx.store.changed();
    },
    {
      error: { code: "PurgeFailed", message: `Purging vault '${name}' failed (injected lroFailure).` },
      fail: () => {},
    },
  );
  const resultUrl = apiVersionedUrl(
    r,
    `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${d.location}/operationResults/${op.id}`,
  );
  return { status: 202, headers: { Location: resultUrl, ...retryAfter(r.ctx) }, provider: "keyvault" };
}
