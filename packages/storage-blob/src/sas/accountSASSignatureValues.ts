import type { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import { SERVICE_VERSION } from "../serviceVersion.js";
import { AccountSASPermissions } from "./accountSASPermissions.js";
import { AccountSASResourceTypes } from "./accountSASResourceTypes.js";
import { AccountSASServices } from "./accountSASServices.js";
import { permissionLetters } from "./permissionFlags.js";
import { sasDateString } from "./sasDate.js";
import { type SasIPRange, ipRangeToString } from "./sasIPRange.js";
import type { SASProtocol } from "./sasProtocol.js";
import { SASQueryParameters } from "./sasQueryParameters.js";

/**
 * What an account SAS grants; the input of `generateAccountSASQueryParameters`.
 * @public
 */
export interface AccountSASSignatureValues {
  /** When the SAS stops working. */
  expiresOn: Date;
  /** What the holder may do. */
  permissions: AccountSASPermissions | string;
  /** Which services (`b` for blob). */
  services: AccountSASServices | string;
  /** Which resource types (`s`, `c`, `o`). */
  resourceTypes: AccountSASResourceTypes | string;
  /** When the SAS starts to work; omit for "now" at the service. */
  startsOn?: Date;
  /** Allowed caller IPs. */
  ipRange?: SasIPRange;
  /** Allowed protocols. */
  protocol?: SASProtocol;
  /** The service version to sign for; defaults to {@link SERVICE_VERSION}. */
  version?: string;
  /** Encryption scope for writes made with the SAS. */
  encryptionScope?: string;
}

/**
 * Signs an account SAS with the account key.
 *
 * @remarks Use it for service-level access (list containers, service properties) or access to
 * several containers at once; prefer a blob or container SAS for narrower grants.
 * @example
 * ```ts
 * const sas = generateAccountSASQueryParameters(
 *   { expiresOn, permissions: "rl", services: "b", resourceTypes: "sco" },
 *   credential,
 * );
 * const service = new BlobServiceClient(`${accountUrl}?${sas}`);
 * ```
 * @public
 */
export function generateAccountSASQueryParameters(
  values: AccountSASSignatureValues,
  credential: StorageSharedKeyCredential,
): SASQueryParameters {
  const version = values.version ?? SERVICE_VERSION;
  if (version < "2020-12-06") {
    throw new RangeError(
      `generateAccountSASQueryParameters: service version ${version} is older than 2020-12-06`,
    );
  }
  const permissions = permissionLetters(values.permissions, AccountSASPermissions.from);
  const services = permissionLetters(values.services, AccountSASServices.from);
  const resourceTypes = permissionLetters(values.resourceTypes, AccountSASResourceTypes.from);
  const stringToSign = `${[
    credential.accountName,
    permissions,
    services,
    resourceTypes,
    values.startsOn ? sasDateString(values.startsOn) : "",
    sasDateString(values.expiresOn),
    values.ipRange ? ipRangeToString(values.ipRange) : "",
    values.protocol ?? "",
    version,
    values.encryptionScope ?? "",
  ].join("\n")}\n`;
  return new SASQueryParameters({
    version,
    signature: credential.computeHMACSHA256(stringToSign),
    permissions,
    services,
    resourceTypes,
    protocol: values.protocol,
    startsOn: values.startsOn,
    expiresOn: values.expiresOn,
    ipRange: values.ipRange,
    encryptionScope: values.encryptionScope,
  });
}
