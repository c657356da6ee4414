import { randomUUID } from "node:crypto";
import { ArmError, resourceNotFound } from "./armError.js";
import {
  apiVersionedUrl,
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  type EmulatorContext,
  retryAfter,
  startOperation,
  systemDataFor,
} from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { notServed } from "./notServed.js";
import { paginate } from "./paging.js";
import { methodNotAllowed, requireGroup, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid } from "./validation.js";
import { VAULT_TYPE } from "./vaults.js";

type Json = Record<string, unknown>;

const PERMISSION_KINDS = ["keys", "secrets", "certificates", "storage"] as const;
const PEC_TYPE = `${VAULT_TYPE}/privateEndpointConnections`;

function vaultId(sub: string, rg: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${VAULT_TYPE}/${name}`;
}

function requireVault(r: ArmRequest, sub: string, rg: string, name: string, write: boolean): ResourceRecord {
  if (write) requireWritableGroup(r, sub, rg);
  else requireGroup(r, sub, rg);
  const vault = r.ctx.store.getResource(vaultId(sub, rg, name));
  if (!vault) throw resourceNotFound(VAULT_TYPE, name, rg);
  return vault;
}

function vaultProperties(vault: ResourceRecord): Json {
  return vault.body.properties as Json;
}

/**
 * `.../vaults/{name}/accessPolicies/{kind}`, `.../privateEndpointConnections[/{pec}]` and
 * `.../privateLinkResources` (rest: the segments after the vault name).
 */
export function handleVaultChild(
  r: ArmRequest,
  sub: string,
  rg: string,
  name: string,
  rest: string[],
): ArmResponse {
  const kind = rest[0]!.toLowerCase();
  if (kind === "accesspolicies" && rest.length === 2) return updateAccessPolicy(r, sub, rg, name, rest[1]!);
  if (kind === "privateendpointconnections" && rest.length <= 2) {
    return rest.length === 1
      ? listConnections(r, sub, rg, name)
      : handleConnection(r, sub, rg, name, rest[1]!);
  }
  if (kind === "privatelinkresources" && rest.length === 1) return listPrivateLinkResources(r, sub, rg, name);
  throw notServed(r);
}

// ---------------------------------------------------------------------------------------------------
// Access policies (Vaults_UpdateAccessPolicy)

const sameIdentity = (a: Json, b: Json) =>
  String(a.tenantId).toLowerCase() === String(b.tenantId).toLowerCase() &&
  String(a.objectId).toLowerCase() === String(b.objectId).toLowerCase() &&
  String(a.applicationId ?? "").toLowerCase() === String(b.applicationId ?? "").toLowerCase();

function permissionsOf(entry: Json): Record<string, string[]> {
  return bodyObject(entry.permissions) as Record<string, string[]>;
}

/** Applies one entry of an update to the vault's policies, as Key Vault does for add, replace and remove. */
function applyPolicy(policies: Json[], given: Json, kind: "add" | "replace" | "remove"): Json[] {
  const index = policies.findIndex((p) => sameIdentity(p, given));
  if (index < 0) return kind === "remove" ? policies : [...policies, given];
  const current = permissionsOf(policies[index]!);
  const update = permissionsOf(given);
  const merged: Record<string, string[]> = {};
  for (const k of PERMISSION_KINDS) {
    const have = current[k] ?? [];
    const change = update[k] ?? [];
    const lowerChange = change.map((p) => p.toLowerCase());
    if (kind === "replace") merged[k] = change;
    else if (kind === "add")
      merged[k] = [...have, ...change.filter((p) => !have.some((h) => h.toLowerCase() === p.toLowerCase()))];
    else merged[k] = have.filter((p) => !lowerChange.includes(p.toLowerCase()));
    if (merged[k]!.length === 0 && current[k] === undefined && update[k] === undefined) delete merged[k];
  }
  const empty = PERMISSION_KINDS.every((k) => (merged[k] ?? []).length === 0);
  if (kind === "remove" && empty) return policies.filter((_, i) => i !== index);
  return policies.map((p, i) => (i === index ? { ...p, permissions: merged } : p));
}

function updateAccessPolicy(
  r: ArmRequest,
  sub: string,
  rg: string,
  name: string,
  operationKind: string,
): ArmResponse {
  if (r.method !== "PUT") throw methodNotAllowed(r.method);
  const kind = operationKind.toLowerCase();
  if (kind !== "add" && kind !== "replace" && kind !== "remove") {
    throw new ArmError(
      400,
      "InvalidOperationKind",
      `The access policy update kind '${operationKind}' is not valid. It must be one of 'add', 'replace', 'remove'.`,
    );
  }
  const vault = requireVault(r, sub, rg, name, true);
  assertValid(specData.schemas.VaultAccessPolicyParameters, r.body);
  const given = (bodyObject(bodyObject(r.body).properties).accessPolicies ?? []) as Json[];
  const properties = vaultProperties(vault);
  let policies = (properties.accessPolicies ?? []) as Json[];
  for (const entry of given) policies = applyPolicy(policies, entry, kind);
  properties.accessPolicies = policies;
  vault.systemData = systemDataFor(r.caller, vault.systemData);
  r.ctx.store.putResource(vault);
  return {
    status: 200,
    body: {
      id: `${vault.id}/accessPolicies/`,
      type: `${VAULT_TYPE}/accessPolicies`,
      properties: { accessPolicies: given },
    },
    provider: "keyvault",
  };
}

// ---------------------------------------------------------------------------------------------------
// Private endpoint connections and private link resources

function connectionsOf(vault: ResourceRecord): Json[] {
  return (vaultProperties(vault).privateEndpointConnections ?? []) as Json[];
}

function connectionName(item: Json): string {
  return String(item.id).split("/").pop()!;
}

function renderConnection(vault: ResourceRecord, item: Json): Json {
  return {
    id: item.id,
    name: connectionName(item),
    type: PEC_TYPE,
    location: vault.location,
    etag: item.etag,
    properties: item.properties,
  };
}

function listConnections(r: ArmRequest, sub: string, rg: string, name: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const vault = requireVault(r, sub, rg, name, false);
  const items = connectionsOf(vault).map((c) => ({
    key: connectionName(c).toLowerCase(),
    value: renderConnection(vault, c),
  }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "keyvault",
  };
}

function handleConnection(
  r: ArmRequest,
  sub: string,
  rg: string,
  name: string,
  pecName: string,
): ArmResponse {
  const vault = requireVault(r, sub, rg, name, r.method !== "GET");
  const connections = connectionsOf(vault);
  const item = connections.find((c) => connectionName(c).toLowerCase() === pecName.toLowerCase());
  switch (r.method) {
    case "GET":
      // The spec answers a connection the vault does not have with 204 (no body).
      return item
        ? { status: 200, body: renderConnection(vault, item), provider: "keyvault" }
        : { status: 204, provider: "keyvault" };
    case "PUT": {
      if (!item) {
        throw new ArmError(
          404,
          "PrivateEndpointConnectionNotFound",
          `The private endpoint connection '${pecName}' of vault '${name}' was not found: connections are made by creating a Microsoft.Network/privateEndpoints resource that links to the vault.`,
        );
      }
      assertValid(specData.schemas.PrivateEndpointConnection, r.body);
      const body = bodyObject(r.body);
      if (typeof body.etag === "string" && body.etag !== "" && body.etag !== item.etag) {
        throw new ArmError(
          412,
          "PreconditionFailed",
          `The etag '${body.etag}' does not match the connection's current etag.`,
        );
      }
      const state = bodyObject(bodyObject(body.properties).privateLinkServiceConnectionState);
      const properties = bodyObject(item.properties);
      properties.privateLinkServiceConnectionState = {
        ...bodyObject(properties.privateLinkServiceConnectionState),
        ...state,
        actionsRequired: state.actionsRequired ?? "None",
      };
      properties.provisioningState = "Succeeded";
      item.etag = `W/"${randomUUID()}"`;
      r.ctx.store.putResource(vault);
      const op = r.ctx.operations.start(sub, () => {});
      const status = apiVersionedUrl(
        r,
        `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${vault.location}/operationStatuses/${op.id}`,
      );
      return {
        status: 200,
        body: renderConnection(vault, item),
        headers: { "Azure-AsyncOperation": status, ...retryAfter(r.ctx) },
        provider: "keyvault",
      };
    }
    case "DELETE": {
      if (!item) return { status: 204, provider: "keyvault" };
      bodyObject(item.properties).provisioningState = "Deleting";
      r.ctx.store.putResource(vault);
      // The operation ends with the connection as it was removed (what the spec's 200 shows).
      const removed = {
        ...renderConnection(vault, item),
        properties: { ...bodyObject(item.properties), provisioningState: "Disconnected" },
      };
      const op = startOperation(
        r,
        sub,
        () => {
          vaultProperties(vault).privateEndpointConnections = connectionsOf(vault).filter((c) => c !== item);
          r.ctx.store.changed();
        },
        {
          error: {
            code: "PrivateEndpointConnectionDeletionFailed",
            message: `Deleting '${pecName}' failed (injected lroFailure).`,
          },
          fail: () => {
            bodyObject(item.properties).provisioningState = "Failed";
          },
        },
      );
      op.result = removed;
      const location = apiVersionedUrl(
        r,
        `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/${vault.location}/operationResults/${op.id}`,
      );
      return { status: 202, headers: { Location: location, ...retryAfter(r.ctx) }, provider: "keyvault" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

function listPrivateLinkResources(r: ArmRequest, sub: string, rg: string, name: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const vault = requireVault(r, sub, rg, name, false);
  return {
    status: 200,
    body: {
      value: [
        {
          id: `${vault.id}/privateLinkResources/vault`,
          name: "vault",
          type: `${VAULT_TYPE}/privateLinkResources`,
          properties: {
            groupId: "vault",
            requiredMembers: ["default"],
            requiredZoneNames: ["privatelink.vaultcore.azure.net"],
          },
        },
      ],
    },
    provider: "keyvault",
  };
}

/**
 * A `Microsoft.Network/privateEndpoints` PUT (served as a generic resource) that links to a vault
 * makes a connection on the vault, as Azure does: Approved for `privateLinkServiceConnections`,
 * Pending for `manualPrivateLinkServiceConnections`.
 */
export function linkPrivateEndpoint(ctx: EmulatorContext, endpoint: ResourceRecord): void {
  if (endpoint.type.toLowerCase() !== "microsoft.network/privateendpoints") return;
  const properties = bodyObject(endpoint.body.properties);
  const links: Array<[Json, boolean]> = [
    ...((properties.privateLinkServiceConnections ?? []) as Json[]).map((l): [Json, boolean] => [l, false]),
    ...((properties.manualPrivateLinkServiceConnections ?? []) as Json[]).map((l): [Json, boolean] => [
      l,
      true,
    ]),
  ];
  for (const [link, manual] of links) {
    const target = String(bodyObject(link.properties).privateLinkServiceId ?? "");
    const vault = ctx.store.getResource(target);
    if (!vault || vault.type !== VAULT_TYPE) continue;
    const vaultProps = vaultProperties(vault);
    const connections = connectionsOf(vault);
    if (
      connections.some(
        (c) =>
          String(bodyObject(bodyObject(c.properties).privateEndpoint).id).toLowerCase() ===
          endpoint.id.toLowerCase(),
      )
    )
      continue;
    const message = String(bodyObject(link.properties).requestMessage ?? "");
    vaultProps.privateEndpointConnections = [
      ...connections,
      {
        id: `${vault.id}/privateEndpointConnections/${endpoint.name}.${randomUUID()}`,
        etag: `W/"${randomUUID()}"`,
        properties: {
          privateEndpoint: { id: endpoint.id },
          privateLinkServiceConnectionState: {
            status: manual ? "Pending" : "Approved",
            description: manual ? message : "Auto-approved",
            actionsRequired: "None",
          },
          provisioningState: "Succeeded",
        },
      },
    ];
    ctx.store.putResource(vault);
  }
}

/** Deleting a private endpoint removes the connections it made on vaults. */
export function unlinkPrivateEndpoint(ctx: EmulatorContext, endpoint: ResourceRecord): void {
  if (endpoint.type.toLowerCase() !== "microsoft.network/privateendpoints") return;
  const madeBy = (c: Json) =>
    String(bodyObject(bodyObject(c.properties).privateEndpoint).id).toLowerCase() ===
    endpoint.id.toLowerCase();
  for (const vault of ctx.store.resources.values()) {
    if (vault.type !== VAULT_TYPE || !connectionsOf(vault).some(madeBy)) continue;
    vaultProperties(vault).privateEndpointConnections = connectionsOf(vault).filter((c) => !madeBy(c));
    ctx.store.putResource(vault);
  }
}
