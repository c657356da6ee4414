import type { AuthConfig } from "./auth.js";
import { OAuthError } from "./auth.js";
import { decodeJwt, verifyRsaJwt } from "./jwt.js";

/** Clock skew Entra ID tolerates on assertion times. */
const SKEW_SECONDS = 300;

/**
 * Checks a client assertion as Entra ID does, throwing its `invalid_client` errors. Two kinds exist:
 * - a certificate assertion (the app signs it itself: `iss` = `sub` = client id, the certificate named by
 *   `x5t` or `x5t#S256`, `aud` = the token endpoint), verified against the app's registered certificates;
 * - a federated token from an outside issuer (Kubernetes, Azure Pipelines, GitHub), verified against a
 *   federated identity credential registered on the app (issuer, subject, audience, signing key).
 */
export function verifyClientAssertion(
  config: AuthConfig,
  clientId: string,
  assertion: string,
  tokenEndpointUrls: readonly string[],
): void {
  const jwt = decodeJwt(assertion);
  if (!jwt) throw invalidClient(50027, "JWT token is invalid or malformed.");
  const { header, claims } = jwt;
  const certificateAssertion =
    header.x5t !== undefined || header["x5t#S256"] !== undefined || claims.iss === clientId;
  if (certificateAssertion) {
    const certificate = config.directory.findCertificate(clientId, header);
    if (!certificate) {
      const used =
        typeof header.x5t === "string"
          ? Buffer.from(header.x5t, "base64url").toString("hex").toUpperCase()
          : "";
      throw invalidClient(
        700027,
        `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${used}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${clientId}'.]`,
      );
    }
    if (!verifyRsaJwt(jwt, certificate.publicKey)) {
      throw invalidClient(700027, "Client assertion failed signature validation.");
    }
    if (claims.iss !== clientId || claims.sub !== clientId) {
      throw invalidClient(
        700021,
        `Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.`,
      );
    }
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const wanted = tokenEndpointUrls.map((u) => u.toLowerCase());
    if (!audiences.some((a) => typeof a === "string" && wanted.includes(a.toLowerCase()))) {
      throw invalidClient(
        50013,
        `Assertion audience claim does not match the required value. The actual assertion audience is '${String(claims.aud)}'. The required value is the token endpoint '${tokenEndpointUrls[0]}'.`,
      );
    }
  } else {
    const federated = config.directory.findFederatedCredential(clientId, claims.iss, claims.sub);
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!federated || !audiences.includes(federated.audience)) {
      throw invalidClient(
        70021,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(claims.iss)}'. Assertion Subject: '${String(claims.sub)}'. Assertion Audience: '${String(claims.aud)}'.`,
      );
    }
    if (!verifyRsaJwt(jwt, federated.publicKey)) {
      throw invalidClient(700027, "Client assertion failed signature validation.");
    }
  }
  checkTimes(claims);
}

function checkTimes(claims: Record<string, unknown>): void {
  const now = Math.floor(Date.now() / 1000);
  const exp = claims.exp;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : undefined;
  if (
    typeof exp !== "number" ||
    exp + SKEW_SECONDS <= now ||
    (nbf !== undefined && nbf - SKEW_SECONDS > now)
  ) {
    const iso = (s: unknown) => (typeof s === "number" ? new Date(s * 1000).toISOString() : "none");
    throw invalidClient(
      700024,
      `Client assertion is not within its valid time range. Current time: ${new Date(now * 1000).toISOString()}, assertion valid from ${iso(nbf)}, expiry time of assertion ${iso(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.`,
    );
  }
}

function invalidClient(code: number, description: string): OAuthError {
  return new OAuthError(401, "invalid_client", code, description);
}
