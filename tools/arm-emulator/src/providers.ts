import { API_VERSIONS, LOCATIONS } from "./apiVersions.js";
import { ArmError } from "./armError.js";
import type { ArmRequest, ArmResponse } from "./context.js";
import { notServed } from "./notServed.js";
import { methodNotAllowed } from "./resourceGroups.js";

/** Resource types of the providers the emulator implements, with the api-versions it accepts. */
const KNOWN: Record<string, { namespace: string; types: Array<[string, readonly string[]]> }> = {
  "microsoft.resources": {
    namespace: "Microsoft.Resources",
    types: [
      ["resourceGroups", API_VERSIONS.resources],
      ["resources", API_VERSIONS.resources],
      ["subscriptions", API_VERSIONS.subscriptions],
      ["tagNames", API_VERSIONS.resources],
      ["tags", API_VERSIONS.resources],
      ["providers", API_VERSIONS.resources],
      ["operations", API_VERSIONS.resources],
    ],
  },
  "microsoft.keyvault": {
    namespace: "Microsoft.KeyVault",
    types: [
      ["vaults", API_VERSIONS.keyvault],
      ["vaults/accessPolicies", API_VERSIONS.keyvault],
      ["vaults/privateEndpointConnections", API_VERSIONS.keyvault],
      ["deletedVaults", API_VERSIONS.keyvault],
      ["checkNameAvailability", API_VERSIONS.keyvault],
      ["locations/deletedVaults", API_VERSIONS.keyvault],
      ["locations/operationResults", API_VERSIONS.keyvault],
      ["operations", API_VERSIONS.keyvault],
    ],
  },
  "microsoft.web": {
    namespace: "Microsoft.Web",
    types: [
      ["serverFarms", API_VERSIONS.web],
      ["sites", API_VERSIONS.web],
    ],
  },
};

function renderTypes(types: Array<[string, readonly string[]]>): Array<Record<string, unknown>> {
  return types.map(([resourceType, apiVersions]) => ({
    resourceType,
    locations: [...LOCATIONS],
    apiVersions: [...apiVersions],
    defaultApiVersion: apiVersions.find((v) => !v.includes("preview")) ?? apiVersions[0],
    capabilities: "None",
  }));
}

interface ProviderEntry {
  namespace: string;
  types: Array<[string, readonly string[]]>;
}

/**
 * Namespaces not implemented specifically are "registered" once a resource of theirs exists; their
 * types list the api-versions clients have used to create them.
 */
function providers(r: ArmRequest): Map<string, ProviderEntry> {
  const out = new Map<string, ProviderEntry>();
  for (const [key, known] of Object.entries(KNOWN)) out.set(key, known);
  const generic = new Map<string, { namespace: string; types: Map<string, Set<string>> }>();
  for (const [type, versions] of r.ctx.seenApiVersions) {
    const [namespace, ...rest] = type.split("/");
    const key = namespace!.toLowerCase();
    if (KNOWN[key]) continue;
    const entry = generic.get(key) ?? { namespace: namespace!, types: new Map() };
    entry.types.set(rest.join("/"), versions);
    generic.set(key, entry);
  }
  for (const [key, entry] of generic) {
    const types = [...entry.types].map(([t, v]): [string, string[]] => [t, [...v].sort().reverse()]);
    out.set(key, { namespace: entry.namespace, types });
  }
  return out;
}

/** A provider as the subscription sees it (`registrationState`), or at tenant scope (no state). */
function render(r: ArmRequest, p: ProviderEntry, atTenant: boolean): Record<string, unknown> {
  if (atTenant) {
    return { id: `/providers/${p.namespace}`, namespace: p.namespace, resourceTypes: renderTypes(p.types) };
  }
  const registered = !r.ctx.store.unregisteredProviders.has(p.namespace.toLowerCase());
  return {
    id: `/subscriptions/${r.ctx.options.subscriptionId}/providers/${p.namespace}`,
    namespace: p.namespace,
    registrationState: registered ? "Registered" : "NotRegistered",
    registrationPolicy: "RegistrationRequired",
    resourceTypes: renderTypes(p.types),
  };
}

function find(r: ArmRequest, namespace: string): ProviderEntry {
  const found = providers(r).get(namespace.toLowerCase());
  if (!found) {
    throw new ArmError(404, "InvalidResourceNamespace", `The resource namespace '${namespace}' is invalid.`, {
      origin: "gateway",
    });
  }
  return found;
}

