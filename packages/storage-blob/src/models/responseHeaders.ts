// Reads typed values out of storage response headers; one place for the header names shared by
// many operations.
import type { LeaseDurationType, LeaseStateType, LeaseStatusType } from "./listModels.js";

/** The minimal header view these readers need (core-http's HttpHeaders fits). */
export interface HeaderSource {
  get(name: string): string | undefined;
  [Symbol.iterator](): Iterator<[string, string]>;
}

/** Recently parsed date headers: a response repeats its server's second and the blob's times. */
const parsedDates = new Map<string, number>();
const PARSED_DATES_KEPT = 64;

export function headerDate(h: HeaderSource, name: string): Date | undefined {
  const v = h.get(name);
  if (!v) return undefined;
  let time = parsedDates.get(v);
  if (time === undefined) {
    time = Date.parse(v);
    if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear();
    parsedDates.set(v, time);
  }
  // An unparseable date (a proxy's, a bad clock) is left out rather than handed over as Invalid Date.
  return Number.isNaN(time) ? undefined : new Date(time);
}

export function headerNumber(h: HeaderSource, name: string): number | undefined {
  const v = h.get(name);
  return v === undefined || v === "" ? undefined : Number(v);
}

export function headerBoolean(h: HeaderSource, name: string): boolean | undefined {
  const v = h.get(name);
  return v === undefined ? undefined : v.toLowerCase() === "true";
}

export function headerBytes(h: HeaderSource, name: string): Uint8Array | undefined {
  const v = h.get(name);
  return v ? new Uint8Array(Buffer.from(v, "base64")) : undefined;
}

/** `x-ms-meta-*` response headers as metadata (names as the transport delivers them, lower case). */
export function headerMetadata(h: HeaderSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of h) {
    const lower = pair[0].toLowerCase();
    if (lower.startsWith("x-ms-meta-")) out[lower.slice("x-ms-meta-".length)] = pair[1];
  }
  return out;
}

/** A container's or blob's lease as `getProperties` and `download` report it. */
export function leaseFromHeaders(h: HeaderSource): {
  leaseStatus?: LeaseStatusType;
  leaseState?: LeaseStateType;
  leaseDuration?: LeaseDurationType;
} {
  return {
    leaseStatus: h.get("x-ms-lease-status") as LeaseStatusType | undefined,
    leaseState: h.get("x-ms-lease-state") as LeaseStateType | undefined,
    leaseDuration: h.get("x-ms-lease-duration") as LeaseDurationType | undefined,
  };
}

/**
 * What every storage response carries, plus the common entity headers.
 * @public
 */
export interface CommonResponse {
  /** The service's id for the request (`x-ms-request-id`), for support tickets. */
  requestId?: string;
  /** The client request id echoed back. */
  clientRequestId?: string;
  /** The service version that handled the request. */
  version?: string;
  /** When the service answered. */
  date?: Date;
}

/** Reads the headers of {@link CommonResponse}. */
export function commonResponse(h: HeaderSource): CommonResponse {
  return {
    requestId: h.get("x-ms-request-id"),
    clientRequestId: h.get("x-ms-client-request-id"),
    version: h.get("x-ms-version"),
    date: headerDate(h, "date"),
  };
}

/**
 * A response that reports the entity's new state.
 * @public
 */
export interface EntityResponse extends CommonResponse {
  /** The entity's ETag after the call. */
  etag?: string;
  /** When the entity last changed. */
  lastModified?: Date;
}

/** Reads {@link EntityResponse}. */
export function entityResponse(h: HeaderSource): EntityResponse {
  const response: EntityResponse = commonResponse(h);
  response.etag = h.get("etag");
  response.lastModified = headerDate(h, "last-modified");
  return response;
}

/**
 * A response of a write that stores content.
 * @public
 */
export interface WriteResponse extends EntityResponse {
  /** MD5 the service computed over the request body, when it returns one. */
  contentMD5?: Uint8Array;
  /** Whether the content is encrypted at rest by the service. */
  isServerEncrypted?: boolean;
  /** The version id created by this write (versioning accounts). */
  versionId?: string;
  /** The encryption scope used. */
  encryptionScope?: string;
}

/** Reads {@link WriteResponse}. */
export function writeResponse(h: HeaderSource): WriteResponse {
  // Completed in place: a copy per layer cost more than reading the headers.
  const response: WriteResponse = entityResponse(h);
  response.contentMD5 = headerBytes(h, "content-md5");
  response.isServerEncrypted = headerBoolean(h, "x-ms-request-server-encrypted");
  response.versionId = h.get("x-ms-version-id");
  response.encryptionScope = h.get("x-ms-encryption-scope");
  return response;
}
