import type { UserDelegationKey } from "../models/userDelegationKey.js";
import { type SasIPRange, ipRangeToString } from "./sasIPRange.js";
import type { SASProtocol } from "./sasProtocol.js";
import { sasDateString } from "./sasDate.js";

/**
 * Every field a SAS query string can carry; the input of `new SASQueryParameters(...)`.
 * @public
 */
export interface SASQueryParametersOptions {
  /** Signed service version (`sv`). */
  version: string;
  /** Signature (`sig`), base64. */
  signature: string;
  /** Permissions letters (`sp`). */
  permissions?: string;
  /** Account SAS services (`ss`). */
  services?: string;
  /** Account SAS resource types (`srt`). */
  resourceTypes?: string;
  /** Allowed protocols (`spr`). */
  protocol?: SASProtocol;
  /** Start of validity (`st`). */
  startsOn?: Date;
  /** End of validity (`se`). */
  expiresOn?: Date;
  /** Allowed IPs (`sip`). */
  ipRange?: SasIPRange;
  /** Stored access policy id (`si`). */
  identifier?: string;
  /** Encryption scope (`ses`). */
  encryptionScope?: string;
  /** Signed resource: `c`, `b`, `bs`, `bv` (`sr`). */
  resource?: string;
  /** Response Cache-Control override (`rscc`). */
  cacheControl?: string;
  /** Response Content-Disposition override (`rscd`). */
  contentDisposition?: string;
  /** Response Content-Encoding override (`rsce`). */
  contentEncoding?: string;
  /** Response Content-Language override (`rscl`). */
  contentLanguage?: string;
  /** Response Content-Type override (`rsct`). */
  contentType?: string;
  /** User delegation key fields (`skoid`, `sktid`, `skt`, `ske`, `sks`, `skv`). */
  userDelegationKey?: Omit<UserDelegationKey, "value">;
  /** Authorized AAD object id for user delegation SAS (`saoid`). */
  preauthorizedAgentObjectId?: string;
  /** Correlation id for user delegation SAS (`scid`). */
  correlationId?: string;
}

/**
 * A signed SAS, immutable; `toString()` is the query string to append to a URL (without `?`).
 *
 * @remarks Returned by `generateBlobSASQueryParameters` and `generateAccountSASQueryParameters`.
 * @example
 * ```ts
 * const sas = generateBlobSASQueryParameters({ containerName, blobName, permissions, expiresOn }, credential);
 * const url = `${blobClient.url}?${sas.toString()}`;
 * ```
 * @public
 */
export class SASQueryParameters {
  /** Signed service version (`sv`). */
  public readonly version: string;
  /** Signature (`sig`). */
  public readonly signature: string;
  /** Permissions letters (`sp`). */
  public readonly permissions?: string;
  /** Account SAS services (`ss`). */
  public readonly services?: string;
  /** Account SAS resource types (`srt`). */
  public readonly resourceTypes?: string;
  /** Allowed protocols (`spr`). */
  public readonly protocol?: SASProtocol;
  /** Start of validity (`st`). */
  public readonly startsOn?: Date;
  /** End of validity (`se`). */
  public readonly expiresOn?: Date;
  /** Allowed IPs (`sip`). */
  public readonly ipRange?: SasIPRange;
  /** Stored access policy id (`si`). */
  public readonly identifier?: string;
  /** Encryption scope (`ses`). */
  public readonly encryptionScope?: string;
  /** Signed resource (`sr`). */
  public readonly resource?: string;
  /** Response Cache-Control override (`rscc`). */
  public readonly cacheControl?: string;
  /** Response Content-Disposition override (`rscd`). */
  public readonly contentDisposition?: string;
  /** Response Content-Encoding override (`rsce`). */
  public readonly contentEncoding?: string;
  /** Response Content-Language override (`rscl`). */
  public readonly contentLanguage?: string;
  /** Response Content-Type override (`rsct`). */
  public readonly contentType?: string;
  readonly #options: SASQueryParametersOptions;

  /** Wraps already-signed values; use the generate functions to sign. */
  constructor(options: SASQueryParametersOptions) {
    this.#options = options;
    this.version = options.version;
    this.signature = options.signature;
    this.permissions = options.permissions;
    this.services = options.services;
    this.resourceTypes = options.resourceTypes;
    this.protocol = options.protocol;
    this.startsOn = options.startsOn;
    this.expiresOn = options.expiresOn;
    this.ipRange = options.ipRange;
    this.identifier = options.identifier;
    this.encryptionScope = options.encryptionScope;
    this.resource = options.resource;
    this.cacheControl = options.cacheControl;
    this.contentDisposition = options.contentDisposition;
    this.contentEncoding = options.contentEncoding;
    this.contentLanguage = options.contentLanguage;
    this.contentType = options.contentType;
  }

  /** The query string (no leading `?`), percent-encoded, ready to append to a blob URL. */
  public toString(): string {
    const o = this.#options;
    const udk = o.userDelegationKey;
    const pairs: Array<[string, string | undefined]> = [
      ["sv", o.version],
      ["ss", o.services],
      ["srt", o.resourceTypes],
      ["spr", o.protocol],
      ["st", o.startsOn && sasDateString(o.startsOn)],
      ["se", o.expiresOn && sasDateString(o.expiresOn)],
      ["sip", o.ipRange && ipRangeToString(o.ipRange)],
      ["si", o.identifier],
      ["ses", o.encryptionScope],
      ["skoid", udk?.signedObjectId],
      ["sktid", udk?.signedTenantId],
      ["skt", udk && sasDateString(udk.signedStartsOn)],
      ["ske", udk && sasDateString(udk.signedExpiresOn)],
      ["sks", udk?.signedService],
      ["skv", udk?.signedVersion],
      ["saoid", o.preauthorizedAgentObjectId],
      ["scid", o.correlationId],
      ["sr", o.resource],
      ["sp", o.permissions],
      ["sig", o.signature],
      ["rscc", o.cacheControl],
      ["rscd", o.contentDisposition],
      ["rsce", o.contentEncoding],
      ["rscl", o.contentLanguage],
      ["rsct", o.contentType],
    ];
    return pairs
      .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== "")
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join("&");
  }
}
