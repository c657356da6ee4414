import { ArmError, resourceGroupNotFound, resourceNotFound } from "./armError.js";
import {
  advancePendingOperation,
  type ArmRequest,
  type ArmResponse,
  bodyObject,
  normalizeLocation,
  retryAfter,
  startOperation,
} from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { matchesFilter, paginate, parseFilter } from "./paging.js";
import type { ResourceGroupRecord, ResourceRecord } from "./store.js";
import { assertValid } from "./validation.js";
import { softDeleteVault, VAULT_TYPE } from "./vaults.js";

/** The ARM representation of a group. */
export function renderGroup(g: ResourceGroupRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: `/subscriptions/${g.subscriptionId}/resourceGroups/${g.name}`,
    name: g.name,
    type: "Microsoft.Resources/resourceGroups",
    location: g.location,
  };
  if (g.managedBy) out.managedBy = g.managedBy;
  if (g.tags) out.tags = g.tags;
  out.properties = { provisioningState: g.provisioningState };
  return out;
}

/** A group that must exist and not be on its way out. */
export function requireGroup(r: ArmRequest, sub: string, rg: string): ResourceGroupRecord {
  const group = r.ctx.store.getGroup(sub, rg);
  if (!group) throw resourceGroupNotFound(rg);
  return group;
}

function requireWritableGroup(r: ArmRequest, sub: string, rg: string): ResourceGroupRecord {
  const group = requireGroup(r, sub, rg);
  if (group.provisioningState === "Deleting") {
    throw new ArmError(
      409,
      "ResourceGroupBeingDeleted",
      `The resource group '${group.name}' is in deprovisioning state and cannot perform this operation.`,
      { origin: "gateway" },
    );
  }
  return group;
}

export { requireWritableGroup };

/** A resource of a provider the emulator implements, as a HEAD or GET finds it. */
export interface ProviderResourceRead {
  type: string;
  name: string;
  existing: ResourceRecord | undefined;
  render: (record: ResourceRecord) => Record<string, unknown>;
  provider: "keyvault" | "web";
}

/**
 * HEAD (204 or 404) or GET of a provider resource in group `rg`; a GET counts as a poll of the
 * resource's pending provisioning.
 */
export function readProviderResource(
  r: ArmRequest,
  sub: string,
  rg: string,
  read: ProviderResourceRead,
): ArmResponse {
  requireGroup(r, sub, rg);
  const { existing } = read;
  if (r.method === "HEAD") return { status: existing ? 204 : 404 };
  if (!existing) throw resourceNotFound(read.type, read.name, rg);
  advancePendingOperation(r, existing);
  return { status: 200, body: read.render(existing), provider: read.provider };
}

/** PUT/GET/HEAD/PATCH/DELETE on `/subscriptions/{sub}/resourcegroups/{rg}`. */
export function handleGroup(r: ArmRequest, sub: string, rg: string): ArmResponse {
  const { store } = r.ctx;
  const existing = store.getGroup(sub, rg);
  switch (r.method) {
    case "HEAD":
      return { status: existing ? 204 : 404 };
    case "GET":
      if (!existing) throw resourceGroupNotFound(rg);
      return { status: 200, body: renderGroup(existing) };
    case "PUT": {
      assertValid(specData.schemas.ResourceGroup, r.body);
      const body = bodyObject(r.body);
      const location = normalizeLocation(String(body.location));
      if (existing?.provisioningState === "Deleting") requireWritableGroup(r, sub, rg);
      if (existing && existing.location !== location) {
        throw new ArmError(
          409,
          "InvalidResourceGroupLocation",
          `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`,
          { origin: "gateway" },
        );
      }
      const group: ResourceGroupRecord = {
        subscriptionId: sub,
        name: existing?.name ?? rg,
        location,
        provisioningState: "Succeeded",
      };
      if (body.tags) group.tags = body.tags as Record<string, string>;
      if (typeof body.managedBy === "string") group.managedBy = body.managedBy;
      store.putGroup(group);
      return { status: existing ? 200 : 201, body: renderGroup(group) };
    }
    case "PATCH": {
      assertValid(specData.schemas.ResourceGroupPatchable, r.body);
      const group = requireWritableGroup(r, sub, rg);
      const body = bodyObject(r.body);
      if (body.tags !== undefined) group.tags = (body.tags ?? undefined) as Record<string, string>;
      if (typeof body.managedBy === "string") group.managedBy = body.managedBy;
      store.putGroup(group);
      return { status: 200, body: renderGroup(group) };
    }
    case "DELETE": {
      const group = requireWritableGroup(r, sub, rg);
      checkForceDeletionTypes(r.url.searchParams.get("forceDeletionTypes"));
      group.provisioningState = "Deleting";
      const op = startOperation(
        r,
        sub,
        () => {
          // Key Vault keeps vaults of a deleted group in its soft-deleted list.
          for (const res of store.resourcesIn(sub, rg))
            if (res.type === VAULT_TYPE) softDeleteVault(r.ctx, res);
          store.deleteGroupCascade(sub, rg);
        },
        {
          error: {
            code: "ResourceGroupDeletionBlocked",
            message: `Deletion of resource group '${group.name}' failed as resources in it could not be deleted (injected lroFailure).`,
          },
          fail: () => {
            group.provisioningState = "Succeeded";
            store.changed();
          },
        },
      );
      return {
        status: 202,
        headers: {
          Location: operationResultUrl(r, sub, op.id, "RESOURCEGROUPDELETIONJOB", group),
          ...retryAfter(r.ctx),
        },
      };
    }
    default:
      throw methodNotAllowed(r.method);
  }
}

