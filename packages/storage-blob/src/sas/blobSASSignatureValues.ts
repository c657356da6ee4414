import { createHmac } from "node:crypto";
import type { StorageSharedKeyCredential } from "../credentials/storageSharedKeyCredential.js";
import type { UserDelegationKey } from "../models/userDelegationKey.js";
import { SERVICE_VERSION } from "../serviceVersion.js";
import type { BlobSASPermissions } from "./blobSASPermissions.js";
import { ContainerSASPermissions } from "./containerSASPermissions.js";
import { permissionLetters } from "./permissionFlags.js";
import { sasDateString } from "./sasDate.js";
import { type SasIPRange, ipRangeToString } from "./sasIPRange.js";
import type { SASProtocol } from "./sasProtocol.js";
import { SASQueryParameters } from "./sasQueryParameters.js";

/**
 * What a service SAS for a container or blob grants; the input of `generateBlobSASQueryParameters`.
 * @public
 */
export interface BlobSASSignatureValues {
  /** The container the SAS is for. */
  containerName: string;
  /** The blob; omit for a container SAS. */
  blobName?: string;
  /** A snapshot time; makes a snapshot SAS (`sr=bs`). */
  snapshotTime?: string;
  /** A version id; makes a version SAS (`sr=bv`). */
  versionId?: string;
  /** What the holder may do; required unless `identifier` names a stored policy that sets it. */
  permissions?: BlobSASPermissions | ContainerSASPermissions | string;
  /** When the SAS starts to work; omit for "now" at the service. */
  startsOn?: Date;
  /** When the SAS stops working; required unless a stored policy sets it. */
  expiresOn?: Date;
  /** The stored access policy (container ACL) the SAS refers to. */
  identifier?: string;
  /** Allowed caller IPs. */
  ipRange?: SasIPRange;
  /** Allowed protocols. */
  protocol?: SASProtocol;
  /** The service version to sign for; defaults to {@link SERVICE_VERSION}. */
  version?: string;
  /** Encryption scope for writes made with the SAS. */
  encryptionScope?: string;
  /** Cache-Control returned on reads with the SAS. */
  cacheControl?: string;
  /** Content-Disposition returned on reads with the SAS. */
  contentDisposition?: string;
  /** Content-Encoding returned on reads with the SAS. */
  contentEncoding?: string;
  /** Content-Language returned on reads with the SAS. */
  contentLanguage?: string;
  /** Content-Type returned on reads with the SAS. */
  contentType?: string;
  /** User delegation SAS: the object id of a user the SAS is also authorized for (`saoid`). */
  preauthorizedAgentObjectId?: string;
  /** User delegation SAS: a correlation id logged by the service (`scid`). */
  correlationId?: string;
}

function resourceOf(values: BlobSASSignatureValues): { sr: string; timestamp: string } {
  if (!values.blobName) {
    if (values.snapshotTime || values.versionId) {
      throw new RangeError("generateBlobSASQueryParameters: snapshotTime and versionId need a blobName");
    }
    return { sr: "c", timestamp: "" };
  }
  if (values.snapshotTime && values.versionId) {
    throw new RangeError("generateBlobSASQueryParameters: give snapshotTime or versionId, not both");
  }
  if (values.snapshotTime) return { sr: "bs", timestamp: values.snapshotTime };
  if (values.versionId) return { sr: "bv", timestamp: values.versionId };
  return { sr: "b", timestamp: "" };
}

function canonicalName(accountName: string, values: BlobSASSignatureValues): string {
  return values.blobName
    ? `/blob/${accountName}/${values.containerName}/${values.blobName}`
    : `/blob/${accountName}/${values.containerName}`;
}

function isUserDelegationKey(x: unknown): x is UserDelegationKey {
  return typeof x === "object" && x !== null && "signedObjectId" in x && "value" in x;
}

