// Ad-hoc benchmark (not a test): parseXml of a 5,000-blob List Blobs page (the shape Azurite 3.35
// returns) against fast-xml-parser's parse alone with the options parseXml used before readXmlTree.
// Run after a build: cd packages/core-http && node --expose-gc test/bench/parseXmlListPage.mjs
import { createRequire } from "node:module";
import { parseXml } from "../../dist/esm/index.js";

const blob = (i) =>
  `<Blob><Name>dir${i % 10}/blob-${String(i).padStart(6, "0")}</Name><Properties>` +
  "<Creation-Time>Thu, 03 Dec 2026 14:09:00 GMT</Creation-Time><Last-Modified>Thu, 03 Dec 2026 14:09:00 GMT</Last-Modified>" +
  `<Etag>0x23990EA645BC${String(i).padStart(3, "0")}</Etag><Content-Length>0</Content-Length>` +
  "<Content-Type>application/octet-stream</Content-Type><Content-MD5>1B2M2Y8AsgTpgAmY7PhCfg==</Content-MD5>" +
  "<BlobType>BlockBlob</BlobType><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState>" +
  "<ServerEncrypted>true</ServerEncrypted><AccessTier>Hot</AccessTier><AccessTierInferred>true</AccessTierInferred>" +
  "<AccessTierChangeTime>Thu, 03 Dec 2026 14:09:00 GMT</AccessTierChangeTime></Properties></Blob>";
const page =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><EnumerationResults ServiceEndpoint="http://127.0.0.1:10000/devstoreaccount1" ContainerName="bench"><Prefix/><Marker/><MaxResults>5000</MaxResults><Blobs>' +
  Array.from({ length: 5000 }, (_, i) => blob(i)).join("") +
  "</Blobs><NextMarker/></EnumerationResults>";

const str = (wireName) => ({ type: "string", wireName });
const schema = {
  type: "object",
  xml: { name: "EnumerationResults" },
  properties: {
    serviceEndpoint: { type: "string", xml: { attribute: true, name: "ServiceEndpoint" } },
    maxResults: str("MaxResults"),
    blobs: {
      type: "object",
      wireName: "Blobs",
      properties: {
        blob: {
          type: "array",
          wireName: "Blob",
          items: {
            type: "object",
            properties: {
              name: str("Name"),
              properties: {
                type: "object",
                wireName: "Properties",
                additionalProperties: { type: "string" },
                properties: { etag: str("Etag"), contentLength: str("Content-Length") },
              },
            },
          },
        },
      },
    },
    nextMarker: str("NextMarker"),
  },
};

const { XMLParser } = createRequire(import.meta.url)("fast-xml-parser");
const fxp = new XMLParser({
  ignoreAttributes: false,
  attributesGroupName: "$",
  attributeNamePrefix: "",
  textNodeName: "#text",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  htmlEntities: false,
});

function cpuMs(fn, rounds) {
  for (let i = 0; i < 3; i++) fn();
  globalThis.gc?.();
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / rounds;
}

if (parseXml(schema, page).blobs.blob.length !== 5000)
  throw new Error("parseXml read the wrong number of blobs");
for (let round = 1; round <= 3; round++) {
  const old = cpuMs(() => fxp.parse(page), 10);
  const now = cpuMs(() => parseXml(schema, page), 10);
  console.log(
    `round ${round}: fast-xml-parser parse only ${old.toFixed(1)} ms, parseXml (readXmlTree + toWire + deserialize) ${now.toFixed(1)} ms CPU per 5,000-blob page: ${(now / old).toFixed(2)}x`,
  );
}
