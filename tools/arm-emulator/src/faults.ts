import type { IncomingMessage, ServerResponse } from "node:http";

/** A fault to inject into the next matching requests (for reliability tests). */
export interface FaultSpec {
  /**
   * `status`: answer with `status` (429/500/503/...) and an ARM error body;
   * `hang`: never answer (until the client gives up or the emulator closes);
   * `reset`: reset the TCP connection without answering;
   * `truncate`: send headers and half a body, then drop the connection;
   * `lroFailure`: the next long-running operation a matching request starts ends Failed.
   */
  kind: "status" | "hang" | "reset" | "truncate" | "lroFailure";
  /** Status for kind "status" (default 503). */
  status?: number;
  /** How many matching requests it affects (default 1). */
  count?: number;
  /** `Retry-After` seconds sent with 429/503 (default 1 for those statuses). */
  retryAfterSeconds?: number;
  /** Only requests with one of these methods (default: any). */
  methods?: string[];
  /** Only requests whose path contains this text, case-insensitively (default: any). */
  pathContains?: string;
  /** Which endpoints it applies to (default "arm"; "token" = token and IMDS endpoints). */
  target?: "arm" | "token" | "all";
}

const CODES: Record<number, string> = {
  408: "RequestTimeout",
  429: "TooManyRequests",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

/** Holds armed faults and applies them in order. */
export class FaultInjector {
  private readonly armed: Array<FaultSpec & { remaining: number }> = [];
  private readonly hanging = new Set<ServerResponse>();

  /** Arms a fault. */
  add(spec: FaultSpec): void {
    if (!["status", "hang", "reset", "truncate", "lroFailure"].includes(spec.kind)) {
      throw new TypeError(`unknown fault kind '${String(spec.kind)}'`);
    }
    this.armed.push({ ...spec, remaining: spec.count ?? 1 });
  }

  /** Disarms every fault. */
  clear(): void {
    this.armed.length = 0;
  }

  /** The armed faults and how many requests each still affects. */
  list(): Array<FaultSpec & { remaining: number }> {
    return this.armed.map((f) => ({ ...f }));
  }

  /** Takes the first request-level fault matching a request, consuming one of its uses. */
  take(target: "arm" | "token", method: string, path: string): FaultSpec | undefined {
    return this.takeWhere(target, method, path, (f) => f.kind !== "lroFailure");
  }

  /** Takes an armed `lroFailure` for an operation a request starts. */
  takeOperationFailure(method: string, path: string): FaultSpec | undefined {
    return this.takeWhere("arm", method, path, (f) => f.kind === "lroFailure");
  }

  private takeWhere(
    target: "arm" | "token",
    method: string,
    path: string,
    kind: (f: FaultSpec) => boolean,
  ): FaultSpec | undefined {
    const index = this.armed.findIndex(
      (f) =>
        kind(f) &&
        (f.target ?? "arm") !== (target === "arm" ? "token" : "arm") &&
        (!f.methods || f.methods.some((m) => m.toUpperCase() === method)) &&
        (!f.pathContains || path.toLowerCase().includes(f.pathContains.toLowerCase())),
    );
    if (index < 0) return undefined;
    const fault = this.armed[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.armed.splice(index, 1);
    return fault;
  }

  /** Carries a fault out on a request. */
  apply(fault: FaultSpec, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
    if (fault.kind === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    if (fault.kind === "hang") {
      this.hanging.add(res);
      res.on("close", () => this.hanging.delete(res));
      return;
    }
    const status = fault.status ?? 503;
    const retryAfter = fault.retryAfterSeconds ?? (status === 429 || status === 503 ? 1 : undefined);
    const code = status === 429 ? "SubscriptionRequestsThrottled" : (CODES[status] ?? "InjectedFault");
    const message =
      status === 429
        ? `Number of requests exceeded the limit. Please try again after '${retryAfter ?? 0}' seconds.`
        : `Encountered internal server error (injected fault ${status}). Diagnostic information: tracking id '${headers["x-ms-request-id"] ?? ""}'.`;
    const text = JSON.stringify({ error: { code, message } });
    const all: Record<string, string> = {
      ...headers,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(text)),
    };
    if (retryAfter !== undefined) all["Retry-After"] = String(retryAfter);
    if (fault.kind === "truncate") {
      res.writeHead(200, all);
      res.write(text.slice(0, Math.floor(text.length / 2)));
      setImmediate(() => req.socket.destroy());
      return;
    }
    res.writeHead(status, all);
    res.end(text);
  }

  /** Ends hung requests (on close). */
  releaseAll(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }
}
