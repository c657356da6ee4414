import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAppServiceIdentityRequest, handleImdsRequest, OAuthError } from "./auth.js";
import type { EmulatorContext } from "./context.js";
import { handleTokenRequest } from "./entraTokenEndpoint.js";
import { handleAuthorize, handleDeviceCodeRequest, handleDeviceLogin } from "./entraUserFlows.js";
import { queryParam, sendJson } from "./httpIo.js";

/**
 * Routes the identity endpoints: Entra token (v2 and v1), device code, authorize, the device login page,
 * OpenID configuration, instance discovery, IMDS and App Service managed identity. Errors are
 * Entra-shaped, not ARM-shaped.
 */
export function handleIdentity(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  url: URL,
  segs: string[],
  lower: string[],
  text: string,
): void {
  const base = ctx.baseUrl();
  const noStore = { "Cache-Control": "no-store, no-cache", Pragma: "no-cache" };
  try {
    if (lower[0] === "metadata" && method === "GET" && lower[2] === "oauth2" && lower[3] === "token") {
      sendJson(res, 200, handleImdsRequest(ctx.auth, req, url), noStore);
      return;
    }
    if (lower[0] === "msi" && lower[1] === "token" && method === "GET") {
      sendJson(res, 200, handleAppServiceIdentityRequest(ctx.auth, req, url, ctx.identityHeader), noStore);
      return;
    }
    if (lower[0] === "common" && lower[1] === "discovery" && lower[2] === "instance") {
      const tenant = (queryParam(url, "authorization_endpoint") ?? "").split("/")[3] ?? "common";
      sendJson(res, 200, {
        tenant_discovery_endpoint: `${base}/${tenant}/v2.0/.well-known/openid-configuration`,
        "api-version": "1.1",
        metadata: [
          {
            preferred_network: new URL(base).host,
            preferred_cache: new URL(base).host,
            aliases: [new URL(base).host],
          },
        ],
      });
      return;
    }
    if (lower[0] === "devicelogin" && segs.length === 1) {
      const page = handleDeviceLogin(ctx.auth, method, new URLSearchParams(text));
      res.writeHead(page.status, { "Content-Type": "text/html; charset=utf-8", ...noStore });
      res.end(page.html);
      return;
    }
    const tenant = segs[0]!;
    const v2Endpoint = segs.length === 4 && lower[1] === "oauth2" && lower[2] === "v2.0";
    if (v2Endpoint && lower[3] === "authorize" && method === "GET") {
      const answer = handleAuthorize(ctx.auth, tenant, url);
      if (answer.status === 302) {
        res.writeHead(302, { Location: answer.location, ...noStore });
        res.end();
      } else {
        sendJson(res, answer.status, answer.body, noStore);
      }
      return;
    }
    if (v2Endpoint && lower[3] === "devicecode" && method === "POST") {
      sendJson(res, 200, handleDeviceCodeRequest(ctx.auth, tenant, new URLSearchParams(text)), noStore);
      return;
    }
    if (lower[1] === "v2.0" && lower[2] === ".well-known" && lower[3] === "openid-configuration") {
      sendJson(res, 200, {
        token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
        issuer: `${base}/${ctx.options.tenantId}/v2.0`,
        jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
        token_endpoint_auth_methods_supported: [
          "client_secret_post",
          "private_key_jwt",
          "client_secret_basic",
        ],
        grant_types_supported: [
          "client_credentials",
          "authorization_code",
          "refresh_token",
          "password",
          "urn:ietf:params:oauth:grant-type:device_code",
          "urn:ietf:params:oauth:grant-type:jwt-bearer",
        ],
        code_challenge_methods_supported: ["plain", "S256"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        tenant_region_scope: "NA",
        cloud_instance_name: "arm-emulator",
      });
      return;
    }
    const v1 = lower[2] === "token";
    const v2 = lower[2] === "v2.0" && lower[3] === "token";
    if (method === "POST" && lower[1] === "oauth2" && (v1 || v2) && segs.length === (v1 ? 3 : 4)) {
      const answer = handleTokenRequest(ctx.auth, {
        tenant,
        form: new URLSearchParams(text),
        v1,
        authorization: req.headers.authorization,
      });
      sendJson(res, 200, answer, noStore);
      return;
    }
    sendJson(res, 404, {
      error: "not_found",
      error_description: `no identity endpoint '${method} ${url.pathname}'`,
    });
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendJson(res, error.status, error.toBody(), noStore);
  }
}
