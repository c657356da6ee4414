import { API_VERSIONS, checkGatewayApiVersion, checkProviderApiVersion } from "./apiVersions.js";
import { ArmError } from "./armError.js";
import { type ArmRequest, type ArmResponse, bodyObject, normalizeLocation, retryAfter } from "./context.js";
import { specData } from "./generated/specSchemas.js";
import { handleGeneric, handleResourceList, handleTypeList } from "./genericResources.js";
import { handleGroupAction } from "./groupActions.js";
import { routeKeyVaultInGroup, routeKeyVaultInSubscription } from "./keyVaultRoutes.js";
import { notServed } from "./notServed.js";
import { handleGroup, handleGroupList, handleOperationResult, methodNotAllowed } from "./resourceGroups.js";
import { handleOperationsList, handleProviders } from "./providers.js";
import { handleSubscription, handleSubscriptionList } from "./subscriptions.js";
import { handleTagNames, handleTagsAtScope } from "./tags.js";
import { routeWebInGroup, routeWebInSubscription } from "./web.js";

/** Registered casing of the types the emulator knows, for error messages. */
const TYPE_NAMES: Record<string, string> = {
  vaults: "vaults",
  deletedvaults: "deletedVaults",
  checknameavailability: "checkNameAvailability",
  serverfarms: "serverFarms",
  sites: "sites",
  locations: "locations",
};

/** POST actions on a group (the segment after its name). */
const GROUP_ACTIONS = new Set(["exporttemplate", "moveresources", "validatemoveresources"]);
/** What may follow `/subscriptions/{s}/providers/{namespace}/`. */
const PROVIDER_ACTIONS = new Set(["register", "unregister", "resourcetypes", "providerpermissions"]);

function providerVersions(namespace: string): readonly string[] | undefined {
  switch (namespace.toLowerCase()) {
    case "microsoft.keyvault":
      return API_VERSIONS.keyvault;
    case "microsoft.web":
      return API_VERSIONS.web;
    default:
      return undefined;
  }
}

function providerOf(namespace: string): "keyvault" | "web" | undefined {
  const lower = namespace.toLowerCase();
  return lower === "microsoft.keyvault" ? "keyvault" : lower === "microsoft.web" ? "web" : undefined;
}

/** Routes an authenticated ARM request (path already split into decoded segments). */
export function routeArm(
  r: ArmRequest,
  segs: string[],
  setProvider: (p: "keyvault" | "web") => void,
): ArmResponse {
  const lower = segs.map((s) => s.toLowerCase());
  const gateway = (accepted: readonly string[]) => checkGatewayApiVersion(r.apiVersion, accepted);
  if (lower[0] === "providers") return routeTenant(r, segs, lower);
  if (segs.length >= 6 && lower.slice(-4).join("/") === "providers/microsoft.resources/tags/default") {
    gateway(API_VERSIONS.resources);
    return handleTagsAtScope(r, segs.slice(0, -4));
  }
  if (segs.length === 1) {
    gateway(API_VERSIONS.subscriptions);
    return handleSubscriptionList(r);
  }
  const sub = r.ctx.options.subscriptionId;
  const requireSubscription = () => {
    if (lower[1] !== sub.toLowerCase()) {
      throw new ArmError(404, "SubscriptionNotFound", `The subscription '${segs[1]}' could not be found.`, {
        origin: "gateway",
      });
    }
  };
  if (segs.length === 2) {
    gateway(API_VERSIONS.subscriptions);
    requireSubscription();
    return handleSubscription(r);
  }
  const section = lower[2];
  if (section === "resourcegroups") {
    if (segs.length <= 5 || lower[4] !== "providers") {
      gateway(API_VERSIONS.resources);
      requireSubscription();
      if (segs.length === 3) return handleGroupList(r, sub);
      if (segs.length === 4) return handleGroup(r, sub, segs[3]!);
      if (segs.length === 5 && lower[4] === "resources") return handleResourceList(r, sub, segs[3]!);
      if (segs.length === 5 && GROUP_ACTIONS.has(lower[4]!))
        return handleGroupAction(r, sub, segs[3]!, lower[4]!);
      throw notServed(r);
    }
    const rg = segs[3]!;
    const namespace = segs[5]!;
    const rest = segs.slice(6);
    if (rest.length === 0) throw notServed(r);
    const group = r.ctx.store.getGroup(sub, rg);
    const location = locationFor(r, group?.location);
    checkProviderApiVersion(r.apiVersion, providerVersions(namespace), typeName(rest), location);
    requireSubscription();
    const provider = providerOf(namespace);
    if (provider) setProvider(provider);
    if (r.method === "PUT") requireRegistered(r, namespace);
    if (provider === "keyvault") return routeKeyVaultInGroup(r, sub, rg, rest);
    if (provider === "web") return routeWebInGroup(r, sub, rg, rest);
    const types = rest.filter((_, i) => i % 2 === 0);
    const names = rest.filter((_, i) => i % 2 === 1);
    if (rest.length % 2 === 1) {
      const parentTail = rest
        .slice(0, -1)
        .map((s) => `/${s}`)
        .join("");
      return handleTypeList(
        r,
        sub,
        rg,
        `/subscriptions/${sub}/resourceGroups/${rg}/providers/${namespace}${parentTail}`,
        [namespace, ...types].join("/"),
      );
    }
    return handleGeneric(r, { sub, rg, namespace, types, names });
  }
  if (section === "resources" && segs.length === 3) {
    gateway([...API_VERSIONS.resources, ...specData.apiVersions.vaultsListViaResources]);
    requireSubscription();
    return handleResourceList(r, sub);
  }
  if (section === "operationresults" && segs.length === 4) {
    gateway(API_VERSIONS.resources);
    requireSubscription();
    return handleOperationResult(r, sub, segs[3]!);
  }
  if (section === "tagnames" && (segs.length <= 4 || (segs.length === 6 && lower[4] === "tagvalues"))) {
    gateway(API_VERSIONS.resources);
    requireSubscription();
    return handleTagNames(r, sub, segs[3], segs[5]);
  }
  if (
    section === "providers" &&
    (segs.length <= 4 || (segs.length === 5 && PROVIDER_ACTIONS.has(lower[4]!)))
  ) {
    gateway(API_VERSIONS.resources);
    requireSubscription();
    return handleProviders(r, segs[3], segs[4]);
  }
  if (section === "providers" && segs.length >= 5) {
    const namespace = segs[3]!;
    const rest = segs.slice(4);
    const restLower = lower.slice(4);
    checkProviderApiVersion(r.apiVersion, providerVersions(namespace), typeName(rest), locationFor(r));
    requireSubscription();
    const provider = providerOf(namespace);
    if (provider) setProvider(provider);
    if (
      restLower[0] === "locations" &&
      (restLower[2] === "operationresults" || restLower[2] === "operationstatuses")
    ) {
      if (rest.length !== 4) throw notServed(r);
      return handleProviderOperation(r, restLower[2], rest[3]!);
    }
    if (provider === "keyvault") return routeKeyVaultInSubscription(r, sub, rest);
    if (provider === "web") return routeWebInSubscription(r, sub, rest);
    if (rest.length === 1) {
      return handleTypeList(
        r,
        sub,
        undefined,
        `/subscriptions/${sub}/resourceGroups/`,
        `${namespace}/${rest[0]}`,
      );
    }
  }
  throw notServed(r);
}

