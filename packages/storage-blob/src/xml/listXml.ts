// Listing bodies (`<EnumerationResults>`) to the page models.
import type {
  AccessTier,
  BlobItem,
  BlobPrefix,
  BlobProperties,
  BlobType,
  ContainerItem,
  ContainerListBlobHierarchySegmentResponse,
  CopyStatusType,
  FilterBlobItem,
  LeaseDurationType,
  LeaseStateType,
  LeaseStatusType,
  PublicAccessType,
  ServiceFindBlobByTagsSegmentResponse,
  ServiceListContainersSegmentResponse,
} from "../models/listModels.js";
import {
  blobName,
  child,
  children,
  parseXml,
  tagSet,
  text,
  textBoolean,
  textDate,
  textMap,
  textNumber,
  type XmlNode,
} from "./storageXml.js";

function nonEmpty(value: string | undefined): string | undefined {
  return value === "" ? undefined : value;
}

function root(body: string): XmlNode {
  const doc = parseXml(body);
  return child(doc, "EnumerationResults") ?? {};
}

export function readListContainers(body: string): ServiceListContainersSegmentResponse {
  const r = root(body);
  const containerItems: ContainerItem[] = children(child(r, "Containers"), "Container").map((c) => {
    const p = child(c, "Properties") ?? {};
    return {
      name: text(c, "Name") ?? "",
      deleted: textBoolean(c, "Deleted"),
      version: text(c, "Version"),
      properties: {
        lastModified: textDate(p, "Last-Modified")!,
        etag: text(p, "Etag") ?? "",
        leaseStatus: text(p, "LeaseStatus") as LeaseStatusType | undefined,
        leaseState: text(p, "LeaseState") as LeaseStateType | undefined,
        leaseDuration: nonEmpty(text(p, "LeaseDuration")) as LeaseDurationType | undefined,
        publicAccess: nonEmpty(text(p, "PublicAccess")) as PublicAccessType | undefined,
        hasImmutabilityPolicy: textBoolean(p, "HasImmutabilityPolicy"),
        hasLegalHold: textBoolean(p, "HasLegalHold"),
        defaultEncryptionScope: text(p, "DefaultEncryptionScope"),
        preventEncryptionScopeOverride: textBoolean(p, "DenyEncryptionScopeOverride"),
      },
      metadata: textMap(c, "Metadata"),
    };
  });
  return {
    serviceEndpoint: String(r["@ServiceEndpoint"] ?? ""),
    prefix: nonEmpty(text(r, "Prefix")),
    marker: nonEmpty(text(r, "Marker")),
    maxPageSize: textNumber(r, "MaxResults"),
    containerItems,
    continuationToken: nonEmpty(text(r, "NextMarker")),
  };
}

function readBlobProperties(p: XmlNode): BlobProperties {
  const md5 = text(p, "Content-MD5");
  return {
    createdOn: textDate(p, "Creation-Time"),
    lastModified: textDate(p, "Last-Modified")!,
    etag: text(p, "Etag") ?? "",
    contentLength: textNumber(p, "Content-Length"),
    contentType: nonEmpty(text(p, "Content-Type")),
    contentEncoding: nonEmpty(text(p, "Content-Encoding")),
    contentLanguage: nonEmpty(text(p, "Content-Language")),
    contentMD5: md5 ? new Uint8Array(Buffer.from(md5, "base64")) : undefined,
    contentDisposition: nonEmpty(text(p, "Content-Disposition")),
    cacheControl: nonEmpty(text(p, "Cache-Control")),
    blobSequenceNumber: textNumber(p, "x-ms-blob-sequence-number"),
    blobType: text(p, "BlobType") as BlobType | undefined,
    leaseStatus: text(p, "LeaseStatus") as LeaseStatusType | undefined,
    leaseState: text(p, "LeaseState") as LeaseStateType | undefined,
    leaseDuration: nonEmpty(text(p, "LeaseDuration")) as LeaseDurationType | undefined,
    copyId: text(p, "CopyId"),
    copyStatus: text(p, "CopyStatus") as CopyStatusType | undefined,
    copySource: text(p, "CopySource"),
    copyProgress: text(p, "CopyProgress"),
    copyCompletedOn: textDate(p, "CopyCompletionTime"),
    serverEncrypted: textBoolean(p, "ServerEncrypted"),
    accessTier: text(p, "AccessTier") as AccessTier | undefined,
    accessTierInferred: textBoolean(p, "AccessTierInferred"),
    accessTierChangedOn: textDate(p, "AccessTierChangeTime"),
    tagCount: textNumber(p, "TagCount"),
    isSealed: textBoolean(p, "Sealed"),
  };
}

function readBlobItem(b: XmlNode): BlobItem {
  return {
    name: blobName(b),
    deleted: textBoolean(b, "Deleted") ?? false,
    snapshot: text(b, "Snapshot") ?? "",
    versionId: text(b, "VersionId"),
    isCurrentVersion: textBoolean(b, "IsCurrentVersion"),
    properties: readBlobProperties(child(b, "Properties") ?? {}),
    metadata: textMap(b, "Metadata"),
    tags: tagSet(b),
  };
}

export function readListBlobs(body: string): ContainerListBlobHierarchySegmentResponse {
  const r = root(body);
  const blobs = child(r, "Blobs");
  const blobItems = children(blobs, "Blob").map(readBlobItem);
  const prefixes: BlobPrefix[] = children(blobs, "BlobPrefix").map((p) => ({ name: blobName(p) }));
  return {
    serviceEndpoint: String(r["@ServiceEndpoint"] ?? ""),
    containerName: String(r["@ContainerName"] ?? ""),
    prefix: nonEmpty(text(r, "Prefix")),
    marker: nonEmpty(text(r, "Marker")),
    maxPageSize: textNumber(r, "MaxResults"),
    delimiter: nonEmpty(text(r, "Delimiter")),
    segment: { blobPrefixes: prefixes, blobItems },
    continuationToken: nonEmpty(text(r, "NextMarker")),
  };
}

export function readFilterBlobs(body: string): ServiceFindBlobByTagsSegmentResponse {
  const r = root(body);
  const blobs: FilterBlobItem[] = children(child(r, "Blobs"), "Blob").map((b) => ({
    name: blobName(b),
    containerName: text(b, "ContainerName") ?? "",
    tags: tagSet(b),
  }));
  return {
    serviceEndpoint: String(r["@ServiceEndpoint"] ?? ""),
    where: nonEmpty(text(r, "Where")),
    blobs,
    continuationToken: nonEmpty(text(r, "NextMarker")),
  };
}
