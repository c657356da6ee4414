import { ArmError, resourceLocationConflict, resourceNotFound } from "./armError.js";
import {
  apiVersionedUrl,
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  normalizeLocation,
  providerRecord,
  retryAfter,
  startOperation,
  systemDataFor,
} from "./context.js";
import { queryParam } from "./httpIo.js";
import { paginate } from "./paging.js";
import {
  methodNotAllowed,
  readProviderResource,
  requireGroup,
  requireWritableGroup,
} from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid, writableOnly } from "./validation.js";
import {
  completeIdentity,
  completeSku,
  newSiteState,
  planComputed,
  renderSite,
  SERVERFARM_TYPE,
  SITE_TYPE,
  SLOT_TYPE,
  type SiteState,
  siteComputed,
  siteState,
  siteWritableDefaults,
} from "./webModel.js";
import { startWebOperation } from "./webOperations.js";
import { resolvePlan, sitesOnPlan } from "./webPlans.js";
import { webSchema } from "./webSchemas.js";

/** Which site a request addresses: production (`slot` undefined) or one of its slots. */
export interface SiteRef {
  sub: string;
  rg: string;
  name: string;
  slot?: string | undefined;
}

/** Canonical id of a site or slot. */
export function siteId(ref: SiteRef): string {
  const base = `/subscriptions/${ref.sub}/resourceGroups/${ref.rg}/providers/${SITE_TYPE}/${ref.name}`;
  return ref.slot === undefined ? base : `${base}/slots/${ref.slot}`;
}

function notFound(ref: SiteRef): ArmError {
  return ref.slot === undefined
    ? resourceNotFound(SITE_TYPE, ref.name, ref.rg)
    : resourceNotFound(SLOT_TYPE, `${ref.name}/${ref.slot}`, ref.rg);
}

/** The site or slot a request names, or ARM's 404 (404 for its site first, for a slot). */
export function requireSite(r: ArmRequest, ref: SiteRef): ResourceRecord {
  requireGroup(r, ref.sub, ref.rg);
  if (ref.slot !== undefined) requireSite(r, { ...ref, slot: undefined });
  const record = r.ctx.store.getResource(siteId(ref));
  if (!record) throw notFound(ref);
  return record;
}

/**
 * Folds a `siteConfig` from a site body into the kept configuration: `appSettings` and
 * `connectionStrings` (arrays on the wire) become the site's settings, the rest merges over it.
 */
export function applySiteConfig(state: SiteState, siteConfig: unknown): void {
  if (siteConfig === undefined || siteConfig === null) return;
  const { appSettings, connectionStrings, ...config } = bodyObject(siteConfig);
  Object.assign(state.config, config);
  if (Array.isArray(appSettings)) {
    state.appSettings = Object.fromEntries(
      appSettings.map((p) => [String(bodyObject(p).name), String(bodyObject(p).value ?? "")]),
    );
  }
  if (Array.isArray(connectionStrings)) {
    state.connectionStrings = Object.fromEntries(
      connectionStrings.map((c) => {
        const o = bodyObject(c);
        return [
          String(o.name),
          { value: String(o.connectionString ?? ""), type: String(o.type ?? "Custom") },
        ];
      }),
    );
  }
}

function findSiteAnywhere(r: ArmRequest, name: string): ResourceRecord | undefined {
  for (const s of r.ctx.store.resources.values()) {
    if (s.type === SITE_TYPE && s.name.toLowerCase() === name.toLowerCase()) return s;
  }
  return undefined;
}

