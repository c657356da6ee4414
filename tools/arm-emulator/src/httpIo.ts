import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ArmError } from "./armError.js";

/** Largest request body accepted; ARM's own limit is 4 MB. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Reads the whole request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ArmError(
        413,
        "RequestEntityTooLarge",
        "The request content size exceeds the maximum of 4 MB.",
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses a JSON request body; malformed JSON is ARM's 400 InvalidRequestContent. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ArmError(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: '${(error as Error).message}'.`,
      { origin: "gateway" },
    );
  }
}

/** Looks a query parameter up by name, case-insensitively (ARM accepts `API-VERSION`). */
export function queryParam(url: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** Per-request identifiers ARM echoes in its `x-ms-*` headers. */
export interface RequestIds {
  requestId: string;
  correlationId: string;
}

/** New request and correlation ids (a client-sent correlation id is kept, as ARM does). */
export function newRequestIds(req: IncomingMessage): RequestIds {
  const sent = req.headers["x-ms-correlation-request-id"];
  const requestId = randomUUID();
  return { requestId, correlationId: typeof sent === "string" && sent ? sent : requestId };
}

function routingStamp(): string {
  return new Date()
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
}

/** Headers every ARM response carries. */
export function armHeaders(ids: RequestIds): Record<string, string> {
  return {
    "Cache-Control": "no-cache",
    Pragma: "no-cache",
    Expires: "-1",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "X-Content-Type-Options": "nosniff",
    "x-ms-request-id": ids.requestId,
    "x-ms-correlation-request-id": ids.correlationId,
    "x-ms-routing-request-id": `LOCAL:${routingStamp()}:${ids.correlationId}`,
  };
}

/** Writes a response with an optional JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  const all: Record<string, string> = { ...headers, "Content-Length": String(Buffer.byteLength(text)) };
  if (text) all["Content-Type"] = "application/json; charset=utf-8";
  res.writeHead(status, all);
  res.end(text);
}

/** Writes a response with a non-JSON body of the given content type. */
export function sendText(
  res: ServerResponse,
  status: number,
  body: { contentType: string; text: string },
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    "Content-Length": String(Buffer.byteLength(body.text)),
    "Content-Type": body.contentType,
  });
  res.end(body.text);
}
