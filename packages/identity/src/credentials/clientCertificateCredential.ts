import type { AccessToken, GetTokenOptions, TokenCredential } from "@azkit/core-http";
import type { CertificateSource } from "../certificates/clientCertificate.js";
import { AppTokenSession } from "./appTokenSession.js";
import { clientCertificateAuthentication } from "./clientAuthentication.js";
import {
  type CredentialPersistenceOptions,
  type EntraCredentialOptions,
  refusePersistentCache,
} from "./tokenCredentialOptions.js";

/**
 * Options of `ClientCertificateCredential`.
 * @public
 */
export interface ClientCertificateCredentialOptions
  extends EntraCredentialOptions,
    CredentialPersistenceOptions {
  /**
   * Sends the certificate chain (`x5c`) with each assertion, for apps that trust certificates by subject
   * name and issuer instead of by thumbprint.
   */
  sendCertificateChain?: boolean;
}

/**
 * A certificate given as PEM text (certificate and private key).
 * @public
 */
export interface ClientCertificatePEMCertificate {
  /** PEM text holding the certificate (and its chain) and the private key. */
  certificate: string;
  /** The password of an encrypted private key. */
  certificatePassword?: string;
}

/**
 * A certificate given as a file: PEM (certificate and private key) or PKCS#12/PFX.
 * @public
 */
export interface ClientCertificatePEMCertificatePath {
  /** The file: PEM, or PFX (detected by its content). */
  certificatePath: string;
  /** The password of an encrypted private key or of the PFX. */
  certificatePassword?: string;
}

/**
 * Where `ClientCertificateCredential` gets its certificate.
 * @public
 */
export type ClientCertificateCredentialPEMConfiguration =
  | ClientCertificatePEMCertificate
  | ClientCertificatePEMCertificatePath;

const NAME = "ClientCertificateCredential";

/**
 * Authenticates an app registration (service principal) with a certificate: signs an RS256 client
 * assertion (with the `x5t` and `x5t#S256` thumbprints) with the certificate's private key, in the OAuth
 * 2.0 client-credentials flow. The certificate is PEM (certificate + key, the key optionally encrypted)
 * or PFX, from a file or PEM text; it is read at the first `getToken`.
 *
 * @example
 * ```ts
 * const credential = new ClientCertificateCredential(tenantId, clientId, "/secrets/app.pem");
 * const pfx = new ClientCertificateCredential(tenantId, clientId, {
 *   certificatePath: "/secrets/app.pfx",
 *   certificatePassword: process.env.PFX_PASSWORD,
 * });
 * ```
 * @public
 */
export class ClientCertificateCredential implements TokenCredential {
  readonly #session: AppTokenSession;

  /** Creates the credential from a PEM or PFX file path. */
  constructor(
    tenantId: string,
    clientId: string,
    certificatePath: string,
    options?: ClientCertificateCredentialOptions,
  );
  /** Creates the credential from a certificate file and its password. */
  constructor(
    tenantId: string,
    clientId: string,
    configuration: ClientCertificatePEMCertificatePath,
    options?: ClientCertificateCredentialOptions,
  );
  /** Creates the credential from PEM text. */
  constructor(
    tenantId: string,
    clientId: string,
    configuration: ClientCertificatePEMCertificate,
    options?: ClientCertificateCredentialOptions,
  );
  constructor(
    tenantId: string,
    clientId: string,
    certificate: string | ClientCertificateCredentialPEMConfiguration,
    options: ClientCertificateCredentialOptions = {},
  ) {
    if (!tenantId || !clientId) throw new TypeError(`${NAME}: tenantId and clientId are required.`);
    refusePersistentCache(NAME, options);
    const authenticate = clientCertificateAuthentication(
      NAME,
      clientId,
      certificateSource(NAME, certificate),
      options.sendCertificateChain ?? false,
    );
    this.#session = new AppTokenSession(NAME, tenantId, clientId, authenticate, options);
  }

  /**
   * Gets a token for `scopes`, from the cache while it is fresh. Rejects with a TypeError when the
   * certificate cannot be read, and an `AuthenticationError` when Microsoft Entra ID refuses it.
   */
  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    return this.#session.getToken(scopes, options);
  }

  /** Releases the credential's sockets and forgets its tokens; it can still be used afterwards. */
  async close(): Promise<void> {
    this.#session.close();
  }

  /** Same as `ClientCertificateCredential.close`, for `await using`. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

/** The certificate argument in each of its three shapes. */
export function certificateSource(
  credentialName: string,
  certificate: string | ClientCertificateCredentialPEMConfiguration,
): CertificateSource {
  if (typeof certificate === "string" && certificate !== "") return { path: certificate };
  if (typeof certificate === "object" && certificate !== null) {
    if ("certificatePath" in certificate && certificate.certificatePath) {
      return { path: certificate.certificatePath, password: certificate.certificatePassword };
    }
    if ("certificate" in certificate && certificate.certificate) {
      return { pem: certificate.certificate, password: certificate.certificatePassword };
    }
  }
  throw new TypeError(
    `${credentialName}: give the certificate as a file path, { certificatePath, certificatePassword? } or { certificate: "<PEM>", certificatePassword? }.`,
  );
}
