import {
  createHash,
  createPublicKey,
  type KeyObject,
  randomBytes,
  randomInt,
  X509Certificate,
} from "node:crypto";

/**
 * The Azure CLI's public client id: the client `@azure/identity` and `@azkit/identity` use for user
 * sign-in (device code, browser, username/password) when none is given.
 */
export const DEVELOPER_SIGN_ON_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

/** The one user of the emulated tenant. */
export interface DirectoryUser {
  /** The sign-in name (`upn`), such as `emulator-user@emulator.onmicrosoft.com`. */
  username: string;
  /** The password the password grant and the device login page accept. */
  password: string;
  /** The user's object id (`oid`). */
  objectId: string;
  /** The display name (`name`). */
  displayName: string;
}

/** A certificate registered on an app: its public key and the thumbprints an assertion names it by. */
export interface RegisteredCertificate {
  /** SHA-1 thumbprint of the DER certificate, base64url (the JWT `x5t` header). */
  x5t: string;
  /** SHA-256 thumbprint of the DER certificate, base64url (the JWT `x5t#S256` header). */
  x5tS256: string;
  /** SHA-1 thumbprint as uppercase hex, as the portal shows it. */
  thumbprint: string;
  publicKey: KeyObject;
}

/** A federated identity credential: tokens of an outside issuer the app accepts as client assertions. */
export interface FederatedCredentialSpec {
  /** The outside token's `iss`, such as a Kubernetes cluster's OIDC issuer URL. */
  issuer: string;
  /** The outside token's `sub`, such as `system:serviceaccount:ns:name`. */
  subject: string;
  /** The `aud` the outside token must carry; `api://AzureADTokenExchange` by default. */
  audience?: string;
  /** The issuer's public signing key (PEM public key or certificate). */
  publicKey: string;
}

interface FederatedCredential {
  issuer: string;
  subject: string;
  audience: string;
  publicKey: KeyObject;
}

/** A device code waiting for its user. */
export interface PendingDeviceCode {
  userCode: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  /** Set when the user has signed in on the device login page. */
  approved: boolean;
  declined: boolean;
}

/** An authorization code handed to a redirect URI, redeemable once. */
export interface IssuedAuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
  expiresAt: number;
  redeemed: boolean;
}

/** What a refresh token stands for. */
export interface IssuedRefreshToken {
  clientId: string;
  scopes: string[];
}

/**
 * The emulated Microsoft Entra ID tenant beyond its one service principal: certificates and federated
 * credentials registered on apps, the tenant's user, and the codes and refresh tokens of user flows.
 * Tests reach it as `arm.directory`.
 */
export class EntraDirectory {
  readonly user: DirectoryUser;
  /** Seconds a device-code client waits between polls (Entra says 5; tests set 0). */
  deviceCodeIntervalSeconds = 5;
  /** Approve every device code at its first poll, as if the user signed in at once (for blocked callers). */
  autoApproveDeviceCodes = false;
  readonly #certificates = new Map<string, RegisteredCertificate[]>();
  readonly #federated = new Map<string, FederatedCredential[]>();
  readonly deviceCodes = new Map<string, PendingDeviceCode>();
  readonly authorizationCodes = new Map<string, IssuedAuthorizationCode>();
  readonly refreshTokens = new Map<string, IssuedRefreshToken>();
  readonly #publicClients: Set<string>;

  constructor(appClientId: string) {
    this.user = {
      username: "emulator-user@emulator.onmicrosoft.com",
      password: randomBytes(12).toString("base64url"),
      objectId: "33333333-3333-3333-3333-333333333333",
      displayName: "Emulator User",
    };
    // The emulator's app registration has "Allow public client flows" on, so user flows may use it too.
    this.#publicClients = new Set([DEVELOPER_SIGN_ON_CLIENT_ID, appClientId.toLowerCase()]);
  }

  /** Whether `clientId` may run user flows without a client secret or assertion. */
  isPublicClient(clientId: string): boolean {
    return this.#publicClients.has(clientId.toLowerCase());
  }

