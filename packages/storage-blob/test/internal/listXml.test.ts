import { describe, expect, it } from "vitest";
import { readListBlobs, readListContainers } from "../../src/xml/listXml.js";

describe("readListBlobs", () => {
  it("decodes Encoded names, reads empty elements as unset and keeps metadata case", () => {
    const body =
      `<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="https://a.blob.core.windows.net/" ContainerName="c">` +
      `<Prefix /><MaxResults>2</MaxResults><Delimiter>/</Delimiter><Blobs>` +
      `<Blob><Name Encoded="true">bad%EF%BF%BEname</Name><Properties><Last-Modified>Tue, 24 Nov 2026 08:00:00 GMT</Last-Modified>` +
      `<Etag>0x1</Etag><Content-Length>12</Content-Length><Content-Type /><LeaseDuration /><BlobType>BlockBlob</BlobType>` +
      `<ServerEncrypted>true</ServerEncrypted></Properties><Metadata><MixedCase>v</MixedCase></Metadata>` +
      `<Tags><TagSet><Tag><Key>k</Key><Value> spaced </Value></Tag></TagSet></Tags></Blob>` +
      `<BlobPrefix><Name>dir/</Name></BlobPrefix></Blobs><NextMarker>m2</NextMarker></EnumerationResults>`;
    const page = readListBlobs(body);
    expect(page.containerName).toBe("c");
    expect(page.prefix).toBeUndefined();
    expect(page.maxPageSize).toBe(2);
    expect(page.continuationToken).toBe("m2");
    expect(page.segment.blobPrefixes).toEqual([{ name: "dir/" }]);
    const [blob] = page.segment.blobItems;
    expect(blob!.name).toBe("bad\uFFFEname");
    expect(blob!.properties.contentLength).toBe(12);
    expect(blob!.properties.contentType).toBeUndefined();
    expect(blob!.properties.leaseDuration).toBeUndefined();
    expect(blob!.properties.serverEncrypted).toBe(true);
    expect(blob!.properties.lastModified.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    expect(blob!.metadata).toEqual({ MixedCase: "v" });
    expect(blob!.tags).toEqual({ k: " spaced " });
  });

  it("reads an empty last page without a marker", () => {
    const page = readListBlobs(
      `<?xml version="1.0"?><EnumerationResults ContainerName="c"><Blobs /><NextMarker /></EnumerationResults>`,
    );
    expect(page.segment.blobItems).toEqual([]);
    expect(page.continuationToken).toBeUndefined();
  });
});

describe("readListContainers", () => {
  it("reads containers with properties and metadata", () => {
    const page = readListContainers(
      `<?xml version="1.0"?><EnumerationResults ServiceEndpoint="http://x/"><Containers><Container><Name>c1</Name>` +
        `<Properties><Last-Modified>Tue, 24 Nov 2026 08:00:00 GMT</Last-Modified><Etag>"e"</Etag><LeaseStatus>unlocked</LeaseStatus>` +
        `<PublicAccess>blob</PublicAccess></Properties><Metadata><a>1</a></Metadata></Container></Containers><NextMarker /></EnumerationResults>`,
    );
    expect(page.serviceEndpoint).toBe("http://x/");
    expect(page.containerItems).toEqual([
      {
        name: "c1",
        deleted: undefined,
        version: undefined,
        properties: expect.objectContaining({ etag: '"e"', leaseStatus: "unlocked", publicAccess: "blob" }),
        metadata: { a: "1" },
      },
    ]);
  });
});
