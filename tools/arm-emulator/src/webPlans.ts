import { ArmError, resourceLocationConflict, resourceNotFound } from "./armError.js";
import {
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  normalizeLocation,
  providerRecord,
  systemDataFor,
} from "./context.js";
import { paginate } from "./paging.js";
import {
  methodNotAllowed,
  readProviderResource,
  requireGroup,
  requireWritableGroup,
} from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid, writableOnly } from "./validation.js";
import { completeSku, planComputed, renderPlan, renderSite, SERVERFARM_TYPE, SITE_TYPE } from "./webModel.js";
import { startWebOperation } from "./webOperations.js";
import { webSchema } from "./webSchemas.js";

/** Sites (not slots) hosted on a plan. */
export function sitesOnPlan(r: ArmRequest, planId: string): ResourceRecord[] {
  return [...r.ctx.store.resources.values()].filter(
    (s) =>
      s.type === SITE_TYPE &&
      String(bodyObject(s.body.properties).serverFarmId ?? "").toLowerCase() === planId.toLowerCase(),
  );
}

/** A plan as ARM returns it, with `numberOfSites` counted now. */
export function renderPlanNow(r: ArmRequest, plan: ResourceRecord): Record<string, unknown> {
  return renderPlan(plan, sitesOnPlan(r, plan.id).length);
}

