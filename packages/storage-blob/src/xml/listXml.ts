// Listing bodies (`<EnumerationResults>`) to the page models, through core-http's XML mapping.
import { parseXml } from "@azkit/core-http";
import type {
  AccessTier,
  BlobItem,
  BlobType,
  ContainerListBlobHierarchySegmentResponse,
  CopyStatusType,
  LeaseDurationType,
  LeaseStateType,
  LeaseStatusType,
  PublicAccessType,
  ServiceFindBlobByTagsSegmentResponse,
  ServiceListContainersSegmentResponse,
} from "../models/listModels.js";
import { filterBlobsSchema, listBlobsSchema, listContainersSchema } from "./blobSchemas.js";
import { nonEmpty, toBlobName, toBoolean, toBytes, toDate, toNumber, toTags } from "./wireValues.js";

export function readListContainers(body: string): ServiceListContainersSegmentResponse {
  const r = parseXml(listContainersSchema, body);
  return {
    serviceEndpoint: r.serviceEndpoint ?? "",
    prefix: nonEmpty(r.prefix),
    marker: nonEmpty(r.marker),
    maxPageSize: toNumber(r.maxResults),
    containerItems: (r.containers ?? []).map((c) => {
      const p = c.properties ?? {};
      return {
        name: c.name ?? "",
        deleted: toBoolean(c.deleted),
        version: nonEmpty(c.version),
        properties: {
          lastModified: toDate(p.lastModified)!,
          etag: p.etag ?? "",
          leaseStatus: nonEmpty(p.leaseStatus) as LeaseStatusType | undefined,
          leaseState: nonEmpty(p.leaseState) as LeaseStateType | undefined,
          leaseDuration: nonEmpty(p.leaseDuration) as LeaseDurationType | undefined,
          publicAccess: nonEmpty(p.publicAccess) as PublicAccessType | undefined,
          hasImmutabilityPolicy: toBoolean(p.hasImmutabilityPolicy),
          hasLegalHold: toBoolean(p.hasLegalHold),
          defaultEncryptionScope: nonEmpty(p.defaultEncryptionScope),
          preventEncryptionScopeOverride: toBoolean(p.denyEncryptionScopeOverride),
        },
        metadata: c.metadata,
      };
    }),
    continuationToken: nonEmpty(r.nextMarker),
  };
}

type WireBlob = NonNullable<NonNullable<ReturnType<typeof parseListBlobs>["blobs"]>["blob"]>[number];

function parseListBlobs(body: string) {
  return parseXml(listBlobsSchema, body);
}

function readBlobItem(b: WireBlob): BlobItem {
  const p = b.properties ?? {};
  return {
    name: toBlobName(b.name),
    deleted: toBoolean(b.deleted) ?? false,
    snapshot: b.snapshot ?? "",
    versionId: nonEmpty(b.versionId),
    isCurrentVersion: toBoolean(b.isCurrentVersion),
    properties: {
      createdOn: toDate(p.createdOn),
      lastModified: toDate(p.lastModified)!,
      etag: p.etag ?? "",
      contentLength: toNumber(p.contentLength),
      contentType: nonEmpty(p.contentType),
      contentEncoding: nonEmpty(p.contentEncoding),
      contentLanguage: nonEmpty(p.contentLanguage),
      contentMD5: toBytes(p.contentMD5),
      contentDisposition: nonEmpty(p.contentDisposition),
      cacheControl: nonEmpty(p.cacheControl),
      blobSequenceNumber: toNumber(p.blobSequenceNumber),
      blobType: nonEmpty(p.blobType) as BlobType | undefined,
      leaseStatus: nonEmpty(p.leaseStatus) as LeaseStatusType | undefined,
      leaseState: nonEmpty(p.leaseState) as LeaseStateType | undefined,
      leaseDuration: nonEmpty(p.leaseDuration) as LeaseDurationType | undefined,
      copyId: nonEmpty(p.copyId),
      copyStatus: nonEmpty(p.copyStatus) as CopyStatusType | undefined,
      copySource: nonEmpty(p.copySource),
      copyProgress: nonEmpty(p.copyProgress),
      copyCompletedOn: toDate(p.copyCompletedOn),
      serverEncrypted: toBoolean(p.serverEncrypted),
      accessTier: nonEmpty(p.accessTier) as AccessTier | undefined,
      accessTierInferred: toBoolean(p.accessTierInferred),
      accessTierChangedOn: toDate(p.accessTierChangedOn),
      tagCount: toNumber(p.tagCount),
      isSealed: toBoolean(p.sealed),
    },
    metadata: b.metadata,
    tags: toTags(b.tags),
  };
}

export function readListBlobs(body: string): ContainerListBlobHierarchySegmentResponse {
  const r = parseListBlobs(body);
  return {
    serviceEndpoint: r.serviceEndpoint ?? "",
    containerName: r.containerName ?? "",
    prefix: nonEmpty(r.prefix),
    marker: nonEmpty(r.marker),
    maxPageSize: toNumber(r.maxResults),
    delimiter: nonEmpty(r.delimiter),
    segment: {
      blobPrefixes: (r.blobs?.blobPrefix ?? []).map((p) => ({ name: toBlobName(p.name) })),
      blobItems: (r.blobs?.blob ?? []).map(readBlobItem),
    },
    continuationToken: nonEmpty(r.nextMarker),
  };
}

export function readFilterBlobs(body: string): ServiceFindBlobByTagsSegmentResponse {
  const r = parseXml(filterBlobsSchema, body);
  return {
    serviceEndpoint: r.serviceEndpoint ?? "",
    where: nonEmpty(r.where),
    blobs: (r.blobs ?? []).map((b) => ({
      name: toBlobName(b.name),
      containerName: b.containerName ?? "",
      tags: toTags(b.tags),
    })),
    continuationToken: nonEmpty(r.nextMarker),
  };
}