/**
 * Signs a service SAS for a container, blob, snapshot or version with the account key, or a user
 * delegation SAS with a key from `getUserDelegationKey`.
 *
 * @remarks Use it to hand out time-limited access without sharing the key. The string-to-sign
 * is the one of service versions 2020-12-06 and later (2025-07-05 and later for user delegation).
 * @param accountName - needed with a user delegation key (the shared key credential knows its own).
 * @example
 * ```ts
 * const sas = generateBlobSASQueryParameters(
 *   { containerName: "photos", blobName: "cat.jpg", permissions: BlobSASPermissions.parse("r"),
 *     expiresOn: new Date(Date.now() + 3600_000) },
 *   credential,
 * );
 * const readOnlyUrl = `${blobClient.url}?${sas}`;
 * ```
 * @public
 */
export function generateBlobSASQueryParameters(
  values: BlobSASSignatureValues,
  credential: StorageSharedKeyCredential | UserDelegationKey,
  accountName?: string,
): SASQueryParameters {
  const version = values.version ?? SERVICE_VERSION;
  if (version < "2020-12-06") {
    throw new RangeError(
      `generateBlobSASQueryParameters: service version ${version} is older than 2020-12-06`,
    );
  }
  if (!values.identifier && (!values.permissions || !values.expiresOn)) {
    throw new RangeError(
      "generateBlobSASQueryParameters: permissions and expiresOn are required without identifier",
    );
  }
  const { sr, timestamp } = resourceOf(values);
  const permissions =
    values.permissions === undefined
      ? ""
      : permissionLetters(values.permissions, (like) => ContainerSASPermissions.from(like));
  const ip = values.ipRange ? ipRangeToString(values.ipRange) : "";
  const common = [
    permissions,
    values.startsOn ? sasDateString(values.startsOn) : "",
    values.expiresOn ? sasDateString(values.expiresOn) : "",
  ];
  const tail = [
    ip,
    values.protocol ?? "",
    version,
    sr,
    timestamp,
    values.encryptionScope ?? "",
    values.cacheControl ?? "",
    values.contentDisposition ?? "",
    values.contentEncoding ?? "",
    values.contentLanguage ?? "",
    values.contentType ?? "",
  ];
  let signature: string;
  let userDelegationKey: UserDelegationKey | undefined;
  if (isUserDelegationKey(credential)) {
    if (!accountName)
      throw new RangeError(
        "generateBlobSASQueryParameters: accountName is required with a user delegation key",
      );
    userDelegationKey = credential;
    const keyFields = [
      credential.signedObjectId,
      credential.signedTenantId,
      sasDateString(credential.signedStartsOn),
      sasDateString(credential.signedExpiresOn),
      credential.signedService,
      credential.signedVersion,
      values.preauthorizedAgentObjectId ?? "",
      "", // signedAgentObjectId: not used by the Blob service
      values.correlationId ?? "",
    ];
    // 2025-07-05 added the delegated user tenant and object ids (unset here).
    if (version >= "2025-07-05") keyFields.push("", "");
    const stringToSign = [...common, canonicalName(accountName, values), ...keyFields, ...tail].join("\n");
    signature = createHmac("sha256", Buffer.from(credential.value, "base64"))
      .update(stringToSign, "utf8")
      .digest("base64");
  } else {
    const stringToSign = [
      ...common,
      canonicalName(credential.accountName, values),
      values.identifier ?? "",
      ...tail,
    ].join("\n");
    signature = credential.computeHMACSHA256(stringToSign);
  }
  return new SASQueryParameters({
    version,
    signature,
    permissions: permissions || undefined,
    protocol: values.protocol,
    startsOn: values.startsOn,
    expiresOn: values.expiresOn,
    ipRange: values.ipRange,
    identifier: values.identifier,
    encryptionScope: values.encryptionScope,
    resource: sr,
    cacheControl: values.cacheControl,
    contentDisposition: values.contentDisposition,
    contentEncoding: values.contentEncoding,
    contentLanguage: values.contentLanguage,
    contentType: values.contentType,
    userDelegationKey,
    preauthorizedAgentObjectId: values.preauthorizedAgentObjectId,
    correlationId: values.correlationId,
  });
}
