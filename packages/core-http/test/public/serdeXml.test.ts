import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DeserializationError,
  parseXml,
  SerializationError,
  storageErrorBodySchema,
  stringifyXml,
} from "../../src/index.js";
import {
  BlockListSchema,
  BlockLookupListSchema,
  ListBlobsFlatSegmentResponseSchema,
  ListContainersSegmentResponseSchema,
  SignedIdentifiersSchema,
} from "./storageXmlSchemas.js";
import { valueArbitrary, xmlSchemaArbitrary } from "./randomSchemas.js";

const listBlobsXml = `<?xml version="1.0" encoding="utf-8"?>
<EnumerationResults ServiceEndpoint="https://account.blob.core.windows.net/" ContainerName="photos">
  <Prefix>2025/</Prefix>
  <MaxResults>2</MaxResults>
  <Blobs>
    <Blob>
      <Name> holiday &amp; beach.jpg </Name>
      <Deleted>false</Deleted>
      <Snapshot />
      <Properties>
        <Creation-Time>Wed, 01 Jan 2025 10:00:00 GMT</Creation-Time>
        <Last-Modified>Thu, 02 Jan 2025 11:30:00 GMT</Last-Modified>
        <Etag>0x8DC0123456789AB</Etag>
        <Content-Length>0123</Content-Length>
        <Content-Type>image/jpeg</Content-Type>
        <Content-MD5>1B2M2Y8AsgTpgAmY7PhCfg==</Content-MD5>
        <BlobType>BlockBlob</BlobType>
        <LeaseStatus>unlocked</LeaseStatus>
        <ServerEncrypted>true</ServerEncrypted>
        <AccessTier>Hot</AccessTier>
        <SomethingNew>kept out</SomethingNew>
      </Properties>
      <Metadata><camera>X100</camera><note> two  spaces </note><empty /></Metadata>
    </Blob>
    <Blob>
      <Name Encoded="true">a%00b</Name>
      <Deleted>true</Deleted>
      <Snapshot>2025-01-03T00:00:00.0000000Z</Snapshot>
      <Properties>
        <Last-Modified>Fri, 03 Jan 2025 00:00:00 GMT</Last-Modified>
        <Etag>0x1</Etag>
        <BlobType>AppendBlob</BlobType>
      </Properties>
      <Metadata />
    </Blob>
  </Blobs>
  <NextMarker>2!84!MDAwMDE1</NextMarker>
</EnumerationResults>`;

