import { type ArmRequest, type ArmResponse, bodyObject } from "./context.js";
import { methodNotAllowed, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid } from "./validation.js";
import { siteState } from "./webModel.js";
import { webSchema } from "./webSchemas.js";
import { requireSite, type SiteRef } from "./webSites.js";

function render(site: ResourceRecord, kind: "ftp" | "scm"): Record<string, unknown> {
  const policies = siteState(site).publishingPolicies ?? { ftp: true, scm: true };
  return {
    id: `${site.id}/basicPublishingCredentialsPolicies/${kind}`,
    name: kind,
    type: "Microsoft.Web/sites/basicPublishingCredentialsPolicies",
    properties: { allow: policies[kind] },
  };
}

/**
 * Basic publishing credentials policies: `GET basicPublishingCredentialsPolicies` (both) and
 * `GET`/`PUT .../ftp` and `.../scm` (WebApps_Get/UpdateFtpAllowed, _Get/UpdateScmAllowed, and
 * their Slot forms). Both allow basic authentication until a PUT says otherwise.
 */
export function handlePublishingPolicies(r: ArmRequest, ref: SiteRef, kind?: "ftp" | "scm"): ArmResponse {
  if (kind === undefined) {
    if (r.method !== "GET") throw methodNotAllowed(r.method);
    const site = requireSite(r, ref);
    return { status: 200, body: { value: [render(site, "ftp"), render(site, "scm")] }, provider: "web" };
  }
  if (r.method === "GET") return { status: 200, body: render(requireSite(r, ref), kind), provider: "web" };
  if (r.method !== "PUT") throw methodNotAllowed(r.method);
  requireWritableGroup(r, ref.sub, ref.rg);
  const site = requireSite(r, ref);
  assertValid(webSchema("CsmPublishingCredentialsPoliciesEntity"), r.body);
  const allow = bodyObject(bodyObject(r.body).properties).allow;
  const state = siteState(site);
  state.publishingPolicies = {
    ...(state.publishingPolicies ?? { ftp: true, scm: true }),
    [kind]: allow === true,
  };
  r.ctx.store.putResource(site);
  return { status: 200, body: render(site, kind), provider: "web" };
}
