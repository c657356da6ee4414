import type { IncomingMessage } from "node:http";
import type { AuthConfig, Caller } from "./auth.js";
import type { FaultInjector } from "./faults.js";
import type { RequestIds } from "./httpIo.js";
import type { Operation, OperationTracker } from "./lro.js";
import type { ResolvedOptions } from "./options.js";
import type { ArmStore, ResourceRecord, SystemData } from "./store.js";

/** Everything a handler may touch: options, state, operations, faults, auth. */
export interface EmulatorContext {
  options: ResolvedOptions;
  store: ArmStore;
  operations: OperationTracker;
  faults: FaultInjector;
  auth: AuthConfig;
  /** The emulator's base URL (scheme, host, port), for Location headers and nextLinks. */
  baseUrl: () => string;
  /** Counters behind the x-ms-ratelimit-remaining-subscription-* headers. */
  rateLimits: { reads: number; writes: number; deletes: number };
  /** The App Service identity endpoint's secret header value. */
  identityHeader: string;
  /** api-versions used to create generic resources, per full type (for the providers list). */
  seenApiVersions: Map<string, Set<string>>;
}

/** An authenticated ARM request, parsed. */
export interface ArmRequest {
  ctx: EmulatorContext;
  req: IncomingMessage;
  method: string;
  url: URL;
  apiVersion: string | undefined;
  body: unknown;
  caller: Caller;
  ids: RequestIds;
}

/** What a handler answers; the server adds ARM's standard headers. */
export interface ArmResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (e.g. App Service's publishing profile XML), sent as is instead of `body`. */
  raw?: { contentType: string; text: string };
  /** Produced by a resource provider (KeyVault/Web): echoes x-ms-client-request-id like real RPs. */
  provider?: "keyvault" | "web";
}

/** `systemData` for a write by the caller, keeping creation fields of an existing record. */
export function systemDataFor(caller: Caller, previous?: SystemData): SystemData {
  const now = new Date().toISOString();
  return {
    createdBy: previous?.createdBy ?? caller.clientId,
    createdByType: previous?.createdByType ?? caller.type,
    createdAt: previous?.createdAt ?? now,
    lastModifiedBy: caller.clientId,
    lastModifiedByType: caller.type,
    lastModifiedAt: now,
  };
}

/** ARM's location normalization: "East US" -> "eastus". */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}

/** A plain-object view of a request body (validated beforehand). */
export function bodyObject(body: unknown): Record<string, unknown> {
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/**
 * Starts a long-running operation for a request; an armed `lroFailure` fault makes it end Failed
 * with `error`, running `fail` instead of `complete`.
 */
export function startOperation(
  r: ArmRequest,
  scope: string,
  complete: () => void,
  onFailure: { error: { code: string; message: string }; fail: () => void },
): Operation {
  const failure = r.ctx.faults.takeOperationFailure(r.method, r.url.pathname);
  return r.ctx.operations.start(scope, complete, failure ? onFailure : undefined);
}

/** Retry-After header for LRO responses. */
export function retryAfter(ctx: EmulatorContext): Record<string, string> {
  return { "Retry-After": String(ctx.options.lro.retryAfterSeconds) };
}

/**
 * Starts the operation that provisions a new resource: its `provisioningState` becomes Succeeded
 * when the operation completes, or Failed (ending with `error`) under an armed `lroFailure`.
 */
export function startProvisioning(
  r: ArmRequest,
  scope: string,
  properties: Record<string, unknown>,
  error: { code: string; message: string },
): Operation {
  const { store } = r.ctx;
  const settle = (state: "Succeeded" | "Failed") => () => {
    properties.provisioningState = state;
    store.changed();
  };
  return startOperation(r, scope, settle("Succeeded"), { error, fail: settle("Failed") });
}

/** Counts a read of a provisioning resource as a poll of its operation; unlinks it once ended. */
export function advancePendingOperation(r: ArmRequest, record: ResourceRecord): void {
  if (!record.pendingOperationId) return;
  const op = r.ctx.operations.get(record.pendingOperationId);
  if (!op || r.ctx.operations.poll(op)) delete record.pendingOperationId;
}

/** An absolute emulator URL for `path` carrying the request's api-version (LRO status links). */
export function apiVersionedUrl(r: ArmRequest, path: string): string {
  const url = new URL(path, r.ctx.baseUrl());
  url.searchParams.set("api-version", r.apiVersion ?? "");
  return url.toString();
}

/**
 * The record a PUT stores for a provider resource in `group`, keeping the id, name and creation
 * data of the record it replaces; `tags` from the request body when given.
 */
export function providerRecord(
  r: ArmRequest,
  existing: ResourceRecord | undefined,
  init: {
    id: string;
    sub: string;
    group: string;
    type: string;
    name: string;
    location: string;
    properties: Record<string, unknown>;
    tags: unknown;
  },
): ResourceRecord {
  const record: ResourceRecord = {
    id: existing?.id ?? init.id,
    subscriptionId: init.sub,
    resourceGroup: init.group,
    type: init.type,
    name: existing?.name ?? init.name,
    location: init.location,
    body: { properties: init.properties },
    systemData: systemDataFor(r.caller, existing?.systemData),
  };
  if (init.tags) record.tags = init.tags as Record<string, string>;
  return record;
}
