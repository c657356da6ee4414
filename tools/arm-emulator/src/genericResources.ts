import { randomUUID } from "node:crypto";
import { ArmError, resourceLocationConflict, resourceNotFound } from "./armError.js";
import {
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  normalizeLocation,
  systemDataFor,
} from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { matchesFilter, paginate, parseFilter } from "./paging.js";
import { methodNotAllowed, requireGroup, requireWritableGroup } from "./resourceGroups.js";
import type { ResourceRecord } from "./store.js";
import { assertValid, writableOnly } from "./validation.js";
import { linkPrivateEndpoint, unlinkPrivateEndpoint } from "./vaultChildren.js";

/** A resource path: namespace, type segments and names (child resources have several of each). */
export interface ResourcePath {
  sub: string;
  rg: string;
  namespace: string;
  types: string[];
  names: string[];
}

/** Full type (`Microsoft.Foo/bars/children`) of a path. */
export function fullType(p: Pick<ResourcePath, "namespace" | "types">): string {
  return [p.namespace, ...p.types].join("/");
}

/** Canonical id of a path. */
export function resourceIdOf(p: ResourcePath): string {
  const tail = p.types.map((t, i) => `${t}/${p.names[i]}`).join("/");
  return `/subscriptions/${p.sub}/resourceGroups/${p.rg}/providers/${p.namespace}/${tail}`;
}

const TOP_LEVEL = ["kind", "sku", "plan", "identity", "managedBy", "extendedLocation"] as const;

/** The ARM representation of any resource, as GET on a generic resource returns it. */
export function renderGeneric(g: ResourceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: g.id, name: g.name, type: g.type };
  if (g.location) out.location = g.location;
  if (g.tags) out.tags = g.tags;
  for (const k of TOP_LEVEL) if (g.body[k] !== undefined) out[k] = g.body[k];
  if (g.body.properties !== undefined) out.properties = g.body.properties;
  out.systemData = g.systemData;
  if (g.etag) out.etag = g.etag;
  return out;
}

/** The list representation (GenericResourceExpanded without $expand): no properties. */
export function renderListItem(g: ResourceRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { id: g.id, name: g.name, type: g.type };
  if (g.location) out.location = g.location;
  if (g.tags) out.tags = g.tags;
  for (const k of TOP_LEVEL) if (g.body[k] !== undefined) out[k] = g.body[k];
  return out;
}

/** `$expand=createdTime,changedTime,provisioningState` on resource lists (GenericResourceExpanded). */
function expand(
  item: Record<string, unknown>,
  g: ResourceRecord,
  text: string | null,
): Record<string, unknown> {
  const wanted = new Set((text ?? "").split(",").map((s) => s.trim().toLowerCase()));
  if (wanted.has("createdtime")) item.createdTime = g.systemData.createdAt;
  if (wanted.has("changedtime")) item.changedTime = g.systemData.lastModifiedAt;
  if (wanted.has("provisioningstate")) {
    const properties = g.body.properties as Record<string, unknown> | undefined;
    item.provisioningState = properties?.provisioningState ?? "Succeeded";
  }
  return item;
}

function checkPreconditions(r: ArmRequest, existing: ResourceRecord | undefined): void {
  const ifMatch = r.req.headers["if-match"];
  const ifNoneMatch = r.req.headers["if-none-match"];
  const fail = () =>
    new ArmError(
      412,
      "PreconditionFailed",
      "The condition specified using HTTP conditional header(s) is not met.",
    );
  if (typeof ifMatch === "string") {
    if (!existing) throw fail();
    if (ifMatch !== "*" && ifMatch !== existing.etag) throw fail();
  }
  if (ifNoneMatch === "*" && existing) throw fail();
}

