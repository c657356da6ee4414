import { ArmError } from "./armError.js";
import type { ArmRequest, ArmResponse } from "./context.js";
import { paginate } from "./paging.js";
import { methodNotAllowed } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { siteState } from "./webModel.js";
import { requireSite, type SiteRef } from "./webSites.js";

const REFERENCE = /^@Microsoft\.KeyVault\((.*)\)$/i;
const SECRET_URI = /^https:\/\/([^./]+)\.vault\.azure\.net\/secrets\/([^/]+)(?:\/([^/]*))?\/?$/i;

interface ParsedReference {
  vaultName?: string;
  secretName?: string;
  secretVersion?: string;
  valid: boolean;
}

/** Reads `@Microsoft.KeyVault(SecretUri=...)` or `@Microsoft.KeyVault(VaultName=..;SecretName=..[;SecretVersion=..])`. */
function parseReference(inner: string): ParsedReference {
  const parts = Object.fromEntries(
    inner.split(";").map((p) => {
      const at = p.indexOf("=");
      return [p.slice(0, at).trim().toLowerCase(), p.slice(at + 1).trim()];
    }),
  );
  if (parts.secreturi) {
    const m = SECRET_URI.exec(parts.secreturi);
    if (!m) return { valid: false };
    return { vaultName: m[1]!, secretName: m[2]!, ...(m[3] ? { secretVersion: m[3] } : {}), valid: true };
  }
  if (parts.vaultname && parts.secretname) {
    return {
      vaultName: parts.vaultname,
      secretName: parts.secretname,
      ...(parts.secretversion ? { secretVersion: parts.secretversion } : {}),
      valid: true,
    };
  }
  return { valid: false };
}

/**
 * How App Service would resolve a reference, as far as the emulator can tell: the syntax, a managed
 * identity on the app, and a vault of that name among the emulated vaults. The secret itself is not
 * checked (there is no Key Vault data plane), so a reference that gets that far reads `Resolved`.
 */
function resolveStatus(
  r: ArmRequest,
  site: ResourceRecord,
  ref: ParsedReference,
): { status: string; details: string } {
  if (!ref.valid) return { status: "InvalidSyntax", details: "The Key Vault reference could not be parsed." };
  if (!site.body.identity) {
    return { status: "MSINotEnabled", details: "The app has no managed identity to read Key Vault with." };
  }
  const vault = [...r.ctx.store.resources.values()].find(
    (v) => v.type === "Microsoft.KeyVault/vaults" && v.name.toLowerCase() === ref.vaultName!.toLowerCase(),
  );
  if (!vault) return { status: "VaultNotFound", details: `Key Vault '${ref.vaultName}' was not found.` };
  return { status: "Resolved", details: "Reference resolved (the emulator does not check the secret)." };
}

function render(
  r: ArmRequest,
  site: ResourceRecord,
  kind: "appsettings" | "connectionstrings",
  key: string,
  value: string,
): Record<string, unknown> {
  const inner = REFERENCE.exec(value)?.[1] ?? "";
  const parsed = parseReference(inner);
  const { status, details } = resolveStatus(r, site, parsed);
  const properties: Record<string, unknown> = { reference: value, status, details, source: "KeyVault" };
  if (parsed.vaultName) properties.vaultName = parsed.vaultName;
  if (parsed.secretName) properties.secretName = parsed.secretName;
  if (parsed.secretVersion) properties.secretVersion = parsed.secretVersion;
  if (site.body.identity) properties.identityType = site.body.identity;
  return {
    id: `${site.id}/config/configreferences/${kind}/${key}`,
    name: key,
    type: `${site.type}/config/configreferences`,
    properties,
  };
}

/**
 * WebApps_GetAppSettingsKeyVaultReferences (`GET config/configreferences/appsettings`),
 * WebApps_GetAppSettingKeyVaultReference (`.../appsettings/{key}`), their connection-string
 * twins (`.../connectionstrings[/{key}]`) and Slot forms: the settings whose value is an
 * `@Microsoft.KeyVault(...)` reference, with a resolution status.
 */
export function handleKeyVaultReferences(
  r: ArmRequest,
  ref: SiteRef,
  kind: "appsettings" | "connectionstrings",
  key?: string,
): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const site = requireSite(r, ref);
  const state = siteState(site);
  const values: Array<[string, string]> =
    kind === "appsettings"
      ? Object.entries(state.appSettings)
      : Object.entries(state.connectionStrings).map(([k, v]) => [k, v.value]);
  const references = values.filter(([, v]) => REFERENCE.test(v));
  if (key === undefined) {
    const items = references.map(([k, v]) => ({ key: k.toLowerCase(), value: render(r, site, kind, k, v) }));
    return {
      status: 200,
      body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
      provider: "web",
    };
  }
  const found = references.find(([k]) => k.toLowerCase() === key.toLowerCase());
  if (!found) {
    const what = kind === "appsettings" ? "App setting" : "Connection string";
    const message = `${what} '${key}' is not a Key Vault reference of '${site.name}'.`;
    throw new ArmError(404, "NotFound", message, { details: [{ code: "NotFound", message }] });
  }
  return { status: 200, body: render(r, site, kind, found[0], found[1]), provider: "web" };
}
