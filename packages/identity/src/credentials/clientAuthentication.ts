import type { CertificateSource, ClientCertificate } from "../certificates/clientCertificate.js";
import { loadClientCertificate } from "../certificates/clientCertificate.js";
import { signClientAssertion } from "../certificates/signClientAssertion.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";

/** The form fields that authenticate a confidential client, and which of them are secret. */
export interface ClientAuthenticationFields {
  form: Record<string, string>;
  secrets: string[];
}

/** Authenticates a confidential client at a token endpoint (`tokenUrl` is a client assertion's audience). */
export type ClientAuthentication = (tokenUrl: string) => Promise<ClientAuthenticationFields>;

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** A client secret (`client_secret_post`). */
export function clientSecretAuthentication(clientSecret: string): ClientAuthentication {
  return async () => ({ form: { client_secret: clientSecret }, secrets: [clientSecret] });
}

/**
 * A client assertion from the caller (a federated token, or a JWT the caller signs), asked for anew for
 * every token request, since such assertions are short-lived.
 */
export function clientAssertionAuthentication(
  credentialName: string,
  getAssertion: () => string | Promise<string>,
): ClientAuthentication {
  return async () => {
    const assertion = await getAssertion();
    if (typeof assertion !== "string" || assertion === "") {
      throw new CredentialUnavailableError(
        `${credentialName}: getAssertion returned no assertion (with @azkit/identity/sync it must return the assertion string itself, not a Promise).`,
      );
    }
    return {
      form: { client_assertion_type: ASSERTION_TYPE, client_assertion: assertion },
      secrets: [assertion],
    };
  };
}

/**
 * A client assertion signed with a certificate's private key. The certificate is read at the first token
 * request and kept (the file is not read again).
 */
export function clientCertificateAuthentication(
  credentialName: string,
  clientId: string,
  source: CertificateSource,
  sendCertificateChain: boolean,
): ClientAuthentication {
  let certificate: Promise<ClientCertificate> | undefined;
  return async (tokenUrl) => {
    certificate ??= loadClientCertificate(credentialName, source);
    certificate.catch(() => {
      certificate = undefined;
    });
    const assertion = signClientAssertion(await certificate, clientId, tokenUrl, sendCertificateChain);
    return {
      form: { client_assertion_type: ASSERTION_TYPE, client_assertion: assertion },
      secrets: [assertion],
    };
  };
}
