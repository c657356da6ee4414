import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ScriptedResponse } from "./loopbackServer.js";

/** The upstream recordings, vendored in the repository (tools/specs/recordings). */
export const RECORDINGS_DIR = fileURLToPath(new URL("../../../../tools/specs/recordings/", import.meta.url));

export interface RecordedEntry {
  RequestUri: string;
  RequestMethod: string;
  StatusCode: number;
  ResponseHeaders: Record<string, string>;
  ResponseBody: unknown;
}

/** Reads a test-proxy recording; fails loudly when it is not vendored. */
export function readRecording(relativePath: string): RecordedEntry[] {
  const file = RECORDINGS_DIR + relativePath;
  if (!existsSync(file))
    throw new Error(
      `recording not found: ${file} (vendor it with: node tools/specs/vendor.mjs --source <spec tree>)`,
    );
  return (JSON.parse(readFileSync(file, "utf8")) as { Entries: RecordedEntry[] }).Entries;
}

const RECORDED_HOST = "https://management.azure.com";
const NOT_REPLAYED = new Set(["content-length", "content-encoding", "transfer-encoding", "content-type"]);

/** The recorded URL as a path on the replay server. */
export function recordedPath(entry: RecordedEntry): string {
  return entry.RequestUri.slice(RECORDED_HOST.length);
}

/** A recorded response as the replay server sends it: host rewritten to the loopback server. */
export function toScripted(entry: RecordedEntry, baseUrl: string): ScriptedResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(entry.ResponseHeaders)) {
    if (!NOT_REPLAYED.has(name.toLowerCase())) headers[name] = value.replaceAll(RECORDED_HOST, baseUrl);
  }
  return { status: entry.StatusCode, headers, body: entry.ResponseBody ?? undefined };
}