/**
 * Providers_* and ProviderResourceTypes_List: `GET [/subscriptions/{s}]/providers[/{namespace}]`,
 * `POST .../{namespace}/register|unregister`, `GET .../{namespace}/resourceTypes|providerPermissions`.
 * `atTenant` for the `/providers` forms.
 */
export function handleProviders(
  r: ArmRequest,
  namespace: string | undefined,
  action: string | undefined,
  atTenant = false,
): ArmResponse {
  if (namespace === undefined) {
    if (r.method !== "GET") throw methodNotAllowed(r.method);
    return { status: 200, body: { value: [...providers(r).values()].map((p) => render(r, p, atTenant)) } };
  }
  const lowerAction = action?.toLowerCase();
  if (lowerAction === undefined) {
    if (r.method !== "GET") throw methodNotAllowed(r.method);
    return { status: 200, body: render(r, find(r, namespace), atTenant) };
  }
  if (atTenant) throw notServed(r);
  switch (lowerAction) {
    case "register":
    case "unregister": {
      if (r.method !== "POST") throw methodNotAllowed(r.method);
      const p = find(r, namespace);
      if (lowerAction === "register") r.ctx.store.unregisteredProviders.delete(p.namespace.toLowerCase());
      else r.ctx.store.unregisteredProviders.add(p.namespace.toLowerCase());
      return { status: 200, body: render(r, p, false) };
    }
    case "resourcetypes":
      if (r.method !== "GET") throw methodNotAllowed(r.method);
      return { status: 200, body: { value: renderTypes(find(r, namespace).types) } };
    case "providerpermissions":
      // No RBAC here: no provider asks for permissions on its own behalf.
      if (r.method !== "GET") throw methodNotAllowed(r.method);
      find(r, namespace);
      return { status: 200, body: { value: [] } };
    default:
      throw notServed(r);
  }
}

const OPERATIONS: Record<string, Array<[string, string, string]>> = {
  "microsoft.resources": [
    ["subscriptions/resourceGroups/read", "Resource groups", "Get or list resource groups"],
    ["subscriptions/resourceGroups/write", "Resource groups", "Create or update a resource group"],
    ["subscriptions/resourceGroups/delete", "Resource groups", "Delete a resource group"],
    ["subscriptions/resourceGroups/moveResources/action", "Resource groups", "Move resources"],
    ["subscriptions/resourceGroups/validateMoveResources/action", "Resource groups", "Validate a move"],
    ["subscriptions/resourceGroups/exportTemplate/action", "Resource groups", "Export a template"],
    ["subscriptions/resources/read", "Resources", "List resources"],
    ["subscriptions/tagNames/read", "Tags", "List tag names"],
    ["subscriptions/tagNames/write", "Tags", "Create a tag name or value"],
    ["subscriptions/tagNames/delete", "Tags", "Delete a tag name or value"],
    ["tags/read", "Tags", "Get tags at a scope"],
    ["tags/write", "Tags", "Set tags at a scope"],
    ["tags/delete", "Tags", "Delete tags at a scope"],
    ["subscriptions/providers/read", "Providers", "Get or list providers"],
  ],
  "microsoft.keyvault": [
    ["vaults/read", "Key Vault", "View the properties of a vault"],
    ["vaults/write", "Key Vault", "Create a vault or update its properties"],
    ["vaults/delete", "Key Vault", "Delete a vault"],
    ["vaults/accessPolicies/write", "Key Vault", "Update a vault's access policies"],
    ["vaults/privateEndpointConnections/read", "Key Vault", "Read private endpoint connections"],
    ["vaults/privateEndpointConnections/write", "Key Vault", "Update a private endpoint connection"],
    ["vaults/privateEndpointConnections/delete", "Key Vault", "Delete a private endpoint connection"],
    ["deletedVaults/read", "Key Vault", "View soft-deleted vaults"],
    ["locations/deletedVaults/purge/action", "Key Vault", "Purge a soft-deleted vault"],
    ["checkNameAvailability/read", "Key Vault", "Check that a vault name is valid and unused"],
  ],
};

/** Operations_List of a provider: `GET /providers/{namespace}/operations`. */
export function handleOperationsList(r: ArmRequest, namespace: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const known = KNOWN[namespace.toLowerCase()];
  const rows = OPERATIONS[namespace.toLowerCase()];
  if (!known || !rows) throw notServed(r);
  return {
    status: 200,
    body: {
      value: rows.map(([name, resource, description]) => ({
        name: `${known.namespace}/${name}`,
        display: { provider: known.namespace, resource, operation: description, description },
        ...(known.namespace === "Microsoft.KeyVault" ? { origin: "user,system", isDataAction: false } : {}),
      })),
    },
  };
}
