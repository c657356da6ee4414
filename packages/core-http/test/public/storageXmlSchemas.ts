// Storage Blob shapes described with the serde vocabulary, as the storage client will describe them.
import { s } from "../../src/index.js";

const rfc1123 = s.dateTime({ format: "rfc1123" });

export const BlobNameSchema = s.object(
  {
    encoded: s.wire("Encoded", s.boolean({ xml: { attribute: true } })),
    content: s.string({ xml: { text: true } }),
  },
  { name: "BlobName" },
);

export const BlobPropertiesSchema = s.object(
  {
    createdOn: s.wire("Creation-Time", rfc1123),
    lastModified: s.required(s.wire("Last-Modified", rfc1123)),
    etag: s.required(s.wire("Etag", s.string())),
    contentLength: s.wire("Content-Length", s.integer({ minimum: 0 })),
    contentType: s.wire("Content-Type", s.string()),
    contentMD5: s.wire("Content-MD5", s.bytes()),
    blobType: s.wire("BlobType", s.enum(["BlockBlob", "PageBlob", "AppendBlob"])),
    leaseStatus: s.wire("LeaseStatus", s.enum(["locked", "unlocked"], { extensible: true })),
    serverEncrypted: s.wire("ServerEncrypted", s.boolean()),
    accessTier: s.wire("AccessTier", s.enum(["Hot", "Cool", "Cold", "Archive"], { extensible: true })),
  },
  { name: "BlobProperties" },
);

export const BlobItemSchema = s.object(
  {
    name: s.required(s.wire("Name", BlobNameSchema)),
    deleted: s.required(s.wire("Deleted", s.boolean())),
    snapshot: s.required(s.wire("Snapshot", s.string())),
    versionId: s.wire("VersionId", s.string()),
    properties: s.required(s.wire("Properties", BlobPropertiesSchema)),
    metadata: s.wire("Metadata", s.dictionary(s.string())),
  },
  { name: "BlobItem", xml: { name: "Blob" } },
);

export const ListBlobsFlatSegmentResponseSchema = s.object(
  {
    serviceEndpoint: s.required(s.wire("ServiceEndpoint", s.string({ xml: { attribute: true } }))),
    containerName: s.required(s.wire("ContainerName", s.string({ xml: { attribute: true } }))),
    prefix: s.wire("Prefix", s.string()),
    marker: s.wire("Marker", s.string()),
    maxPageSize: s.wire("MaxResults", s.integer()),
    segment: s.required(
      s.wire(
        "Blobs",
        s.object(
          { blobItems: s.required(s.wire("Blob", s.array(BlobItemSchema))) },
          { name: "BlobFlatListSegment" },
        ),
      ),
    ),
    continuationToken: s.wire("NextMarker", s.string()),
  },
  { name: "ListBlobsFlatSegmentResponse", xml: { name: "EnumerationResults" } },
);

export const ContainerItemSchema = s.object(
  {
    name: s.required(s.wire("Name", s.string())),
    properties: s.required(
      s.wire(
        "Properties",
        s.object({
          lastModified: s.required(s.wire("Last-Modified", rfc1123)),
          etag: s.required(s.wire("Etag", s.string())),
          publicAccess: s.wire("PublicAccess", s.enum(["container", "blob"], { extensible: true })),
          hasImmutabilityPolicy: s.wire("HasImmutabilityPolicy", s.boolean()),
        }),
      ),
    ),
    metadata: s.wire("Metadata", s.dictionary(s.string())),
  },
  { name: "ContainerItem", xml: { name: "Container" } },
);

export const ListContainersSegmentResponseSchema = s.object(
  {
    serviceEndpoint: s.required(s.wire("ServiceEndpoint", s.string({ xml: { attribute: true } }))),
    prefix: s.wire("Prefix", s.string()),
    maxPageSize: s.wire("MaxResults", s.integer()),
    containerItems: s.required(
      s.wire("Containers", s.array(ContainerItemSchema, { xml: { wrapped: true } })),
    ),
    continuationToken: s.wire("NextMarker", s.string()),
  },
  { name: "ListContainersSegmentResponse", xml: { name: "EnumerationResults" } },
);

const BlockSchema = s.object(
  { name: s.required(s.wire("Name", s.string())), size: s.required(s.wire("Size", s.integer())) },
  { name: "Block", xml: { name: "Block" } },
);

export const BlockListSchema = s.object(
  {
    committedBlocks: s.wire("CommittedBlocks", s.array(BlockSchema, { xml: { wrapped: true } })),
    uncommittedBlocks: s.wire("UncommittedBlocks", s.array(BlockSchema, { xml: { wrapped: true } })),
  },
  { name: "BlockList", xml: { name: "BlockList" } },
);

export const BlockLookupListSchema = s.object(
  {
    committed: s.wire("Committed", s.array(s.string())),
    uncommitted: s.wire("Uncommitted", s.array(s.string())),
    latest: s.wire("Latest", s.array(s.string())),
  },
  { name: "BlockLookupList", xml: { name: "BlockList" } },
);

export const SignedIdentifiersSchema = s.array(
  s.object(
    {
      id: s.required(s.wire("Id", s.string())),
      accessPolicy: s.wire(
        "AccessPolicy",
        s.object({
          startsOn: s.wire("Start", s.dateTime()),
          expiresOn: s.wire("Expiry", s.dateTime()),
          permissions: s.wire("Permission", s.string()),
        }),
      ),
    },
    { xml: { name: "SignedIdentifier" } },
  ),
  { xml: { name: "SignedIdentifiers", wrapped: true } },
);
