import type { Sanitizer } from "@azkit/core-logging";
import type { SerializedError } from "../syncWireFormat.js";

/**
 * Describes an error as plain data for the other thread: class chain, name, message, stack, own
 * enumerable properties that survive structured clone, `Symbol.for` brands and the cause.
 * Request and response objects keep only their method, status, sanitized URL and allow-listed
 * headers; bodies never cross. Without a sanitizer, headers and query strings are dropped.
 * Used on both threads; shipped to the worker as source text, so it references nothing outside
 * its body.
 */
export function serializeWorkerError(
  sanitizer: Sanitizer | undefined,
  error: unknown,
  depth = 0,
): SerializedError {
  const text = (value: string): string => (sanitizer === undefined ? value : sanitizer.sanitizeText(value));
  const url = (value: unknown): string => {
    if (sanitizer !== undefined) return sanitizer.sanitizeUrl(String(value));
    try {
      const parsed = new URL(String(value));
      return `${parsed.origin}${parsed.pathname}`;
    } catch {
      return "";
    }
  };
  const headers = (value: unknown): Record<string, string> => {
    if (sanitizer === undefined || value === null || typeof value !== "object") return {};
    const h = value as { toJSON?: () => unknown; [Symbol.iterator]?: unknown };
    const raw = typeof h.toJSON === "function" ? h.toJSON() : value;
    return sanitizer.sanitizeHeaders(raw as Record<string, string>);
  };
  const request = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return undefined;
    const r = value as Record<string, unknown>;
    const out: Record<string, unknown> = { url: url(r.url), method: r.method, headers: headers(r.headers) };
    if (typeof r.requestId === "string") out.requestId = r.requestId;
    return out;
  };
  const response = (value: unknown): unknown => {
    if (value === null || typeof value !== "object") return undefined;
    const r = value as Record<string, unknown>;
    return { status: r.status ?? r.statusCode, headers: headers(r.headers), request: request(r.request) };
  };
  const cloneable = (value: unknown): { ok: boolean; value?: unknown } => {
    if (typeof value === "function" || typeof value === "symbol") return { ok: false };
    try {
      return { ok: true, value: structuredClone(value) };
    } catch {
      return { ok: false };
    }
  };

  if (error === null || (typeof error !== "object" && typeof error !== "function")) {
    const thrown = cloneable(error);
    return {
      classChain: ["Error"],
      name: "Error",
      message: text(String(error)),
      props: {},
      brands: {},
      thrown: thrown.ok ? thrown.value : String(error),
    };
  }
  const e = error as Record<string | symbol, unknown>;
  const classChain: string[] = [];
  for (let p = Object.getPrototypeOf(e); p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    const ctor = Object.hasOwn(p, "constructor") ? p.constructor : undefined;
    if (typeof ctor === "function" && ctor.name !== "") classChain.push(ctor.name);
  }
  if (!classChain.includes("Error")) classChain.push("Error");
  const props: Record<string, unknown> = {};
  // Errors inside errors (AggregateError.errors, a credential chain's failures) keep their classes.
  const nested: Record<string, SerializedError | SerializedError[]> = {};
  if (Array.isArray(e.errors) && !Object.keys(e).includes("errors") && depth < 4) {
    nested.errors = (e.errors as unknown[]).map((v) => serializeWorkerError(sanitizer, v, depth + 1));
  }
  for (const key of Object.keys(e)) {
    if (key === "message" || key === "stack" || key === "cause" || key === "request" || key === "response") {
      continue;
    }
    const value = e[key];
    if (typeof value === "string") props[key] = text(value);
    else if (value instanceof Error && depth < 4)
      nested[key] = serializeWorkerError(sanitizer, value, depth + 1);
    else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.every((v) => v instanceof Error) &&
      depth < 4
    ) {
      nested[key] = value.map((v) => serializeWorkerError(sanitizer, v, depth + 1));
    } else {
      const copy = cloneable(value);
      if (copy.ok) props[key] = copy.value;
    }
  }
  const brands: Record<string, unknown> = {};
  for (const symbol of Object.getOwnPropertySymbols(e)) {
    const key = Symbol.keyFor(symbol);
    const value = e[symbol];
    if (key !== undefined && (value === null || typeof value !== "object")) brands[key] = value;
  }
  const out: SerializedError = {
    nested,
    classChain,
    name: typeof e.name === "string" ? e.name : classChain[0]!,
    message: text(typeof e.message === "string" ? e.message : String(e.message ?? "")),
    props,
    brands,
  };
  if (typeof e.stack === "string") out.stack = text(e.stack);
  // RestError keeps these off enumeration (they carry credentials); they cross redacted.
  if (e.request !== undefined && e.request !== null) out.request = request(e.request);
  if (e.response !== undefined && e.response !== null) out.response = response(e.response);
  if (Object.hasOwn(e, "cause") && depth < 4) {
    const cause = e.cause;
    if (cause !== null && typeof cause === "object") {
      out.cause = serializeWorkerError(sanitizer, cause, depth + 1);
    } else {
      const copy = cloneable(cause);
      out.cause = { value: copy.ok ? copy.value : String(cause) };
    }
  }
  return out;
}
