import { ArmError, resourceLocationConflict, resourceNotFound } from "./armError.js";
import {
  apiVersionedUrl,
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  normalizeLocation,
  providerRecord,
  retryAfter,
  startProvisioning,
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

/**
 * Microsoft.Web serverfarms and sites. Validation is still minimal (the generated schemas cover
 * Resources and KeyVault only): a JSON object, `location` required, and for a site a
 * `properties.serverFarmId` naming an existing serverfarm.
 */
export const SERVERFARM_TYPE = "Microsoft.Web/serverfarms";
/** The canonical site type. */
export const SITE_TYPE = "Microsoft.Web/sites";

/** The ARM representation of a serverfarm or site. */
export function renderWeb(w: ResourceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: w.id,
    name: w.name,
    type: w.type,
    kind: w.body.kind ?? (w.type === SITE_TYPE ? "app" : "app"),
    location: w.location,
  };
  if (w.tags) out.tags = w.tags;
  out.properties = w.body.properties;
  if (w.body.sku) out.sku = w.body.sku;
  if (w.body.identity) out.identity = w.body.identity;
  return out;
}

function siteCount(r: ArmRequest, farmId: string): ResourceRecord[] {
  return [...r.ctx.store.resources.values()].filter(
    (s) =>
      s.type === SITE_TYPE &&
      String((s.body.properties as Record<string, unknown>).serverFarmId ?? "").toLowerCase() ===
        farmId.toLowerCase(),
  );
}

function resolveFarm(r: ArmRequest, sub: string, rg: string, ref: unknown): ResourceRecord {
  const text = typeof ref === "string" ? ref : "";
  const id = text.startsWith("/")
    ? text
    : `/subscriptions/${sub}/resourceGroups/${rg}/providers/${SERVERFARM_TYPE}/${text}`;
  const farm = r.ctx.store.getResource(id);
  if (!text || !farm || farm.type !== SERVERFARM_TYPE) {
    const name = text.split("/").pop() ?? "";
    throw new ArmError(404, "NotFound", `Cannot find ServerFarm with name ${name}.`);
  }
  return farm;
}

/** PUT/GET/PATCH/DELETE on a serverfarm or site. */
export function handleWeb(
  r: ArmRequest,
  sub: string,
  rg: string,
  kind: "serverfarms" | "sites",
  name: string,
): ArmResponse {
  const { store } = r.ctx;
  const type = kind === "sites" ? SITE_TYPE : SERVERFARM_TYPE;
  const id = `/subscriptions/${sub}/resourceGroups/${rg}/providers/${type}/${name}`;
  const existing = store.getResource(id);
  switch (r.method) {
    case "HEAD":
    case "GET":
      return readProviderResource(r, sub, rg, { type, name, existing, render: renderWeb, provider: "web" });
    case "PUT": {
      const group = requireWritableGroup(r, sub, rg);
      if (typeof r.body !== "object" || r.body === null || Array.isArray(r.body)) {
        throw new ArmError(
          400,
          "InvalidRequestContent",
          "The request content was invalid and could not be deserialized: 'The request body must be a JSON object.'.",
        );
      }
      const body = bodyObject(r.body);
      if (typeof body.location !== "string" || body.location === "") {
        throw new ArmError(
          400,
          "LocationRequired",
          "The location property is required for this definition.",
          { origin: "gateway" },
        );
      }
      const location = normalizeLocation(body.location);
      if (existing && existing.location !== location) {
        throw resourceLocationConflict(existing, group.name, location);
      }
      const input = bodyObject(body.properties);
      let properties: Record<string, unknown>;
      if (type === SITE_TYPE) {
        const farm = resolveFarm(r, sub, rg, input.serverFarmId);
        properties = {
          state: "Running",
          enabled: true,
          ...input,
          serverFarmId: farm.id,
          defaultHostName: `${name.toLowerCase()}.azurewebsites.net`,
          hostNames: [`${name.toLowerCase()}.azurewebsites.net`],
          resourceGroup: group.name,
        };
      } else {
        properties = { status: "Ready", ...input, resourceGroup: group.name };
      }
      properties.provisioningState = existing ? "Succeeded" : "InProgress";
      const record = providerRecord(r, existing, {
        id,
        sub,
        group: group.name,
        type,
        name,
        location,
        properties,
        tags: body.tags,
      });
      for (const k of ["kind", "sku", "identity"]) if (body[k] !== undefined) record.body[k] = body[k];
      let status = 200;
      let headers: Record<string, string> = {};
      if (!existing) {
        status = 202;
        const op = startProvisioning(r, sub, properties, {
          code: "ProvisioningFailed",
          message: `Provisioning of '${name}' failed (injected lroFailure).`,
        });
        if (op.status === "InProgress") record.pendingOperationId = op.id;
        headers = retryAfter(r.ctx);
        if (r.ctx.options.lro.asyncOperationHeader) {
          const path = `/subscriptions/${sub}/providers/Microsoft.Web/locations/${location}/operationStatuses/${op.id}`;
          headers["Azure-AsyncOperation"] = apiVersionedUrl(r, path);
        }
      }
      store.putResource(record);
      return { status, body: renderWeb(record), headers, provider: "web" };
    }
    case "PATCH": {
      requireWritableGroup(r, sub, rg);
      if (!existing) throw resourceNotFound(type, name, rg);
      const body = bodyObject(r.body);
      const patch = bodyObject(body.properties);
      if (type === SITE_TYPE && patch.serverFarmId !== undefined) {
        patch.serverFarmId = resolveFarm(r, sub, rg, patch.serverFarmId).id;
      }
      existing.body.properties = { ...(existing.body.properties as object), ...patch };
      if (body.tags !== undefined) existing.tags = body.tags as Record<string, string>;
      for (const k of ["kind", "sku"]) if (body[k] !== undefined) existing.body[k] = body[k];
      existing.systemData = systemDataFor(r.caller, existing.systemData);
      store.putResource(existing);
      return { status: 200, body: renderWeb(existing), provider: "web" };
    }
    case "DELETE": {
      requireWritableGroup(r, sub, rg);
      if (!existing) return { status: 204, provider: "web" };
      if (type === SERVERFARM_TYPE) {
        const sites = siteCount(r, existing.id);
        if (sites.length > 0) {
          throw new ArmError(
            409,
            "Conflict",
            `Server farm '${existing.name}' cannot be deleted because it has web app(s) ${sites.map((s) => s.name).join(",")} assigned to it.`,
          );
        }
      }
      store.deleteResource(existing.id);
      return { status: 200, provider: "web" };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

/** GET serverfarm or site lists, per group or per subscription. */
export function handleWebList(
  r: ArmRequest,
  sub: string,
  kind: "serverfarms" | "sites",
  rg?: string,
): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  if (rg) requireGroup(r, sub, rg);
  const type = kind === "sites" ? SITE_TYPE : SERVERFARM_TYPE;
  const items = r.ctx.store
    .resourcesIn(sub, rg)
    .filter((w) => w.type === type)
    .map((w) => ({ key: w.id.toLowerCase(), value: renderWeb(w) }));
  return {
    status: 200,
    body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize),
    provider: "web",
  };
}
