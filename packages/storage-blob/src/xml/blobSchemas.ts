// The Blob service's XML bodies as core-http schemas: core-http's XML mapping (its own reader
// and writer) reads and writes them; the readers beside this file turn the results into the
// public models. Scalars stay strings here because the service sends empty elements for unset
// values (`<LeaseDuration />`); the readers convert them.
import type { ObjectSchema } from "@azkit/core-http";

const str = (wireName: string) => ({ type: "string", wireName }) as const;

/** `<Name Encoded="true">` carries a percent-encoded name when XML cannot hold the characters. */
const nameSchema = {
  type: "object",
  wireName: "Name",
  properties: {
    encoded: { type: "string", xml: { attribute: true, name: "Encoded" } },
    value: { type: "string", xml: { text: true } },
  },
} as const satisfies ObjectSchema;

const metadataSchema = { type: "dictionary", wireName: "Metadata", values: { type: "string" } } as const;

const tagSetSchema = {
  type: "object",
  wireName: "Tags",
  properties: {
    tagSet: {
      type: "array",
      wireName: "TagSet",
      xml: { wrapped: true, itemName: "Tag" },
      items: { type: "object", properties: { key: str("Key"), value: str("Value") } },
    },
  },
} as const satisfies ObjectSchema;

export const tagsDocumentSchema = { ...tagSetSchema, xml: { name: "Tags" } } as const satisfies ObjectSchema;

const containerPropertiesSchema = {
  type: "object",
  wireName: "Properties",
  properties: {
    lastModified: str("Last-Modified"),
    etag: str("Etag"),
    leaseStatus: str("LeaseStatus"),
    leaseState: str("LeaseState"),
    leaseDuration: str("LeaseDuration"),
    publicAccess: str("PublicAccess"),
    hasImmutabilityPolicy: str("HasImmutabilityPolicy"),
    hasLegalHold: str("HasLegalHold"),
    defaultEncryptionScope: str("DefaultEncryptionScope"),
    denyEncryptionScopeOverride: str("DenyEncryptionScopeOverride"),
  },
} as const satisfies ObjectSchema;

export const listContainersSchema = {
  type: "object",
  xml: { name: "EnumerationResults" },
  properties: {
    serviceEndpoint: { type: "string", xml: { attribute: true, name: "ServiceEndpoint" } },
    prefix: str("Prefix"),
    marker: str("Marker"),
    maxResults: str("MaxResults"),
    containers: {
      type: "array",
      wireName: "Containers",
      xml: { wrapped: true, itemName: "Container" },
      items: {
        type: "object",
        properties: {
          name: str("Name"),
          deleted: str("Deleted"),
          version: str("Version"),
          properties: containerPropertiesSchema,
          metadata: metadataSchema,
        },
      },
    },
    nextMarker: str("NextMarker"),
  },
} as const satisfies ObjectSchema;

const blobPropertiesSchema = {
  type: "object",
  wireName: "Properties",
  properties: {
    createdOn: str("Creation-Time"),
    lastModified: str("Last-Modified"),
    etag: str("Etag"),
    contentLength: str("Content-Length"),
    contentType: str("Content-Type"),
    contentEncoding: str("Content-Encoding"),
    contentLanguage: str("Content-Language"),
    contentMD5: str("Content-MD5"),
    contentDisposition: str("Content-Disposition"),
    cacheControl: str("Cache-Control"),
    blobSequenceNumber: str("x-ms-blob-sequence-number"),
    blobType: str("BlobType"),
    leaseStatus: str("LeaseStatus"),
    leaseState: str("LeaseState"),
    leaseDuration: str("LeaseDuration"),
    copyId: str("CopyId"),
    copyStatus: str("CopyStatus"),
    copySource: str("CopySource"),
    copyProgress: str("CopyProgress"),
    copyCompletedOn: str("CopyCompletionTime"),
    serverEncrypted: str("ServerEncrypted"),
    accessTier: str("AccessTier"),
    accessTierInferred: str("AccessTierInferred"),
    accessTierChangedOn: str("AccessTierChangeTime"),
    tagCount: str("TagCount"),
    sealed: str("Sealed"),
  },
} as const satisfies ObjectSchema;

const blobItemSchema = {
  type: "object",
  properties: {
    name: nameSchema,
    deleted: str("Deleted"),
    snapshot: str("Snapshot"),
    versionId: str("VersionId"),
    isCurrentVersion: str("IsCurrentVersion"),
    properties: blobPropertiesSchema,
    metadata: metadataSchema,
    tags: tagSetSchema,
  },
} as const satisfies ObjectSchema;

export const listBlobsSchema = {
  type: "object",
  xml: { name: "EnumerationResults" },
  properties: {
    serviceEndpoint: { type: "string", xml: { attribute: true, name: "ServiceEndpoint" } },
    containerName: { type: "string", xml: { attribute: true, name: "ContainerName" } },
    prefix: str("Prefix"),
    marker: str("Marker"),
    maxResults: str("MaxResults"),
    delimiter: str("Delimiter"),
    blobs: {
      type: "object",
      wireName: "Blobs",
      properties: {
        blob: { type: "array", wireName: "Blob", items: blobItemSchema },
        blobPrefix: {
          type: "array",
          wireName: "BlobPrefix",
          items: { type: "object", properties: { name: nameSchema } },
        },
      },
    },
    nextMarker: str("NextMarker"),
  },
} as const satisfies ObjectSchema;

