import { type AuthConfig, OAuthError } from "./auth.js";
import { resolveScopes } from "./entraScopes.js";
import { authenticateClient, tokenEndpointUrls } from "./entraTokenEndpoint.js";

/** Entra ID's device codes live 15 minutes. */
const DEVICE_CODE_LIFETIME_SECONDS = 900;

/** `POST /{tenant}/oauth2/v2.0/devicecode`: starts a device code flow for a public client. */
export function handleDeviceCodeRequest(
  config: AuthConfig,
  tenant: string,
  form: URLSearchParams,
): Record<string, unknown> {
  const clientId = authenticateClient(config, form, tokenEndpointUrls(config, tenant), "public");
  const resolved = resolveScopes(config, form.get("scope"), false);
  const { deviceCode, userCode } = config.directory.startDeviceCode(
    clientId,
    resolved.granted,
    DEVICE_CODE_LIFETIME_SECONDS,
  );
  const verificationUri = `${config.authorityHost()}/devicelogin`;
  return {
    user_code: userCode,
    device_code: deviceCode,
    verification_uri: verificationUri,
    expires_in: DEVICE_CODE_LIFETIME_SECONDS,
    interval: config.directory.deviceCodeIntervalSeconds,
    message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`,
  };
}

/** The answer of the device login page. */
export interface PageAnswer {
  status: number;
  html: string;
}

/**
 * `GET /devicelogin` shows the code form; `POST /devicelogin` with `otc=<user code>` signs the tenant's
 * user in for that flow (the emulator's user is always signed in, so no password is asked), after which
 * the polling client gets its tokens.
 */
export function handleDeviceLogin(config: AuthConfig, method: string, form: URLSearchParams): PageAnswer {
  if (method === "GET") {
    return {
      status: 200,
      html: '<!doctype html><title>Enter code</title><form method="post"><input name="otc" autofocus><button>Next</button></form>',
    };
  }
  const approved = config.directory.approveDeviceCode(form.get("otc") ?? "");
  return approved
    ? {
        status: 200,
        html: `<!doctype html><title>Signed in</title><p>${config.directory.user.username} signed in. You may now close this window.</p>`,
      }
    : {
        status: 400,
        html: "<!doctype html><title>Code expired</title><p>That code didn't work. Check the code and try again.</p>",
      };
}

/** The authorize endpoint's answer: a redirect to the client, or an error page when it cannot redirect. */
export type AuthorizeAnswer =
  | { status: 302; location: string }
  | { status: 400; body: Record<string, unknown> };

/**
 * `GET /{tenant}/oauth2/v2.0/authorize`: the tenant's user is taken as signed in (an SSO session), so the
 * browser is redirected straight back to `redirect_uri` with a single-use `code` and the `state`, or with
 * `error`/`error_description`. Redirect URIs must be loopback (`http://localhost:<any port>`, as Entra ID
 * allows for public clients); PKCE (`code_challenge`, S256 or plain) is remembered for the code redemption.
 */
export function handleAuthorize(config: AuthConfig, tenant: string, url: URL): AuthorizeAnswer {
  const query = url.searchParams;
  const clientId = query.get("client_id") ?? "";
  const redirectUri = query.get("redirect_uri") ?? "";
  try {
    authenticateClient(config, new URLSearchParams({ client_id: clientId }), [], "public");
  } catch (error) {
    if (error instanceof OAuthError) return { status: 400, body: error.toBody() };
    throw error;
  }
  if (!isLoopbackRedirect(redirectUri)) {
    return {
      status: 400,
      body: new OAuthError(
        400,
        "invalid_request",
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. The emulator accepts loopback redirect URIs (http://localhost:<port>/...).`,
      ).toBody(),
    };
  }
  const back = (params: Record<string, string>): AuthorizeAnswer => {
    const target = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    const state = query.get("state");
    if (state !== null) target.searchParams.set("state", state);
    return { status: 302, location: target.toString() };
  };
  const lowerTenant = tenant.toLowerCase();
  if (
    lowerTenant !== config.tenantId.toLowerCase() &&
    lowerTenant !== "common" &&
    lowerTenant !== "organizations"
  ) {
    return back({
      error: "invalid_request",
      error_description: `AADSTS90002: Tenant '${tenant}' not found.`,
    });
  }
  if (query.get("response_type") !== "code") {
    return back({
      error: "unsupported_response_type",
      error_description: "AADSTS700054: response_type must be 'code'.",
    });
  }
  const mode = query.get("response_mode");
  if (mode !== null && mode !== "query") {
    return back({
      error: "invalid_request",
      error_description: `AADSTS900144: The emulator answers response_mode=query only, not '${mode}'.`,
    });
  }
  const hint = query.get("login_hint");
  if (hint && hint.toLowerCase() !== config.directory.user.username.toLowerCase()) {
    return back({
      error: "invalid_request",
      error_description:
        "AADSTS50034: The user account {EUII Hidden} does not exist in the emulator directory.",
    });
  }
  const challenge = query.get("code_challenge") ?? undefined;
  const method = query.get("code_challenge_method") ?? (challenge ? "plain" : undefined);
  if (method !== undefined && method !== "S256" && method !== "plain") {
    return back({
      error: "invalid_request",
      error_description: `AADSTS501491: Invalid code_challenge_method '${method}'.`,
    });
  }
  let scopes: string[];
  try {
    scopes = resolveScopes(config, query.get("scope"), false).granted;
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return back({ error: error.error, error_description: error.message });
  }
  const code = config.directory.issueAuthorizationCode({
    clientId,
    redirectUri,
    scopes,
    codeChallenge: challenge,
    codeChallengeMethod: method,
  });
  return back({ code, session_state: "emulator-session" });
}

function isLoopbackRedirect(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  } catch {
    return false;
  }
}
