import { API_VERSIONS, LOCATIONS } from "./apiVersions.js";
import { ArmError } from "./armError.js";
import type { ArmRequest, ArmResponse } from "./context.js";
import { methodNotAllowed } from "./resourceGroups.js";

/** Resource types of the providers the emulator implements, with the api-versions it accepts. */
const KNOWN: Record<string, { namespace: string; types: Array<[string, readonly string[]]> }> = {
  "microsoft.resources": {
    namespace: "Microsoft.Resources",
    types: [
      ["resourceGroups", API_VERSIONS.resources],
      ["resources", API_VERSIONS.resources],
      ["subscriptions", API_VERSIONS.subscriptions],
    ],
  },
  "microsoft.keyvault": {
    namespace: "Microsoft.KeyVault",
    types: [
      ["vaults", API_VERSIONS.keyvault],
      ["deletedVaults", API_VERSIONS.keyvault],
      ["checkNameAvailability", API_VERSIONS.keyvault],
      ["locations/deletedVaults", API_VERSIONS.keyvault],
      ["locations/operationResults", API_VERSIONS.keyvault],
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

function render(
  r: ArmRequest,
  namespace: string,
  types: Array<[string, readonly string[]]>,
): Record<string, unknown> {
  return {
    id: `/subscriptions/${r.ctx.options.subscriptionId}/providers/${namespace}`,
    namespace,
    registrationState: "Registered",
    registrationPolicy: "RegistrationRequired",
    resourceTypes: types.map(([resourceType, apiVersions]) => ({
      resourceType,
      locations: LOCATIONS.map((l) => l),
      apiVersions: [...apiVersions],
      defaultApiVersion: apiVersions[0],
      capabilities: "None",
    })),
  };
}

/**
 * Namespaces not implemented specifically are "registered" once a resource of theirs exists; their
 * types list the api-versions clients have used to create them.
 */
function providers(r: ArmRequest): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [key, known] of Object.entries(KNOWN)) out.set(key, render(r, known.namespace, known.types));
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
    out.set(key, render(r, entry.namespace, types));
  }
  return out;
}

/** GET `/subscriptions/{s}/providers` and `/providers/{namespace}`, POST `.../{namespace}/register`. */
export function handleProviders(r: ArmRequest, namespace?: string, action?: "register"): ArmResponse {
  if (action === "register" ? r.method !== "POST" : r.method !== "GET") throw methodNotAllowed(r.method);
  const all = providers(r);
  if (namespace === undefined) {
    return { status: 200, body: { value: [...all.values()] } };
  }
  const found = all.get(namespace.toLowerCase());
  if (!found) {
    throw new ArmError(404, "InvalidResourceNamespace", `The resource namespace '${namespace}' is invalid.`, {
      origin: "gateway",
    });
  }
  return { status: 200, body: found };
}