export const filterBlobsSchema = {
  type: "object",
  xml: { name: "EnumerationResults" },
  properties: {
    serviceEndpoint: { type: "string", xml: { attribute: true, name: "ServiceEndpoint" } },
    where: str("Where"),
    blobs: {
      type: "array",
      wireName: "Blobs",
      xml: { wrapped: true, itemName: "Blob" },
      items: {
        type: "object",
        properties: { name: nameSchema, containerName: str("ContainerName"), tags: tagSetSchema },
      },
    },
    nextMarker: str("NextMarker"),
  },
} as const satisfies ObjectSchema;

const blockArray = (wireName: string) =>
  ({
    type: "array",
    wireName,
    xml: { wrapped: true, itemName: "Block" },
    items: { type: "object", properties: { name: str("Name"), size: str("Size") } },
  }) as const;

export const blockListSchema = {
  type: "object",
  xml: { name: "BlockList" },
  properties: {
    committedBlocks: blockArray("CommittedBlocks"),
    uncommittedBlocks: blockArray("UncommittedBlocks"),
  },
} as const satisfies ObjectSchema;

export const blockLookupListSchema = {
  type: "object",
  xml: { name: "BlockList" },
  properties: { latest: { type: "array", wireName: "Latest", items: { type: "string" } } },
} as const satisfies ObjectSchema;

const rangeArray = (wireName: string) =>
  ({
    type: "array",
    wireName,
    items: { type: "object", properties: { start: str("Start"), end: str("End") } },
  }) as const;

export const pageListSchema = {
  type: "object",
  xml: { name: "PageList" },
  properties: { pageRange: rangeArray("PageRange"), clearRange: rangeArray("ClearRange") },
} as const satisfies ObjectSchema;

export const signedIdentifiersSchema = {
  type: "object",
  xml: { name: "SignedIdentifiers" },
  properties: {
    signedIdentifier: {
      type: "array",
      wireName: "SignedIdentifier",
      items: {
        type: "object",
        properties: {
          id: str("Id"),
          accessPolicy: {
            type: "object",
            wireName: "AccessPolicy",
            properties: { start: str("Start"), expiry: str("Expiry"), permission: str("Permission") },
          },
        },
      },
    },
  },
} as const satisfies ObjectSchema;

export const keyInfoSchema = {
  type: "object",
  xml: { name: "KeyInfo" },
  properties: { start: str("Start"), expiry: str("Expiry") },
} as const satisfies ObjectSchema;

export const userDelegationKeySchema = {
  type: "object",
  xml: { name: "UserDelegationKey" },
  properties: {
    signedObjectId: str("SignedOid"),
    signedTenantId: str("SignedTid"),
    signedStartsOn: str("SignedStart"),
    signedExpiresOn: str("SignedExpiry"),
    signedService: str("SignedService"),
    signedVersion: str("SignedVersion"),
    value: str("Value"),
  },
} as const satisfies ObjectSchema;

const retentionPolicySchema = (wireName: string) =>
  ({
    type: "object",
    wireName,
    properties: {
      enabled: { type: "boolean", wireName: "Enabled" },
      days: { type: "integer", wireName: "Days" },
    },
  }) as const;

const metricsSchema = (wireName: string) =>
  ({
    type: "object",
    wireName,
    properties: {
      version: str("Version"),
      enabled: { type: "boolean", wireName: "Enabled" },
      includeAPIs: { type: "boolean", wireName: "IncludeAPIs" },
      retentionPolicy: retentionPolicySchema("RetentionPolicy"),
    },
  }) as const;

export const servicePropertiesSchema = {
  type: "object",
  xml: { name: "StorageServiceProperties" },
  properties: {
    blobAnalyticsLogging: {
      type: "object",
      wireName: "Logging",
      properties: {
        version: str("Version"),
        deleteProperty: { type: "boolean", wireName: "Delete" },
        read: { type: "boolean", wireName: "Read" },
        write: { type: "boolean", wireName: "Write" },
        retentionPolicy: retentionPolicySchema("RetentionPolicy"),
      },
    },
    hourMetrics: metricsSchema("HourMetrics"),
    minuteMetrics: metricsSchema("MinuteMetrics"),
    cors: {
      type: "array",
      wireName: "Cors",
      xml: { wrapped: true, itemName: "CorsRule" },
      items: {
        type: "object",
        properties: {
          allowedOrigins: str("AllowedOrigins"),
          allowedMethods: str("AllowedMethods"),
          allowedHeaders: str("AllowedHeaders"),
          exposedHeaders: str("ExposedHeaders"),
          maxAgeInSeconds: { type: "integer", wireName: "MaxAgeInSeconds" },
        },
      },
    },
    defaultServiceVersion: str("DefaultServiceVersion"),
    deleteRetentionPolicy: retentionPolicySchema("DeleteRetentionPolicy"),
    staticWebsite: {
      type: "object",
      wireName: "StaticWebsite",
      properties: {
        enabled: { type: "boolean", wireName: "Enabled" },
        indexDocument: str("IndexDocument"),
        errorDocument404Path: str("ErrorDocument404Path"),
        defaultIndexDocumentPath: str("DefaultIndexDocumentPath"),
      },
    },
  },
} as const satisfies ObjectSchema;
