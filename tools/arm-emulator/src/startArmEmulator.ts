import { randomBytes } from "node:crypto";
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { ArmError } from "./armError.js";
import {
  type AuthConfig,
  authenticate,
  type IssueTokenOptions,
  issueToken,
  managedIdentityResourceId,
} from "./auth.js";
import { loopbackCertificate } from "./certificate.js";
import type { ArmRequest, ArmResponse, EmulatorContext } from "./context.js";
import { handleControl } from "./control.js";
import { EntraDirectory } from "./entraDirectory.js";
import { handleIdentity } from "./identityRoutes.js";
import { FaultInjector, type FaultSpec } from "./faults.js";
import {
  armHeaders,
  newRequestIds,
  parseJsonBody,
  queryParam,
  type RequestIds,
  readBody,
  sendJson,
  sendText,
} from "./httpIo.js";
import { OperationTracker } from "./lro.js";
import { type ArmEmulatorOptions, resolveOptions } from "./options.js";
import { routeArm } from "./router.js";
import { ArmStore } from "./store.js";

/** A running emulator: where it is, the credentials it accepts, and controls for tests. */
export interface ArmEmulator {
  /** ARM endpoint (use as the client's endpoint/baseUri), e.g. https://127.0.0.1:4000. */
  url: string;
  /** The OAuth2 v2.0 token endpoint of the emulator's tenant. */
  tokenUrl: string;
  /** Authority host for identity clients (AZURE_AUTHORITY_HOST); equals `url`. */
  authorityHost: string;
  /** The IMDS-style managed identity token endpoint. */
  imdsUrl: string;
  /** The one subscription that exists. */
  subscriptionId: string;
  /** Tenant of the subscription and of the service principal. */
  tenantId: string;
  /** Client id of the service principal. */
  clientId: string;
  /** Secret of the service principal. */
  clientSecret: string;
  /** Client id of the managed identity the IMDS and App Service identity endpoints serve. */
  managedIdentityClientId: string;
  /** Resource id of that (user-assigned) managed identity, for `msi_res_id`/`mi_res_id` selectors. */
  managedIdentityResourceId: string;
  /** The App Service identity endpoint (`IDENTITY_ENDPOINT`; send `X-IDENTITY-HEADER: identityHeader`). */
  appServiceIdentityUrl: string;
  /** The secret App Service puts in `IDENTITY_HEADER`. */
  identityHeader: string;
  /** PEM of the self-signed certificate (HTTPS mode) to trust as a CA; undefined in HTTP mode. */
  ca: string | undefined;
  /** Environment variables a client needs (without NODE_EXTRA_CA_CERTS, which needs a file). */
  env: Record<string, string>;
  /** Arms a fault for the next matching requests. */
  injectFault(spec: FaultSpec): void;
  /** Disarms all faults. */
  clearFaults(): void;
  /**
   * The emulated tenant's directory: register certificates and federated credentials on the app, the
   * user (`directory.user.username`/`password`), and device code approval for user-flow tests.
   */
  directory: EntraDirectory;
  /** Mints an access token directly (e.g. an expired one, or one for another audience). */
  issueToken(options?: IssueTokenOptions): string;
  /** Forgets all groups, resources, operations and faults. */
  reset(): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts a local Azure Resource Manager with a token endpoint, in this process.
 * Use in tests and samples; `close()` it when done.
 *
 * @example
 * ```ts
 * const arm = await startArmEmulator({ port: 0, https: false, lro: { polls: 1 } });
 * // point a client at arm.url, authenticate with arm.tenantId/clientId/clientSecret at arm.authorityHost
 * await arm.close();
 * ```
 */
export async function startArmEmulator(options: ArmEmulatorOptions = {}): Promise<ArmEmulator> {
  const opts = resolveOptions(options);
  const store = new ArmStore(opts.statePath);
  store.load();
  if (options.clientSecret === undefined && store.secrets) opts.clientSecret = store.secrets.clientSecret;
  const signingKey = store.secrets ? Buffer.from(store.secrets.signingKey, "base64") : randomBytes(32);
  const savedTls = store.secrets?.tls;

  let baseUrl = "";
  const auth: AuthConfig = {
    tenantId: opts.tenantId,
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    managedIdentityClientId: opts.managedIdentityClientId,
    subscriptionId: opts.subscriptionId,
    tokenLifetimeSeconds: opts.tokenLifetimeSeconds,
    signingKey,
    directory: new EntraDirectory(opts.clientId),
    authorityHost: () => baseUrl,
  };
  const ctx: EmulatorContext = {
    options: opts,
    store,
    operations: new OperationTracker(opts.lro),
    faults: new FaultInjector(),
    auth,
    baseUrl: () => baseUrl,
    rateLimits: { reads: 12_000, writes: 1_200, deletes: 15_000 },
    identityHeader: randomBytes(12).toString("hex"),
    seenApiVersions: new Map(),
  };
  for (const fault of opts.faults) ctx.faults.add(fault);

  // With a state file the certificate is kept too, so NODE_EXTRA_CA_CERTS stays valid across restarts.
  const tls = opts.https ? (savedTls ?? (await loopbackCertificate())) : undefined;
  store.secrets = {
    clientSecret: opts.clientSecret,
    signingKey: signingKey.toString("base64"),
    ...((tls ?? savedTls) ? { tls: tls ?? savedTls } : {}),
  };
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handleRequest(ctx, req, res).catch((error: unknown) => {
      if (error instanceof ArmError && !res.headersSent) {
        sendJson(res, error.status, error.toBody(), error.headers);
        return;
      }
      opts.log?.(`arm-emulator: internal error ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: "InternalServerError", message: "emulator bug" } });
      else res.destroy();
    });
  };
  const server: Server = tls
    ? createHttpsServer({ key: tls.key, cert: tls.cert }, listener)
    : createHttpServer(listener);
  server.keepAliveTimeout = 5_000;
  const sockets = new Set<Socket>();
  server.on(tls ? "secureConnection" : "connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // A client that resets a connection must not crash the emulator.
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  baseUrl = `${tls ? "https" : "http"}://${host}:${port}`;
  store.changed();

  const env: Record<string, string> = {
    AZURE_TENANT_ID: opts.tenantId,
    AZURE_CLIENT_ID: opts.clientId,
    AZURE_CLIENT_SECRET: opts.clientSecret,
    AZURE_AUTHORITY_HOST: baseUrl,
    AZURE_SUBSCRIPTION_ID: opts.subscriptionId,
    AZURE_RESOURCE_MANAGER_ENDPOINT: baseUrl,
    AZURE_POD_IDENTITY_AUTHORITY_HOST: baseUrl,
  };

  return {
    url: baseUrl,
    tokenUrl: `${baseUrl}/${opts.tenantId}/oauth2/v2.0/token`,
    authorityHost: baseUrl,
    imdsUrl: `${baseUrl}/metadata/identity/oauth2/token`,
    subscriptionId: opts.subscriptionId,
    tenantId: opts.tenantId,
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    managedIdentityClientId: opts.managedIdentityClientId,
    managedIdentityResourceId: managedIdentityResourceId(auth),
    appServiceIdentityUrl: `${baseUrl}/msi/token`,
    identityHeader: ctx.identityHeader,
    ca: tls?.cert,
    env,
    injectFault: (spec) => ctx.faults.add(spec),
    clearFaults: () => ctx.faults.clear(),
    directory: auth.directory,
    issueToken: (tokenOptions) => issueToken(auth, tokenOptions).token,
    reset: () => {
      store.clear();
      ctx.operations.clear();
      ctx.faults.clear();
      ctx.seenApiVersions.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        ctx.faults.releaseAll();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function handleRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  // Concatenated, not resolved: a path starting with "//" must stay a path, not become a host.
  const url = new URL(`${ctx.baseUrl()}${req.url ?? "/"}`);
  const ids = newRequestIds(req);
  let segs: string[];
  try {
    segs = url.pathname
      .split("/")
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    await readBody(req);
    sendJson(
      res,
      400,
      { error: { code: "InvalidRequestUri", message: `The request URI '${url.pathname}' is not valid.` } },
      armHeaders(ids),
    );
    return;
  }
  const lower = segs.map((s) => s.toLowerCase());
  const text = await readBody(req);
  ctx.options.log?.(`${method} ${url.pathname}${url.search}`);

  if (lower[0] === "__emulator" && segs.length === 2) {
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const answer = handleControl(ctx, method, segs[1]!, body);
    sendJson(res, answer.status, answer.body);
    return;
  }

  const isToken =
    (lower[0] === "metadata" && lower[1] === "identity") ||
    (lower[0] === "msi" && lower[1] === "token") ||
    (lower[1] === "oauth2" && (lower[2] === "token" || lower[2] === "v2.0")) ||
    lower[1] === "v2.0" ||
    (lower[0] === "common" && lower[1] === "discovery") ||
    (lower[0] === "devicelogin" && segs.length === 1);
  const fault = ctx.faults.take(isToken ? "token" : "arm", method, url.pathname);
  if (fault) {
    ctx.faults.apply(fault, req, res, armHeaders(ids));
    return;
  }
  if (isToken) {
    handleIdentity(ctx, req, res, method, url, segs, lower, text);
    return;
  }
  if (lower[0] !== "subscriptions" && lower[0] !== "providers") {
    sendJson(
      res,
      404,
      {
        error: { code: "NotFound", message: `The arm-emulator does not serve '${method} ${url.pathname}'.` },
      },
      armHeaders(ids),
    );
    return;
  }
  handleArm(ctx, req, res, { method, url, segs, ids, text });
}

/** An ARM request: authenticate, parse, route, then answer with ARM's headers. */
function handleArm(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  {
    method,
    url,
    segs,
    ids,
    text,
  }: { method: string; url: URL; segs: string[]; ids: RequestIds; text: string },
): void {
  let provider: "keyvault" | "web" | undefined;
  let response: ArmResponse;
  let gatewayError = false;
  try {
    const caller = authenticate(ctx.auth, req);
    const hasBody = (method === "PUT" || method === "PATCH" || method === "POST") && text.trim() !== "";
    if (hasBody) assertJsonContentType(req);
    const body = hasBody ? parseJsonBody(text) : undefined;
    const r: ArmRequest = {
      ctx,
      req,
      method,
      url,
      apiVersion: queryParam(url, "api-version"),
      body,
      caller,
      ids,
    };
    response = routeArm(r, segs, (p) => {
      provider = p;
    });
  } catch (error) {
    if (!(error instanceof ArmError)) throw error;
    gatewayError = error.origin === "gateway";
    response = { status: error.status, body: error.toBody(), headers: error.headers };
    if (gatewayError) provider = undefined;
  }

  const headers: Record<string, string> = armHeaders(ids);
  if (gatewayError) {
    headers["x-ms-failure-cause"] = "gateway";
  } else {
    const kind = method === "DELETE" ? "deletes" : method === "GET" || method === "HEAD" ? "reads" : "writes";
    const limits = ctx.rateLimits;
    limits[kind] = limits[kind] > 1 ? limits[kind] - 1 : 1_000;
    headers[`x-ms-ratelimit-remaining-subscription-${kind}`] = String(limits[kind]);
  }
  const provided = provider ?? response.provider;
  if (provided && !gatewayError) {
    const clientRequestId = req.headers["x-ms-client-request-id"];
    if (typeof clientRequestId === "string") headers["x-ms-client-request-id"] = clientRequestId;
    if (provided === "keyvault") headers["x-ms-keyvault-service-version"] = "1.5.0.0";
  }
  Object.assign(headers, response.headers);
  if (response.raw && method !== "HEAD") {
    sendText(res, response.status, response.raw, headers);
    return;
  }
  sendJson(res, response.status, method === "HEAD" ? undefined : response.body, headers);
}

/** ARM accepts only JSON request bodies: 415 UnsupportedMediaType otherwise. */
function assertJsonContentType(req: IncomingMessage): void {
  const type = String(req.headers["content-type"] ?? "");
  if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return;
  throw new ArmError(
    415,
    "UnsupportedMediaType",
    `The content media type '${type.split(";")[0]}' is not supported. Only 'application/json' is supported.`,
    { origin: "gateway" },
  );
}