/**
 * The `Location` of a subscription-level ARM job (group deletion, moves, template export):
 * `/subscriptions/{s}/operationresults/{token}`, the token shaped like ARM's (base64 of a small job
 * description naming the kind and the group).
 */
export function operationResultUrl(
  r: ArmRequest,
  sub: string,
  operationId: string,
  jobKind: string,
  group: ResourceGroupRecord,
): string {
  const token = Buffer.from(
    JSON.stringify({
      jobId: `${jobKind}-${group.name.toUpperCase()}-${operationId}`,
      jobLocation: group.location,
    }),
  ).toString("base64url");
  const location = new URL(`/subscriptions/${sub}/operationresults/${token}`, r.ctx.baseUrl());
  location.searchParams.set("api-version", r.apiVersion ?? "");
  return location.toString();
}

/** The resource types ARM can force-delete with a group (`forceDeletionTypes`). */
const FORCE_DELETION_TYPES = [
  "microsoft.compute/virtualmachines",
  "microsoft.compute/virtualmachinescalesets",
];

function checkForceDeletionTypes(text: string | null): void {
  if (text === null) return;
  for (const type of text.split(",").map((t) => t.trim())) {
    if (!FORCE_DELETION_TYPES.includes(type.toLowerCase())) {
      throw new ArmError(
        400,
        "InvalidForceDeletionTypes",
        `The resource type '${type}' in 'forceDeletionTypes' is not supported. Supported types are 'Microsoft.Compute/virtualMachines,Microsoft.Compute/virtualMachineScaleSets'.`,
        { origin: "gateway" },
      );
    }
  }
}

/** GET `/subscriptions/{sub}/operationresults/{token}`: 202 while deleting, then 200. */
export function handleOperationResult(r: ArmRequest, sub: string, token: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  let id: string | undefined;
  try {
    const job = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { jobId?: string };
    id = job.jobId?.slice(-36);
  } catch {
    id = undefined;
  }
  const op = id ? r.ctx.operations.get(id) : undefined;
  if (!op || op.scope !== sub.toLowerCase()) {
    throw new ArmError(404, "OperationNotFound", `The operation '${token}' could not be found.`, {
      origin: "gateway",
    });
  }
  if (r.ctx.operations.poll(op)) {
    // ARM reports a failed operation on its Location URL with the error status and body.
    if (op.status === "Failed") throw new ArmError(409, op.error!.code, op.error!.message);
    return op.result === undefined ? { status: op.resultStatus ?? 200 } : { status: 200, body: op.result };
  }
  const location = new URL(r.url.pathname + r.url.search, r.ctx.baseUrl());
  return { status: 202, headers: { Location: location.toString(), ...retryAfter(r.ctx) } };
}

/** GET `/subscriptions/{sub}/resourcegroups` with `$filter` on tags and `$top`. */
export function handleGroupList(r: ArmRequest, sub: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const filter = parseFilter(r.url.searchParams.get("$filter") ?? undefined);
  const items = [...r.ctx.store.groups.values()]
    .filter((g) => g.subscriptionId.toLowerCase() === sub.toLowerCase())
    .filter((g) =>
      matchesFilter({ ...filter, resourceType: undefined }, { type: "", name: g.name, tags: g.tags }),
    )
    .map((g) => ({ key: g.name.toLowerCase(), value: renderGroup(g) }));
  return { status: 200, body: paginate(items, r.url, r.ctx.baseUrl(), r.ctx.options.pageSize) };
}

/** 405 for a method a route does not serve. */
export function methodNotAllowed(method: string): ArmError {
  return new ArmError(
    405,
    "MethodNotAllowed",
    `The requested resource does not support http method '${method}'.`,
    { origin: "gateway" },
  );
}