/** PUT/GET/HEAD/PATCH/DELETE on any `{namespace}/{type}/{name}` (and nested) resource. */
export function handleGeneric(r: ArmRequest, p: ResourcePath): ArmResponse {
  const { store } = r.ctx;
  const id = resourceIdOf(p);
  const type = fullType(p);
  const name = p.names.join("/");
  const existing = store.getResource(id);
  switch (r.method) {
    case "HEAD":
      requireGroup(r, p.sub, p.rg);
      return { status: existing ? 204 : 404 };
    case "GET":
      requireGroup(r, p.sub, p.rg);
      if (!existing) throw resourceNotFound(type, name, p.rg);
      return {
        status: 200,
        body: renderGeneric(existing),
        headers: existing.etag ? { ETag: existing.etag } : {},
      };
    case "PUT": {
      const group = requireWritableGroup(r, p.sub, p.rg);
      checkPreconditions(r, existing);
      assertValid(specData.schemas.GenericResource, r.body);
      const body = writableOnly(specData.schemas.GenericResource, r.body) as Record<string, unknown>;
      if (p.types.length > 1) {
        const parent = resourceIdOf({ ...p, types: p.types.slice(0, -1), names: p.names.slice(0, -1) });
        if (!store.getResource(parent)) {
          throw new ArmError(
            404,
            "ParentResourceNotFound",
            `Can not perform requested operation on nested resource. Parent resource '${p.names.slice(0, -1).join("/")}' not found.`,
          );
        }
      } else if (typeof body.location !== "string" || body.location === "") {
        throw new ArmError(
          400,
          "LocationRequired",
          "The location property is required for this definition.",
          {
            origin: "gateway",
          },
        );
      }
      const location = typeof body.location === "string" ? normalizeLocation(body.location) : undefined;
      if (existing && location && existing.location && existing.location !== location) {
        throw resourceLocationConflict(existing, group.name, location);
      }
      const stored: Record<string, unknown> = {};
      for (const k of TOP_LEVEL) if (body[k] !== undefined) stored[k] = body[k];
      if (body.properties !== undefined) {
        const properties = bodyObject(body.properties);
        stored.properties = { ...properties, provisioningState: "Succeeded" };
      }
      const record: ResourceRecord = {
        id: existing?.id ?? id,
        subscriptionId: p.sub,
        resourceGroup: group.name,
        type: existing?.type ?? type,
        name: existing?.name ?? name,
        body: stored,
        systemData: systemDataFor(r.caller, existing?.systemData),
        etag: `W/"${randomUUID()}"`,
      };
      if (location) record.location = location;
      if (body.tags) record.tags = body.tags as Record<string, string>;
      store.putResource(record);
      linkPrivateEndpoint(r.ctx, record);
      const seen = r.ctx.seenApiVersions.get(record.type) ?? new Set<string>();
      seen.add(r.apiVersion ?? "");
      r.ctx.seenApiVersions.set(record.type, seen);
      return { status: existing ? 200 : 201, body: renderGeneric(record), headers: { ETag: record.etag! } };
    }
    case "PATCH": {
      requireWritableGroup(r, p.sub, p.rg);
      if (!existing) throw resourceNotFound(type, name, p.rg);
      checkPreconditions(r, existing);
      assertValid(specData.schemas.GenericResource, r.body);
      const body = writableOnly(specData.schemas.GenericResource, r.body) as Record<string, unknown>;
      if (body.tags !== undefined) existing.tags = body.tags as Record<string, string>;
      for (const k of TOP_LEVEL) if (body[k] !== undefined) existing.body[k] = body[k];
      if (body.properties !== undefined) {
        existing.body.properties = {
          ...bodyObject(existing.body.properties),
          ...bodyObject(body.properties),
        };
      }
      existing.systemData = systemDataFor(r.caller, existing.systemData);
      existing.etag = `W/"${randomUUID()}"`;
      store.putResource(existing);
      return { status: 200, body: renderGeneric(existing), headers: { ETag: existing.etag } };
    }
    case "DELETE":
      requireWritableGroup(r, p.sub, p.rg);
      if (!existing) return { status: 204 };
      checkPreconditions(r, existing);
      store.deleteResource(existing.id);
      unlinkPrivateEndpoint(r.ctx, existing);
      return { status: 200 };
    default:
      throw methodNotAllowed(r.method);
  }
}

/** GET `/subscriptions/{sub}[/resourceGroups/{rg}]/resources` with `$filter` and `$top`. */
export function handleResourceList(r: ArmRequest, sub: string, rg?: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  if (rg) requireGroup(r, sub, rg);
  const filter = parseFilter(r.url.searchParams.get("$filter") ?? undefined);
  const items = r.ctx.store
    .resourcesIn(sub, rg)
    .filter((g) => matchesFilter(filter, g))
    .map((g) => ({
      key: g.id.toLowerCase(),
      value: expand(renderListItem(g), g, r.url.searchParams.get("$expand")),
    }));
  return { status: 200, body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize) };
}

/** GET a list of one generic type, at subscription or group level, or children of a parent. */
export function handleTypeList(
  r: ArmRequest,
  sub: string,
  rg: string | undefined,
  typePrefixId: string,
  type: string,
): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  if (rg) requireGroup(r, sub, rg);
  const prefix = typePrefixId.toLowerCase();
  const items = r.ctx.store
    .resourcesIn(sub, rg)
    .filter((g) => g.type.toLowerCase() === type.toLowerCase() && g.id.toLowerCase().startsWith(prefix))
    .map((g) => ({ key: g.id.toLowerCase(), value: renderGeneric(g) }));
  return { status: 200, body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize) };
}
