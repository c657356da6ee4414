import { type ArmRequest, type ArmResponse, bodyObject } from "./context.js";
import { methodNotAllowed, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid, writableOnly } from "./validation.js";
import { displayLocation, siteState } from "./webModel.js";
import { webSchema } from "./webSchemas.js";
import { requireSite, type SiteRef } from "./webSites.js";

/** Members App Service never returns from the "without secrets" read. */
const SECRET = /secret|password|key$/i;

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET.test(k) || k.endsWith("SettingName"))
      .map(([k, v]) => [k, withoutSecrets(v)]),
  );
}

function render(site: ResourceRecord, name: string, properties: unknown): Record<string, unknown> {
  return {
    id: `${site.id}/config/${name}`,
    name,
    type: `${site.type}/${name}`,
    kind: site.body.kind ?? "app",
    location: displayLocation(site.location),
    properties,
  };
}

/**
 * Authentication (Easy Auth) settings, stored as written: classic `config/authsettings` (PUT,
 * POST .../list) and `config/authsettingsV2` (PUT, GET .../list with secrets, GET without them).
 * Nothing enforces them: the emulator has no site runtime.
 */
export function handleAuthSettings(
  r: ArmRequest,
  ref: SiteRef,
  version: "v1" | "v2",
  list: boolean,
): ArmResponse {
  const name = version === "v1" ? "authsettings" : "authsettingsv2";
  const read = (site: ResourceRecord) => {
    const state = siteState(site);
    return version === "v1"
      ? (state.authSettings ?? {
          enabled: false,
          unauthenticatedClientAction: "RedirectToLoginPage",
          tokenStoreEnabled: false,
        })
      : (state.authSettingsV2 ?? {
          platform: { enabled: false },
          globalValidation: { requireAuthentication: false },
        });
  };
  if (r.method === "PUT" && !list) {
    requireWritableGroup(r, ref.sub, ref.rg);
    const site = requireSite(r, ref);
    const schema = webSchema(version === "v1" ? "SiteAuthSettings" : "SiteAuthSettingsV2");
    assertValid(schema, r.body);
    const properties = bodyObject((writableOnly(schema, r.body) as Record<string, unknown>).properties);
    if (version === "v1") siteState(site).authSettings = properties;
    else siteState(site).authSettingsV2 = properties;
    r.ctx.store.putResource(site);
    return { status: 200, body: render(site, name, properties), provider: "web" };
  }
  // v1 reads with POST .../list; v2 reads with GET (without secrets) or GET .../list (with them).
  const readMethod = version === "v1" ? "POST" : "GET";
  if (r.method !== readMethod || (version === "v1" && !list)) throw methodNotAllowed(r.method);
  const site = requireSite(r, ref);
  const properties = read(site);
  return {
    status: 200,
    body: render(site, name, list ? properties : withoutSecrets(properties)),
    provider: "web",
  };
}