describe("parseXml", () => {
  it("reads a ListBlobsFlatSegment response: attributes, unwrapped Blob items, properties, metadata", () => {
    const page = parseXml(ListBlobsFlatSegmentResponseSchema, listBlobsXml);
    expect(page.serviceEndpoint).toBe("https://account.blob.core.windows.net/");
    expect(page.containerName).toBe("photos");
    expect(page.prefix).toBe("2025/");
    expect(page.maxPageSize).toBe(2);
    expect(page.continuationToken).toBe("2!84!MDAwMDE1");
    const [first, second] = page.segment.blobItems;
    expect(first).toEqual({
      name: { content: " holiday & beach.jpg " },
      deleted: false,
      snapshot: "",
      properties: {
        createdOn: new Date("2025-01-01T10:00:00Z"),
        lastModified: new Date("2025-01-02T11:30:00Z"),
        etag: "0x8DC0123456789AB",
        contentLength: 123,
        contentType: "image/jpeg",
        contentMD5: new Uint8Array(Buffer.from("1B2M2Y8AsgTpgAmY7PhCfg==", "base64")),
        blobType: "BlockBlob",
        leaseStatus: "unlocked",
        serverEncrypted: true,
        accessTier: "Hot",
      },
      metadata: { camera: "X100", note: " two  spaces ", empty: "" },
    });
    expect(second?.name).toEqual({ encoded: true, content: "a%00b" });
    expect(second?.metadata).toEqual({});
    expect(second?.properties.blobType).toBe("AppendBlob");
  });

  it("reads an empty list as an empty array", () => {
    const page = parseXml(
      ListBlobsFlatSegmentResponseSchema,
      '<EnumerationResults ServiceEndpoint="e" ContainerName="c"><Blobs /><NextMarker /></EnumerationResults>',
    );
    expect(page.segment.blobItems).toEqual([]);
    expect(page.continuationToken).toBe("");
  });

  it("reads wrapped Containers lists", () => {
    const xml = `<EnumerationResults ServiceEndpoint="https://a/"><MaxResults>5</MaxResults><Containers>
      <Container><Name>one</Name><Properties><Last-Modified>Thu, 02 Jan 2025 11:30:00 GMT</Last-Modified><Etag>"e1"</Etag><HasImmutabilityPolicy>false</HasImmutabilityPolicy></Properties><Metadata><k>v</k></Metadata></Container>
    </Containers><NextMarker/></EnumerationResults>`;
    const page = parseXml(ListContainersSegmentResponseSchema, xml);
    expect(page.containerItems).toEqual([
      {
        name: "one",
        properties: {
          lastModified: new Date("2025-01-02T11:30:00Z"),
          etag: '"e1"',
          hasImmutabilityPolicy: false,
        },
        metadata: { k: "v" },
      },
    ]);
  });

  it("reads a BlockList with committed and empty uncommitted blocks", () => {
    const xml =
      "<BlockList><CommittedBlocks><Block><Name>QUFBQQ==</Name><Size>4</Size></Block><Block><Name>QUFBQg==</Name><Size>1048576</Size></Block></CommittedBlocks><UncommittedBlocks /></BlockList>";
    expect(parseXml(BlockListSchema, xml)).toEqual({
      committedBlocks: [
        { name: "QUFBQQ==", size: 4 },
        { name: "QUFBQg==", size: 1048576 },
      ],
      uncommittedBlocks: [],
    });
  });

  it("reads a storage Error body, keeping extra elements", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.
RequestId:abc</Message><AuthenticationErrorDetail>Signature did not match.</AuthenticationErrorDetail></Error>`;
    expect(parseXml(storageErrorBodySchema, xml)).toEqual({
      code: "AuthenticationFailed",
      message: "Server failed to authenticate the request.\nRequestId:abc",
      AuthenticationErrorDetail: "Signature did not match.",
    });
  });

  it("reports a value that does not fit with its element path", () => {
    const broken = listBlobsXml.replace(
      "<Content-Length>0123</Content-Length>",
      "<Content-Length>many</Content-Length>",
    );
    let caught: unknown;
    try {
      parseXml(ListBlobsFlatSegmentResponseSchema, broken);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeserializationError);
    expect((caught as DeserializationError).path).toBe(
      'EnumerationResults.Blobs.Blob[0].Properties["Content-Length"]',
    );
    expect((caught as DeserializationError).actual).toBe('the string "many"');
  });

  it("rejects a document whose root element is not the schema's", () => {
    expect(() => parseXml(ListBlobsFlatSegmentResponseSchema, "<Error><Code>x</Code></Error>")).toThrowError(
      /expected an XML document with the root element <EnumerationResults>, got the root element <Error>/,
    );
    expect(() => parseXml(ListBlobsFlatSegmentResponseSchema, "not xml at all")).toThrowError(
      DeserializationError,
    );
  });

  it("rejects a truncated or mismatched document, saying where", () => {
    const truncated = listBlobsXml.slice(0, listBlobsXml.indexOf("<NextMarker>"));
    expect(() => parseXml(ListBlobsFlatSegmentResponseSchema, truncated)).toThrowError(
      /expected a well-formed XML document, got the document ends inside <EnumerationResults>/,
    );
    expect(() => parseXml(ListBlobsFlatSegmentResponseSchema, "<EnumerationResults></Blobs>")).toThrowError(
      DeserializationError,
    );
  });
});

describe("stringifyXml", () => {
  it("writes a block list request body with repeated elements", () => {
    expect(
      stringifyXml(BlockLookupListSchema, { latest: ["QUFBQQ==", "QUFBQg=="], committed: ["QUFBQw=="] }),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><BlockList><Committed>QUFBQw==</Committed>' +
        "<Latest>QUFBQQ==</Latest><Latest>QUFBQg==</Latest></BlockList>",
    );
  });

  it("escapes text and attributes", () => {
    const xml = stringifyXml(
      ListContainersSegmentResponseSchema,
      {
        serviceEndpoint: 'https://a/?x="1"&y',
        containerItems: [{ name: "<a&b>", properties: { lastModified: new Date(0), etag: "e" } }],
      },
      { omitDeclaration: true },
    );
    expect(xml).toBe(
      '<EnumerationResults ServiceEndpoint="https://a/?x=&quot;1&quot;&amp;y"><Containers><Container><Name>&lt;a&amp;b&gt;</Name>' +
        "<Properties><Last-Modified>Thu, 01 Jan 1970 00:00:00 GMT</Last-Modified><Etag>e</Etag></Properties></Container></Containers></EnumerationResults>",
    );
  });

  it("round-trips a list blobs page through XML", () => {
    const page = parseXml(ListBlobsFlatSegmentResponseSchema, listBlobsXml);
    expect(
      parseXml(ListBlobsFlatSegmentResponseSchema, stringifyXml(ListBlobsFlatSegmentResponseSchema, page)),
    ).toEqual(page);
  });

  it("writes and reads a root-level wrapped array (signed identifiers)", () => {
    const identifiers = [
      { id: "policy1", accessPolicy: { startsOn: new Date("2025-01-01T00:00:00Z"), permissions: "rw" } },
      { id: "policy2" },
    ];
    const xml = stringifyXml(SignedIdentifiersSchema, identifiers, { omitDeclaration: true });
    expect(xml).toBe(
      "<SignedIdentifiers><SignedIdentifier><Id>policy1</Id><AccessPolicy><Start>2025-01-01T00:00:00.000Z</Start>" +
        "<Permission>rw</Permission></AccessPolicy></SignedIdentifier><SignedIdentifier><Id>policy2</Id></SignedIdentifier></SignedIdentifiers>",
    );
    expect(parseXml(SignedIdentifiersSchema, xml)).toEqual(identifiers);
  });

  it("validates like serialize, with the root element as the path", () => {
    expect(() => stringifyXml(BlockLookupListSchema, { latest: "QUFBQQ==" } as never)).toThrowError(
      SerializationError,
    );
    expect(() => stringifyXml(BlockLookupListSchema, { latest: "QUFBQQ==" } as never)).toThrowError(
      /^BlockList\.latest: expected an array of string/,
    );
  });
});

describe("XML on random schemas", () => {
  it("parseXml(stringifyXml(x)) equals x", () => {
    const schemaAndValue = xmlSchemaArbitrary.chain((schema) =>
      valueArbitrary(schema).map((value) => ({ schema, value })),
    );
    fc.assert(
      fc.property(schemaAndValue, ({ schema, value }) => {
        expect(parseXml(schema, stringifyXml(schema, value as never))).toEqual(value);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