function typeName(rest: string[]): string {
  const types = rest.filter((_, i) => i % 2 === 0).map((t) => TYPE_NAMES[t.toLowerCase()] ?? t);
  return types.join("/");
}

function locationFor(r: ArmRequest, fallback?: string): string {
  const body = bodyObject(r.body);
  return typeof body.location === "string" ? normalizeLocation(body.location) : (fallback ?? "eastus");
}

function handleProviderOperation(r: ArmRequest, kind: string, id: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const op = r.ctx.operations.get(id);
  if (!op) throw new ArmError(404, "OperationNotFound", `The operation '${id}' could not be found.`);
  const done = r.ctx.operations.poll(op);
  if (kind === "operationstatuses") {
    const body: Record<string, unknown> = {
      id: r.url.pathname,
      name: op.id,
      status: op.status,
      startTime: op.startTime,
    };
    if (op.endTime) body.endTime = op.endTime;
    if (op.status === "Failed") body.error = op.error;
    return { status: 200, body, headers: done ? {} : retryAfter(r.ctx) };
  }
  // ARM reports a failed operation on its Location URL with the error status and body.
  if (done && op.status === "Failed") throw new ArmError(409, op.error!.code, op.error!.message);
  if (done) return op.result === undefined ? { status: 200 } : { status: 200, body: op.result };
  return {
    status: 202,
    headers: {
      Location: new URL(r.url.pathname + r.url.search, r.ctx.baseUrl()).toString(),
      ...retryAfter(r.ctx),
    },
  };
}

/** ARM refuses to create resources of a namespace the subscription has unregistered. */
function requireRegistered(r: ArmRequest, namespace: string): void {
  if (!r.ctx.store.unregisteredProviders.has(namespace.toLowerCase())) return;
  throw new ArmError(
    409,
    "MissingSubscriptionRegistration",
    `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`,
    { origin: "gateway" },
  );
}

/** Tenant-level routes: `/providers[/{namespace}]` and `/providers/{namespace}/operations`. */
function routeTenant(r: ArmRequest, segs: string[], lower: string[]): ArmResponse {
  if (segs.length === 3 && lower[2] === "operations") {
    const versions = providerVersions(segs[1]!);
    if (versions) checkProviderApiVersion(r.apiVersion, versions, "operations", "global");
    else checkGatewayApiVersion(r.apiVersion, API_VERSIONS.resources);
    return handleOperationsList(r, segs[1]!);
  }
  checkGatewayApiVersion(r.apiVersion, API_VERSIONS.resources);
  if (segs.length <= 2) return handleProviders(r, segs[1], undefined, true);
  throw notServed(r);
}
