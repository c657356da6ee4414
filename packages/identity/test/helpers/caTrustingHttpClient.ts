import { Agent, request } from "node:https";
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from "@azkit/core-http";

/**
 * A core-http `HttpClient` over `node:https` that trusts one extra CA (the emulator's self-signed
 * certificate); core-http's default transport takes no CA option.
 */
export function caTrustingHttpClient(ca: string): HttpClient & { close(): void } {
  const agent = new Agent({ keepAlive: true, ca });
  return {
    sendRequest: (req: PipelineRequest) =>
      new Promise<PipelineResponse>((resolve, reject) => {
        const body = typeof req.body === "string" ? req.body : undefined;
        const headers = req.headers.toJSON();
        if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
        const outgoing = request(req.url, { method: req.method, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const responseHeaders = createHttpHeaders();
            for (const [k, v] of Object.entries(res.headers))
              if (typeof v === "string") responseHeaders.set(k, v);
            resolve({
              request: req,
              status: res.statusCode ?? 0,
              headers: responseHeaders,
              bodyAsText: Buffer.concat(chunks).toString("utf8"),
            });
          });
        });
        outgoing.on("error", reject);
        outgoing.end(body);
      }),
    close: () => agent.destroy(),
  };
}
