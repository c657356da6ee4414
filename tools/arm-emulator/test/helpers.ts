import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArmEmulator } from "../src/index.js";

const here = dirname(fileURLToPath(import.meta.url));
/** Root of the azkit repo. */
export const repoRoot = resolve(here, "../../..");
/** The upstream specs, examples and recordings, vendored in the repository (tools/specs). */
export const specsRoot = resolve(repoRoot, "tools/specs");

/** A response as the tests see it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect arbitrary JSON
  json: any;
}

/** Options of {@link send}. */
export interface SendInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  ca?: string;
  signal?: AbortSignal;
}

/** Sends one request with node:http(s) (so a custom CA can be trusted). */
export function send(url: string, init: SendInit = {}): Promise<Reply> {
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolvePromise, reject) => {
    const req = request(
      target,
      {
        method: init.method ?? "GET",
        headers: {
          ...(init.body !== undefined ? { "content-length": String(Buffer.byteLength(init.body)) } : {}),
          ...init.headers,
        },
        ...(init.ca ? { ca: init.ca } : {}),
        ...(init.signal ? { signal: init.signal } : {}),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            headers[k] = Array.isArray(v) ? v.join(", ") : String(v);
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolvePromise({ status: res.statusCode ?? 0, headers, text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** Gets an ARM token with client credentials from the emulator. */
export async function getToken(arm: ArmEmulator): Promise<string> {
  const form = new URLSearchParams({
    grant_type: "client_credentials",
    client_id: arm.clientId,
    client_secret: arm.clientSecret,
    scope: "https://management.azure.com/.default",
  });
  const reply = await send(arm.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    ...(arm.ca ? { ca: arm.ca } : {}),
  });
  if (reply.status !== 200) throw new Error(`token request failed: ${reply.status} ${reply.text}`);
  return reply.json.access_token as string;
}

/** A tiny authenticated ARM caller for tests. */
export interface ArmCaller {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** The subscription path prefix. */
  sub: string;
}

/** Makes an {@link ArmCaller} with a fresh token. */
export async function armCaller(arm: ArmEmulator): Promise<ArmCaller> {
  const token = await getToken(arm);
  return {
    sub: `/subscriptions/${arm.subscriptionId}`,
    call: (method, path, body, headers = {}) =>
      send(path.startsWith("http") ? path : `${arm.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
        ...(arm.ca ? { ca: arm.ca } : {}),
      }),
  };
}

/** Paths of ARM api-versions the tests use. */
export const RG_API = "api-version=2025-04-01";
/** KeyVault api-version query. */
export const KV_API = "api-version=2025-05-01";
/** Web api-version query. */
export const WEB_API = "api-version=2025-03-01";

/** A vault creation body valid against the KeyVault spec. */
export function vaultBody(location = "westus"): Record<string, unknown> {
  return {
    location,
    properties: {
      tenantId: "88888888-8888-8888-8888-888888888888",
      sku: { family: "A", name: "standard" },
      accessPolicies: [],
    },
  };
}

/**
 * Asserts `actual` has every member `expected` has, with the same JSON types, recursively (arrays:
 * first elements; a list's top-level `value` must not be empty where the expected one is not). Extra
 * members in `actual` are fine; `ignore` lists dotted paths not emulated.
 */
export function shapeMismatches(
  actual: unknown,
  expected: unknown,
  ignore: string[] = [],
  path = "",
): string[] {
  if (ignore.includes(path)) return [];
  if (expected === null || expected === undefined) return [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (expected.length === 0) return [];
    // An empty list page where the example shows items would make every member check pass vacuously;
    // nested arrays hold data (host names, rules, ...) an emulated resource may simply not have.
    if (actual.length === 0) return path === "value" ? ["value: expected items, got an empty list"] : [];
    return shapeMismatches(actual[0], expected[0], ignore, `${path}[]`);
  }
  if (typeof expected === "object") {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual)) {
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    }
    const problems: string[] = [];
    for (const [k, v] of Object.entries(expected as Record<string, unknown>)) {
      const child = path ? `${path}.${k}` : k;
      if (ignore.some((i) => child === i || child.endsWith(`.${i}`))) continue;
      if (!(k in (actual as Record<string, unknown>))) {
        problems.push(`${child}: missing`);
        continue;
      }
      problems.push(...shapeMismatches((actual as Record<string, unknown>)[k], v, ignore, child));
    }
    return problems;
  }
  return typeof actual === typeof expected
    ? []
    : [`${path}: expected a ${typeof expected}, got ${JSON.stringify(actual)}`];
}
