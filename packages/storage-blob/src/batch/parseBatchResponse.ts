// Reads a `multipart/mixed` batch response: one HTTP response per part, in any order, tagged
// with the Content-ID of the request it answers.

export interface BatchPart {
  contentId?: number;
  status: number;
  statusMessage: string;
  headers: Record<string, string>;
  body: string;
}

function readHeaders(lines: string[], from: number): { headers: Record<string, string>; next: number } {
  const headers: Record<string, string> = {};
  let i = from;
  for (; i < lines.length && lines[i] !== ""; i++) {
    const colon = lines[i]!.indexOf(":");
    if (colon > 0)
      headers[lines[i]!.slice(0, colon).trim().toLowerCase()] = lines[i]!.slice(colon + 1).trim();
  }
  return { headers, next: i + 1 };
}

export function parseBatchResponse(contentType: string, body: string): BatchPart[] {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error("The batch response has no multipart boundary");
  const parts: BatchPart[] = [];
  for (const raw of body.split(`--${boundary}`)) {
    const text = raw.replace(/^\r?\n/, "");
    if (!text.trim() || text.startsWith("--")) continue;
    const lines = text.split(/\r?\n/);
    const mime = readHeaders(lines, 0);
    const statusLine = /^HTTP\/\d\.\d (\d{3}) ?(.*)$/.exec(lines[mime.next] ?? "");
    if (!statusLine) continue;
    const http = readHeaders(lines, mime.next + 1);
    parts.push({
      contentId: mime.headers["content-id"] === undefined ? undefined : Number(mime.headers["content-id"]),
      status: Number(statusLine[1]),
      statusMessage: statusLine[2] ?? "",
      headers: http.headers,
      body: lines.slice(http.next).join("\n").trim(),
    });
  }
  return parts;
}
