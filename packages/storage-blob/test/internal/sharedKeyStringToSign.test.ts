import { request } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { sharedKeyStringToSign } from "../../src/credentials/sharedKeyStringToSign.js";
import { StorageSharedKeyCredential } from "../../src/credentials/storageSharedKeyCredential.js";

/** Sends one signed request straight through node:http, so only the signing is under test. */
async function signedRequest(
  method: string,
  url: string,
  headers: Record<string, string>,
  body = "",
): Promise<{ status: number; body: string }> {
  const { accountName, accountKey } = inject("azurite");
  const credential = new StorageSharedKeyCredential(accountName, accountKey);
  const all: Record<string, string> = {
    "x-ms-version": "2025-11-05",
    "x-ms-date": new Date().toUTCString(),
    "content-length": String(Buffer.byteLength(body)),
    ...headers,
  };
  const stringToSign = sharedKeyStringToSign(accountName, {
    method,
    url,
    headers: Object.entries(all),
  });
  all.authorization = `SharedKey ${accountName}:${credential.computeHMACSHA256(stringToSign)}`;
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: all }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("sharedKeyStringToSign", () => {
  it("puts the verb, the eleven standard headers, x-ms-* headers sorted and the resource in order", () => {
    const headers: Record<string, string> = {
      "Content-Type": "text/plain",
      "x-ms-version": "2025-11-05",
      "X-MS-Meta-Zeta": "  z   value ",
      "x-ms-date": "Tue, 24 Nov 2026 08:00:00 GMT",
      "Content-Length": "0",
      Range: "bytes=0-9",
    };
    const s = sharedKeyStringToSign("acct", {
      method: "put",
      url: "https://acct.blob.core.windows.net/c/a%20b?restype=container&COMP=metadata&b=2&b=1",
      headers: Object.entries(headers),
    });
    expect(s).toBe(
      [
        "PUT",
        "",
        "",
        "",
        "",
        "text/plain",
        "",
        "",
        "",
        "",
        "",
        "bytes=0-9",
        "x-ms-date:Tue, 24 Nov 2026 08:00:00 GMT",
        "x-ms-meta-zeta:z value",
        "x-ms-version:2025-11-05",
        "/acct/c/a%20b",
        "b:1,2",
        "comp:metadata",
        "restype:container",
      ].join("\n"),
    );
  });

  it("sorts many x-ms-* headers given in any order and case, the last of a repeated name winning", () => {
    const s = sharedKeyStringToSign("acct", {
      method: "GET",
      url: "https://acct.blob.core.windows.net/c/b",
      headers: [
        ["x-ms-version", "2025-11-05"],
        ["X-Ms-Meta-b_", "underscore"],
        ["IF-MATCH", '"etag"'],
        ["x-ms-meta-b", "first"],
        ["x-ms-meta-a", "a"],
        ["x-ms-date", "Tue, 24 Nov 2026 08:00:00 GMT"],
        ["X-MS-META-B", "second"],
        ["x-ms-meta-b-c", "dash"],
        ["Content-Length", "12"],
      ],
    });
    expect(s).toBe(
      [
        "GET",
        "",
        "",
        "12",
        "",
        "",
        "",
        "",
        '"etag"',
        "",
        "",
        "",
        "x-ms-date:Tue, 24 Nov 2026 08:00:00 GMT",
        "x-ms-meta-a:a",
        "x-ms-meta-b:second",
        "x-ms-meta-b-c:dash",
        "x-ms-meta-b_:underscore",
        "x-ms-version:2025-11-05",
        "/acct/c/b",
      ].join("\n"),
    );
  });

  it("is accepted by Azurite for metadata with mixed-case names and a blob name needing encoding", async () => {
    const { blobUrl } = inject("azurite");
    const container = `sk${Date.now()}`;
    const created = await signedRequest("PUT", `${blobUrl}/${container}?restype=container`, {});
    expect(created.status).toBe(201);
    const blobUrlWithName = `${blobUrl}/${container}/dir/h%C3%A9llo%20w%2Brld.txt`;
    const put = await signedRequest(
      "PUT",
      blobUrlWithName,
      {
        "x-ms-blob-type": "BlockBlob",
        "Content-Type": "text/plain",
        "x-ms-meta-MixedCase": "One",
        "x-ms-meta-lowercase": "two",
        "X-MS-META-UPPER": "three",
      },
      "hello",
    );
    expect(put.status, put.body).toBe(201);
    const meta = await signedRequest("GET", `${blobUrlWithName}?comp=metadata`, {});
    expect(meta.status).toBe(200);
  });

  it("is rejected by Azurite when one signed header changes after signing", async () => {
    const { blobUrl } = inject("azurite");
    const { accountName, accountKey } = inject("azurite");
    const credential = new StorageSharedKeyCredential(accountName, accountKey);
    const headers: Record<string, string> = {
      "x-ms-version": "2025-11-05",
      "x-ms-date": new Date().toUTCString(),
    };
    const url = `${blobUrl}?comp=list`;
    const s = sharedKeyStringToSign(accountName, {
      method: "GET",
      url,
      headers: Object.entries(headers),
    });
    headers.authorization = `SharedKey ${accountName}:${credential.computeHMACSHA256(s)}`;
    headers["x-ms-client-request-id"] = "added-after-signing";
    const status = await new Promise<number>((resolve, reject) => {
      request(url, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on("error", reject)
        .end();
    });
    expect(status).toBe(403);
  });
});