/** WebApps_CreateOrUpdate / _Get / _Update / _Delete and their `Slot` forms. */
export function handleSite(r: ArmRequest, ref: SiteRef): ArmResponse {
  const id = siteId(ref);
  const existing = r.ctx.store.getResource(id);
  switch (r.method) {
    case "HEAD":
    case "GET":
      if (ref.slot !== undefined) requireSite(r, { ...ref, slot: undefined });
      return readProviderResource(r, ref.sub, ref.rg, {
        type: ref.slot === undefined ? SITE_TYPE : SLOT_TYPE,
        name: ref.slot === undefined ? ref.name : `${ref.name}/${ref.slot}`,
        existing,
        render: renderSite,
        provider: "web",
      });
    case "PUT":
      return putSite(r, ref, existing);
    case "PATCH": {
      requireWritableGroup(r, ref.sub, ref.rg);
      if (!existing) throw notFound(ref);
      assertValid(webSchema("SitePatchResource"), r.body);
      const body = writableOnly(webSchema("SitePatchResource"), r.body) as Record<string, unknown>;
      const { siteConfig, ...patch } = bodyObject(body.properties);
      if (patch.serverFarmId !== undefined)
        patch.serverFarmId = resolvePlan(r, ref.sub, ref.rg, patch.serverFarmId).id;
      existing.body.properties = {
        ...bodyObject(existing.body.properties),
        ...patch,
        lastModifiedTimeUtc: new Date().toISOString(),
      };
      applySiteConfig(siteState(existing), siteConfig);
      if (body.kind !== undefined) existing.body.kind = body.kind;
      if (body.identity !== undefined) {
        existing.body.identity = completeIdentity(
          body.identity,
          r.ctx.options.tenantId,
          existing.body.identity,
        );
      }
      // Not in the patch schema, but ARM lets a PATCH set tags on any tracked resource.
      if (body.tags !== undefined) existing.tags = body.tags as Record<string, string>;
      existing.systemData = systemDataFor(r.caller, existing.systemData);
      r.ctx.store.putResource(existing);
      return { status: 200, body: renderSite(existing), provider: "web" };
    }
    case "DELETE": {
      requireWritableGroup(r, ref.sub, ref.rg);
      if (!existing) return { status: 204, provider: "web" };
      const planRef = String(bodyObject(existing.body.properties).serverFarmId ?? "");
      r.ctx.store.deleteResource(existing.id);
      // deleteEmptyServerFarm=true also deletes the plan when this was its last app.
      if (ref.slot === undefined && queryParam(r.url, "deleteEmptyServerFarm")?.toLowerCase() === "true") {
        const plan = r.ctx.store.getResource(planRef);
        if (plan && plan.type === SERVERFARM_TYPE && sitesOnPlan(r, plan.id).length === 0) {
          r.ctx.store.deleteResource(plan.id);
        }
      }
      return { status: 200, provider: "web" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

function putSite(r: ArmRequest, ref: SiteRef, existing: ResourceRecord | undefined): ArmResponse {
  const group = requireWritableGroup(r, ref.sub, ref.rg);
  const parent = ref.slot === undefined ? undefined : requireSite(r, { ...ref, slot: undefined });
  assertValid(webSchema("Site"), r.body);
  const body = writableOnly(webSchema("Site"), r.body) as Record<string, unknown>;
  const location = normalizeLocation(String(body.location));
  if (existing && existing.location !== location)
    throw resourceLocationConflict(existing, group.name, location);
  if (!existing && !parent) {
    const elsewhere = findSiteAnywhere(r, ref.name);
    if (elsewhere) {
      const message = `Website with given name ${ref.name} already exists.`;
      throw new ArmError(409, "Conflict", message, { details: [{ code: "Conflict", message }] });
    }
  }
  // cloningInfo acts once, on create, and is not part of the app (App Service reads it back as null).
  const { siteConfig, cloningInfo, ...input } = bodyObject(body.properties);
  const previous = existing ? bodyObject(existing.body.properties) : {};
  const source = existing ? undefined : cloneSource(r, cloningInfo);
  const plan = planForSite(r, ref, group.name, location, {
    ref: input.serverFarmId ?? previous.serverFarmId ?? bodyObject(parent?.body.properties).serverFarmId,
    source,
    flexConsumption: input.functionAppConfig !== undefined,
  });
  const hostName = ref.slot === undefined ? ref.name : `${ref.name}-${ref.slot}`;
  const properties: Record<string, unknown> = {
    ...siteWritableDefaults(),
    ...previous,
    ...input,
    ...siteComputed({
      hostName,
      repositorySiteName: ref.name,
      resourceGroup: group.name,
      subscriptionId: ref.sub,
      plan,
    }),
    serverFarmId: plan.id,
  };
  if (previous.state !== undefined) properties.state = previous.state;
  const record = providerRecord(r, existing, {
    id: siteId(ref),
    sub: ref.sub,
    group: group.name,
    type: ref.slot === undefined ? SITE_TYPE : SLOT_TYPE,
    name: ref.slot === undefined ? ref.name : `${ref.name}/${ref.slot}`,
    location,
    properties,
    tags: body.tags,
  });
  const reserved = properties.reserved === true;
  record.body.kind = body.kind ?? existing?.body.kind ?? (reserved ? "app,linux" : "app");
  const identity = body.identity ?? existing?.body.identity;
  if (identity !== undefined) {
    record.body.identity = completeIdentity(identity, r.ctx.options.tenantId, existing?.body.identity);
  }
  const extendedLocation = body.extendedLocation ?? existing?.body.extendedLocation;
  if (extendedLocation !== undefined) record.body.extendedLocation = extendedLocation;
  const state = existing ? siteState(existing) : newSiteState();
  if (!existing && parent) {
    // A new slot starts from its site's configuration, as App Service clones it.
    const from = siteState(parent);
    state.config = structuredClone(from.config);
  }
  if (source) cloneState(state, siteState(source), bodyObject(cloningInfo));
  applySiteConfig(state, siteConfig);
  record.body.web = state;
  if (existing) {
    r.ctx.store.putResource(record);
    return { status: 200, body: renderSite(record), provider: "web" };
  }
  r.ctx.store.putResource(record);
  const { op, status, headers } = startWebOperation(
    r,
    ref.sub,
    (opId) => `/subscriptions/${ref.sub}/providers/Microsoft.Web/sites/${ref.name}/operationResults/${opId}`,
    {
      complete: () => {},
      // A create that failed leaves no app behind.
      fail: () => r.ctx.store.deleteResource(record.id),
      error: {
        code: "ProvisioningFailed",
        message: `Creating web app '${hostName}' failed (injected lroFailure).`,
      },
    },
  );
  if (op.status === "InProgress") record.pendingOperationId = op.id;
  return { status, body: renderSite(record), headers, provider: "web" };
}

/** The site `cloningInfo.sourceWebAppId` names (404 when it does not exist). */
function cloneSource(r: ArmRequest, cloningInfo: unknown): ResourceRecord | undefined {
  const sourceId = bodyObject(cloningInfo).sourceWebAppId;
  if (typeof sourceId !== "string") return undefined;
  // The upstream slot-clone example spells a slot `.../slot/{slot}`; read it as `.../slots/{slot}`.
  const source = r.ctx.store.getResource(sourceId.replace(/\/slot\//i, "/slots/"));
  if (!source || (source.type !== SITE_TYPE && source.type !== SLOT_TYPE)) {
    const message = `Cannot find source web app '${sourceId}' to clone.`;
    throw new ArmError(404, "NotFound", message, { details: [{ code: "NotFound", message }] });
  }
  return source;
}

/** Copies a clone source's configuration, settings (with `appSettingsOverrides`) and source control. */
function cloneState(state: SiteState, from: SiteState, cloningInfo: Record<string, unknown>): void {
  state.config = structuredClone(from.config);
  state.connectionStrings = structuredClone(from.connectionStrings);
  const overrides = bodyObject(cloningInfo.appSettingsOverrides) as Record<string, string>;
  state.appSettings = { ...from.appSettings, ...overrides };
  if (cloningInfo.cloneSourceControl === true && from.sourceControl) {
    state.sourceControl = structuredClone(from.sourceControl);
  }
}

/**
 * The plan a site is put on: the one `serverFarmId` names; else a clone's source's plan; else, for
 * a Flex Consumption function app (`functionAppConfig`), a FlexConsumption plan App Service creates
 * in the site's group; else App Service's 404 for the missing plan.
 */
function planForSite(
  r: ArmRequest,
  ref: SiteRef,
  group: string,
  location: string,
  from: { ref: unknown; source: ResourceRecord | undefined; flexConsumption: boolean },
): ResourceRecord {
  if (from.ref !== undefined || (!from.source && !from.flexConsumption)) {
    return resolvePlan(r, ref.sub, ref.rg, from.ref);
  }
  if (from.source)
    return resolvePlan(r, ref.sub, ref.rg, bodyObject(from.source.body.properties).serverFarmId);
  const name = `ASP-${group}-${ref.name}`.replace(/[^A-Za-z0-9-]/g, "").slice(0, 60);
  const id = `/subscriptions/${ref.sub}/resourceGroups/${group}/providers/${SERVERFARM_TYPE}/${name}`;
  const existing = r.ctx.store.getResource(id);
  if (existing) return existing;
  const sku = completeSku({ name: "FC1", tier: "FlexConsumption" });
  const properties = planComputed(
    { sku, location, resourceGroup: group, subscriptionId: ref.sub },
    { reserved: true, provisioningState: "Succeeded" },
  );
  const plan = providerRecord(r, undefined, {
    id,
    sub: ref.sub,
    group,
    type: SERVERFARM_TYPE,
    name,
    location,
    properties,
    tags: undefined,
  });
  plan.body.kind = "functionapp";
  plan.body.sku = sku;
  r.ctx.store.putResource(plan);
  return plan;
}

/** WebApps_ListByResourceGroup (`includeSlots`), WebApps_List, and WebApps_ListSlots. */
export function handleSiteList(r: ArmRequest, sub: string, rg?: string, slotsOf?: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  if (rg) requireGroup(r, sub, rg);
  let records: ResourceRecord[];
  if (slotsOf !== undefined && rg !== undefined) {
    const site = requireSite(r, { sub, rg, name: slotsOf });
    const prefix = `${site.id.toLowerCase()}/slots/`;
    records = r.ctx.store
      .resourcesIn(sub, rg)
      .filter((s) => s.type === SLOT_TYPE && s.id.toLowerCase().startsWith(prefix));
  } else {
    const includeSlots = queryParam(r.url, "includeSlots")?.toLowerCase() === "true";
    records = r.ctx.store
      .resourcesIn(sub, rg)
      .filter((s) => s.type === SITE_TYPE || (includeSlots && s.type === SLOT_TYPE));
  }
  const items = records.map((s) => ({ key: s.id.toLowerCase(), value: renderSite(s) }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "web",
  };
}

/** WebApps_Start / _Stop / _Restart (and Slot forms): 200 with no body; start and stop set `state`. */
export function handleSitePower(
  r: ArmRequest,
  ref: SiteRef,
  action: "start" | "stop" | "restart",
): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  requireWritableGroup(r, ref.sub, ref.rg);
  const site = requireSite(r, ref);
  const properties = bodyObject(site.body.properties);
  if (action !== "restart") {
    properties.state = action === "start" ? "Running" : "Stopped";
    properties.lastModifiedTimeUtc = new Date().toISOString();
    site.body.properties = properties;
    r.ctx.store.putResource(site);
  }
  return { status: 200, provider: "web" };
}

/**
 * WebApps_SwapSlotWithProduction (`POST sites/{name}/slotsswap`) and WebApps_SwapSlot
 * (`POST sites/{name}/slots/{slot}/slotsswap`): an LRO (202 + Location) that exchanges the
 * two sides' configuration, app settings, connection strings and source control, keeping the
 * settings named in `slotConfigNames` (sticky) where they are.
 */
export function handleSlotSwap(r: ArmRequest, ref: SiteRef): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  requireWritableGroup(r, ref.sub, ref.rg);
  const source = requireSite(r, ref);
  assertValid(webSchema("CsmSlotEntity"), r.body);
  const target = String(bodyObject(r.body).targetSlot);
  const targetRef = { ...ref, slot: target.toLowerCase() === "production" ? undefined : target };
  const other = requireSite(r, targetRef);
  if (other.id.toLowerCase() === source.id.toLowerCase()) {
    throw new ArmError(400, "BadRequest", "Cannot swap a slot with itself.");
  }
  const production = requireSite(r, { ...ref, slot: undefined });
  const sticky = siteState(production).slotConfigNames;
  const op = startOperation(
    r,
    ref.sub,
    () => {
      swapStates(siteState(source), siteState(other), sticky);
      r.ctx.store.changed();
    },
    {
      error: {
        code: "SwapFailed",
        message: `Swapping '${source.name}' with '${target}' failed (injected lroFailure).`,
      },
      fail: () => {},
    },
  );
  const location = apiVersionedUrl(
    r,
    `/subscriptions/${ref.sub}/providers/Microsoft.Web/locations/${source.location}/operationResults/${op.id}`,
  );
  return { status: 202, headers: { Location: location, ...retryAfter(r.ctx) }, provider: "web" };
}

/**
 * WebApps_ApplySlotConfigToProduction / _ApplySlotConfigurationSlot (`POST applySlotConfig`), the
 * first phase of a swap with preview: the addressed slot takes the target's values of the sticky
 * settings (production's `slotConfigNames`), keeping its own to put back on `POST resetSlotConfig`
 * (WebApps_ResetProductionSlotConfig / _ResetSlotConfigurationSlot). Both answer 200.
 */
export function handleSlotConfigPreview(r: ArmRequest, ref: SiteRef, action: "apply" | "reset"): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  requireWritableGroup(r, ref.sub, ref.rg);
  const site = requireSite(r, ref);
  const state = siteState(site);
  if (action === "reset") {
    if (state.beforeSlotConfig) {
      Object.assign(state, state.beforeSlotConfig);
      delete state.beforeSlotConfig;
      r.ctx.store.putResource(site);
    }
    return { status: 200, provider: "web" };
  }
  assertValid(webSchema("CsmSlotEntity"), r.body);
  const target = String(bodyObject(r.body).targetSlot);
  const other = requireSite(r, { ...ref, slot: target.toLowerCase() === "production" ? undefined : target });
  if (other.id.toLowerCase() === site.id.toLowerCase()) {
    throw new ArmError(400, "BadRequest", "Cannot apply a slot's configuration to itself.");
  }
  const sticky = siteState(requireSite(r, { ...ref, slot: undefined })).slotConfigNames;
  const from = siteState(other);
  const take = <T>(own: Record<string, T>, theirs: Record<string, T>, names: string[]): Record<string, T> => {
    const out = Object.fromEntries(
      Object.entries(own).filter(([k]) => !names.some((n) => n.toLowerCase() === k.toLowerCase())),
    );
    for (const [k, v] of Object.entries(theirs)) {
      if (names.some((n) => n.toLowerCase() === k.toLowerCase())) out[k] = v;
    }
    return out;
  };
  state.beforeSlotConfig ??= {
    appSettings: structuredClone(state.appSettings),
    connectionStrings: structuredClone(state.connectionStrings),
  };
  state.appSettings = take(state.appSettings, from.appSettings, sticky.appSettingNames);
  state.connectionStrings = take(
    state.connectionStrings,
    from.connectionStrings,
    sticky.connectionStringNames,
  );
  r.ctx.store.putResource(site);
  return { status: 200, provider: "web" };
}

function swapStates(a: SiteState, b: SiteState, sticky: SiteState["slotConfigNames"]): void {
  const swapMap = <T>(
    x: Record<string, T>,
    y: Record<string, T>,
    keep: string[],
  ): [Record<string, T>, Record<string, T>] => {
    const stays = (k: string) => keep.some((n) => n.toLowerCase() === k.toLowerCase());
    const pick = (from: Record<string, T>, keepFrom: Record<string, T>) => ({
      ...Object.fromEntries(Object.entries(from).filter(([k]) => !stays(k))),
      ...Object.fromEntries(Object.entries(keepFrom).filter(([k]) => stays(k))),
    });
    return [pick(y, x), pick(x, y)];
  };
  [a.appSettings, b.appSettings] = swapMap(a.appSettings, b.appSettings, sticky.appSettingNames);
  [a.connectionStrings, b.connectionStrings] = swapMap(
    a.connectionStrings,
    b.connectionStrings,
    sticky.connectionStringNames,
  );
  [a.config, b.config] = [b.config, a.config];
  [a.sourceControl, b.sourceControl] = [b.sourceControl, a.sourceControl];
  if (a.sourceControl === undefined) delete a.sourceControl;
  if (b.sourceControl === undefined) delete b.sourceControl;
}

/** WebApps_UpdateMachineKey (`POST updatemachinekey`): 200 with an empty object, as the example shows. */
export function handleMachineKey(r: ArmRequest, ref: SiteRef): ArmResponse {
  if (r.method !== "POST") throw methodNotAllowed(r.method);
  requireWritableGroup(r, ref.sub, ref.rg);
  requireSite(r, ref);
  return { status: 200, body: {}, provider: "web" };
}
