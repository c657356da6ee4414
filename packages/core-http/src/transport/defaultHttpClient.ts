import { createClientLogger } from "@azkit/core-logging";
import type { PipelineRequest } from "../pipelineRequest.js";
import type { HttpClient, PipelineResponse } from "../pipelineResponse.js";
import { loadBundledUndiciAgent } from "./bundledUndici.js";
import { type DefaultHttpClient, type DefaultHttpClientOptions, NodeHttpClient } from "./nodeHttpClient.js";
import { UndiciHttpClient } from "./undiciHttpClient.js";

/**
 * Requests a client sends on node:http before it loads undici. Loading blocks the event loop for
 * 20-60 ms and saves about 0.1 ms of CPU per request after, so a short-lived script (a cold start,
 * a CLI making a few calls) never pays for it and a busy client earns it back within a few hundred
 * requests.
 */
export const SWITCH_AFTER_REQUESTS = 100;

const logger = createClientLogger("core-http");

/**
 * The default transport: node:http at first, then, for a busy client, the undici that ships inside
 * Node for every request it can take (see {@link UndiciHttpClient}); requests in flight at the
 * switch finish where they started.
 */
class SwitchingHttpClient implements DefaultHttpClient {
  private readonly node: NodeHttpClient;
  private undici: UndiciHttpClient | undefined;
  private sent = 0;

  constructor(private readonly options: DefaultHttpClientOptions) {
    this.node = new NodeHttpClient(options);
    const engine = options.engine ?? "auto";
    if (engine !== "auto" && engine !== "node:http" && engine !== "undici") {
      throw new TypeError(
        `Option engine must be "auto", "node:http" or "undici"; got ${JSON.stringify(engine)}.`,
      );
    }
    // "node:http" never counts up to the switch.
    if (engine === "node:http") this.sent = Number.NEGATIVE_INFINITY;
    if (engine === "undici") this.switchToUndici();
    this.sendRequest = this.sendRequest.bind(this);
    this.close = this.close.bind(this);
  }

  get activeEngine(): "node:http" | "undici" {
    return this.undici === undefined ? "node:http" : "undici";
  }

  sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    const undici = this.undici;
    if (undici !== undefined) return undici.sendRequest(request);
    if (++this.sent === SWITCH_AFTER_REQUESTS) setImmediate(switchLater, this);
    return this.node.sendRequest(request);
  }

  close(): void {
    this.node.close();
    this.undici?.close();
  }

  switchToUndici(): void {
    if (this.undici !== undefined) return;
    const Agent = loadBundledUndiciAgent();
    if (Agent === undefined) {
      logger.verbose("Node's bundled undici is not reachable; node:http keeps sending every request.");
      return;
    }
    this.undici = new UndiciHttpClient(Agent, this.options, this.node);
    logger.verbose(`Switched the default transport to Node's bundled undici after ${this.sent} requests.`);
  }
}

function switchLater(client: SwitchingHttpClient): void {
  client.switchToUndici();
}

/**
 * Creates azkit's default transport: keep-alive pools per origin, connection and read (idle)
 * timeouts, abort that frees the socket, gzip/deflate/br decoding, upload/download progress,
 * proxies from `request.proxySettings`, and plain http refused unless `allowInsecureConnection`.
 * It starts on `node:http` and moves to the undici inside Node once busy (option `engine`). Each
 * call makes its own pools; `close()` releases them.
 *
 * @example
 * ```ts
 * const httpClient = createDefaultHttpClient({ tlsSettings: { ca: corporateRootPem } });
 * const response = await createEmptyPipeline().sendRequest(httpClient, createPipelineRequest({ url }));
 * httpClient.close();
 * ```
 * @public
 */
export function createDefaultHttpClient(options: DefaultHttpClientOptions = {}): DefaultHttpClient {
  return new SwitchingHttpClient(options);
}

/** The process-wide default transports by socket cap (0: none), so clients share connection pools. */
const sharedClients = new Map<number, HttpClient>();

/** The process-wide default transport for a per-origin socket cap (unlimited when omitted). */
export function getSharedDefaultHttpClient(maxSocketsPerOrigin = 0): HttpClient {
  if (!Number.isInteger(maxSocketsPerOrigin) || maxSocketsPerOrigin < 0) {
    throw new RangeError(
      `Option maxSocketsPerOrigin must be a positive integer; got ${JSON.stringify(maxSocketsPerOrigin)}.`,
    );
  }
  let client = sharedClients.get(maxSocketsPerOrigin);
  if (client === undefined) {
    client = createDefaultHttpClient({ maxSocketsPerOrigin: maxSocketsPerOrigin || undefined });
    sharedClients.set(maxSocketsPerOrigin, client);
  }
  return client;
}
