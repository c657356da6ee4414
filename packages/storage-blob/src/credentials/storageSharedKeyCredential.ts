import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { Credential } from "../pipeline/credential.js";
import { StorageSharedKeyCredentialPolicy } from "../pipeline/credentialPolicy.js";
import type { RequestPolicy, RequestPolicyOptions } from "../pipeline/requestPolicy.js";

/**
 * The storage account name and key: signs each request with Shared Key and signs SAS tokens.
 *
 * @remarks
 * Use it with an account key from the portal or a connection string; prefer a `TokenCredential`
 * or a SAS where the key should not leave a server. The key is held in memory only as the decoded
 * bytes and is never written to a message or a log line.
 *
 * @example
 * ```ts
 * const credential = new StorageSharedKeyCredential("myaccount", process.env.ACCOUNT_KEY!);
 * const service = new BlobServiceClient("https://myaccount.blob.core.windows.net", credential);
 * ```
 * @public
 */
export class StorageSharedKeyCredential extends Credential {
  /** The storage account name the key belongs to. */
  public readonly accountName: string;
  readonly #key: Buffer;
  /** The key as OpenSSL holds it, made once: every request and SAS signs with it. */
  readonly #hmacKey: KeyObject;

  /**
   * Creates the credential from an account name and its base64 account key.
   * @param accountName - the storage account name, e.g. `devstoreaccount1`.
   * @param accountKey - the account key, base64 as shown by the portal.
   */
  constructor(accountName: string, accountKey: string) {
    super();
    if (typeof accountName !== "string" || accountName === "") {
      throw new TypeError("StorageSharedKeyCredential: accountName must be a non-empty string.");
    }
    // Buffer.from(x, "base64") skips what is not base64, so a mangled key would only fail with a
    // 403 on the first call; check it here (without ever echoing it).
    if (
      typeof accountKey !== "string" ||
      !/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey) ||
      accountKey.length % 4 !== 0
    ) {
      throw new RangeError(
        `StorageSharedKeyCredential: the account key of ${accountName} is not valid base64 (as the portal shows it); check it was copied whole.`,
      );
    }
    this.accountName = accountName;
    this.#key = Buffer.from(accountKey, "base64");
    this.#hmacKey = createSecretKey(this.#key);
  }

  /**
   * The account key, base64. Read by the sync bridge to rebuild the credential in its worker;
   * never logged or put in messages by azkit.
   */
  public get accountKey(): string {
    return this.#key.toString("base64");
  }

  /**
   * HMAC-SHA256 of `stringToSign` with the account key, base64 encoded.
   * Used by request signing and SAS generation; call it to sign your own string-to-sign.
   * @param stringToSign - the exact string the service will rebuild and compare.
   */
  public computeHMACSHA256(stringToSign: string): string {
    return createHmac("sha256", this.#hmacKey).update(stringToSign, "utf8").digest("base64");
  }

  /** The policy-chain form (`Credential`): a policy that signs each request with this key. */
  override create(
    nextPolicy: RequestPolicy,
    options: RequestPolicyOptions,
  ): StorageSharedKeyCredentialPolicy {
    return new StorageSharedKeyCredentialPolicy(nextPolicy, options, this);
  }
}