function planId(sub: string, rg: string, name: string): string {
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${SERVERFARM_TYPE}/${name}`;
}

/**
 * The plan a site's `serverFarmId` names (a full id, or a bare name in the site's group), or App
 * Service's 404 for it.
 */
export function resolvePlan(r: ArmRequest, sub: string, rg: string, ref: unknown): ResourceRecord {
  const text = typeof ref === "string" ? ref : "";
  const id = text.startsWith("/") ? text : planId(sub, rg, text);
  const plan = r.ctx.store.getResource(id);
  if (!text || !plan || plan.type !== SERVERFARM_TYPE) {
    const name = text.split("/").pop() ?? "";
    throw new ArmError(404, "NotFound", `Cannot find ServerFarm with name ${name}.`, {
      details: [{ code: "NotFound", message: `Cannot find ServerFarm with name ${name}.` }],
    });
  }
  return plan;
}

/** What a plan's stored properties hold that a client set (the computed ones are derived anew). */
function writableProperties(plan: ResourceRecord): Record<string, unknown> {
  const kept = writableOnly(webSchema("AppServicePlan"), { properties: plan.body.properties });
  return bodyObject(bodyObject(kept).properties);
}

/** AppServicePlans_CreateOrUpdate / _Get / _Update / _Delete. */
export function handlePlan(r: ArmRequest, sub: string, rg: string, name: string): ArmResponse {
  const { store } = r.ctx;
  const id = planId(sub, rg, name);
  const existing = store.getResource(id);
  switch (r.method) {
    case "HEAD":
    case "GET":
      return readProviderResource(r, sub, rg, {
        type: SERVERFARM_TYPE,
        name,
        existing,
        render: (p) => renderPlanNow(r, p),
        provider: "web",
      });
    case "PUT":
      return putPlan(r, sub, rg, name, existing);
    case "PATCH": {
      requireWritableGroup(r, sub, rg);
      if (!existing) throw resourceNotFound(SERVERFARM_TYPE, name, rg);
      assertValid(webSchema("AppServicePlanPatchResource"), r.body);
      const body = writableOnly(webSchema("AppServicePlanPatchResource"), r.body) as Record<string, unknown>;
      existing.body.properties = { ...bodyObject(existing.body.properties), ...bodyObject(body.properties) };
      if (body.kind !== undefined) existing.body.kind = body.kind;
      // Not in the patch schema, but ARM lets a PATCH set tags on any tracked resource.
      if (body.tags !== undefined) existing.tags = body.tags as Record<string, string>;
      existing.systemData = systemDataFor(r.caller, existing.systemData);
      store.putResource(existing);
      return { status: 200, body: renderPlanNow(r, existing), provider: "web" };
    }
    case "DELETE": {
      requireWritableGroup(r, sub, rg);
      if (!existing) return { status: 204, provider: "web" };
      const sites = sitesOnPlan(r, existing.id);
      if (sites.length > 0) {
        // App Service's answer (ExtendedCode 11003), in the spec's DefaultErrorResponse shape.
        const message = `Server farm '${existing.name}' cannot be deleted because it has web app(s) ${sites.map((s) => s.name).join(",")} assigned to it.`;
        throw new ArmError(409, "Conflict", message, { details: [{ code: "Conflict", message }] });
      }
      store.deleteResource(existing.id);
      return { status: 200, provider: "web" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

function putPlan(
  r: ArmRequest,
  sub: string,
  rg: string,
  name: string,
  existing: ResourceRecord | undefined,
): ArmResponse {
  const group = requireWritableGroup(r, sub, rg);
  assertValid(webSchema("AppServicePlan"), r.body);
  const body = writableOnly(webSchema("AppServicePlan"), r.body) as Record<string, unknown>;
  const location = normalizeLocation(String(body.location));
  if (existing && existing.location !== location)
    throw resourceLocationConflict(existing, group.name, location);
  const sku = completeSku(body.sku === undefined ? undefined : bodyObject(body.sku));
  const input = bodyObject(body.properties);
  const properties = planComputed(
    { sku, location, resourceGroup: group.name, subscriptionId: sub },
    { ...(existing ? writableProperties(existing) : {}), ...input },
  );
  const kind = typeof body.kind === "string" ? body.kind : properties.reserved === true ? "linux" : "app";
  properties.provisioningState = existing ? "Succeeded" : "InProgress";
  const record = providerRecord(r, existing, {
    id: planId(sub, rg, name),
    sub,
    group: group.name,
    type: SERVERFARM_TYPE,
    name,
    location,
    properties,
    tags: body.tags,
  });
  record.body.kind = kind;
  record.body.sku = sku;
  for (const k of ["identity", "extendedLocation"]) if (body[k] !== undefined) record.body[k] = body[k];
  if (existing) {
    r.ctx.store.putResource(record);
    return { status: 200, body: renderPlanNow(r, record), provider: "web" };
  }
  const settle = (state: string) => () => {
    properties.provisioningState = state;
    r.ctx.store.changed();
  };
  r.ctx.store.putResource(record);
  const { op, status, headers } = startWebOperation(
    r,
    sub,
    (opId) => `${record.id}/operationresults/${opId}`,
    {
      complete: settle("Succeeded"),
      fail: settle("Failed"),
      error: {
        code: "ProvisioningFailed",
        message: `Provisioning of App Service plan '${name}' failed (injected lroFailure).`,
      },
      withLocation: true,
    },
  );
  if (op.status === "InProgress") record.pendingOperationId = op.id;
  return { status, body: renderPlanNow(r, record), headers, provider: "web" };
}

/** AppServicePlans_ListByResourceGroup and AppServicePlans_List. */
export function handlePlanList(r: ArmRequest, sub: string, rg?: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  if (rg) requireGroup(r, sub, rg);
  const items = r.ctx.store
    .resourcesIn(sub, rg)
    .filter((p) => p.type === SERVERFARM_TYPE)
    .map((p) => ({ key: p.id.toLowerCase(), value: renderPlanNow(r, p) }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "web",
  };
}

/** AppServicePlans_ListWebApps: `GET serverfarms/{name}/sites`. */
export function handlePlanSites(r: ArmRequest, sub: string, rg: string, name: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  requireGroup(r, sub, rg);
  const plan = r.ctx.store.getResource(planId(sub, rg, name));
  if (!plan) throw resourceNotFound(SERVERFARM_TYPE, name, rg);
  const items = sitesOnPlan(r, plan.id).map((s) => ({ key: s.id.toLowerCase(), value: renderSite(s) }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "web",
  };
}