  /**
   * Registers a certificate (PEM, the public part is enough) on an app, as uploading it under
   * "Certificates & secrets" does; client assertions signed with its key are then accepted.
   */
  registerCertificate(clientId: string, certificatePem: string): RegisteredCertificate {
    const certificate = new X509Certificate(certificatePem);
    const registered: RegisteredCertificate = {
      x5t: createHash("sha1").update(certificate.raw).digest("base64url"),
      x5tS256: createHash("sha256").update(certificate.raw).digest("base64url"),
      thumbprint: createHash("sha1").update(certificate.raw).digest("hex").toUpperCase(),
      publicKey: certificate.publicKey,
    };
    const list = this.#certificates.get(clientId.toLowerCase()) ?? [];
    list.push(registered);
    this.#certificates.set(clientId.toLowerCase(), list);
    return registered;
  }

  /** The certificate of `clientId` a JWT header names by `x5t` or `x5t#S256`. */
  findCertificate(clientId: string, header: Record<string, unknown>): RegisteredCertificate | undefined {
    return this.#certificates
      .get(clientId.toLowerCase())
      ?.find((c) => c.x5t === header.x5t || c.x5tS256 === header["x5t#S256"]);
  }

  /** Adds a federated identity credential to an app (workload identity, Azure Pipelines, GitHub). */
  registerFederatedCredential(clientId: string, spec: FederatedCredentialSpec): void {
    const list = this.#federated.get(clientId.toLowerCase()) ?? [];
    list.push({
      issuer: spec.issuer,
      subject: spec.subject,
      audience: spec.audience ?? "api://AzureADTokenExchange",
      publicKey: createPublicKey(spec.publicKey),
    });
    this.#federated.set(clientId.toLowerCase(), list);
  }

  /** The federated credential of `clientId` matching an outside token's issuer and subject. */
  findFederatedCredential(
    clientId: string,
    issuer: unknown,
    subject: unknown,
  ): FederatedCredential | undefined {
    return this.#federated
      .get(clientId.toLowerCase())
      ?.find((f) => f.issuer === issuer && f.subject === subject);
  }

  /** Starts a device code flow; returns the device code (the client's) and user code (the user's). */
  startDeviceCode(
    clientId: string,
    scopes: string[],
    lifetimeSeconds: number,
  ): { deviceCode: string; userCode: string } {
    const deviceCode = randomBytes(24).toString("base64url");
    const alphabet = "BCDFGHJKLMNPQRSTVWXZ23456789";
    const userCode = Array.from({ length: 9 }, () => alphabet[randomInt(alphabet.length)]).join("");
    this.deviceCodes.set(deviceCode, {
      userCode,
      clientId,
      scopes,
      expiresAt: Date.now() + lifetimeSeconds * 1000,
      approved: false,
      declined: false,
    });
    return { deviceCode, userCode };
  }

  /**
   * The user signs in on the device login page with `userCode` (or declines). Returns false when no
   * pending flow has that code.
   */
  approveDeviceCode(userCode: string, decision: "approve" | "decline" = "approve"): boolean {
    const wanted = userCode.trim().toUpperCase();
    for (const pending of this.deviceCodes.values()) {
      if (pending.userCode === wanted && Date.now() < pending.expiresAt) {
        pending.approved = decision === "approve";
        pending.declined = decision === "decline";
        return true;
      }
    }
    return false;
  }

  /** Issues a single-use authorization code for the signed-in user. */
  issueAuthorizationCode(code: Omit<IssuedAuthorizationCode, "expiresAt" | "redeemed">): string {
    const value = `1.${randomBytes(32).toString("base64url")}`;
    this.authorizationCodes.set(value, { ...code, expiresAt: Date.now() + 10 * 60_000, redeemed: false });
    return value;
  }

  /** Issues a refresh token for the user and `clientId`. */
  issueRefreshToken(clientId: string, scopes: string[]): string {
    const value = `1.${randomBytes(48).toString("base64url")}`;
    this.refreshTokens.set(value, { clientId, scopes });
    return value;
  }

  /** Forgets every code and refresh token (registrations stay). */
  clearSessions(): void {
    this.deviceCodes.clear();
    this.authorizationCodes.clear();
    this.refreshTokens.clear();
  }
}
