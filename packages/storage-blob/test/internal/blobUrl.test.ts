import { describe, expect, it } from "vitest";
import { encodeBlobName, parseBlobUrl, withQueryParameters } from "../../src/blobUrl.js";

describe("withQueryParameters", () => {
  it("adds and replaces parameters without re-encoding the others (a SAS stays byte-identical)", () => {
    const sas = "sv=2025-11-05&rscd=attachment%3B%20filename%3Da.txt&sig=ab%2Bcd%2F%3D";
    const url = withQueryParameters(`https://a.blob.core.windows.net/c/b?${sas}`, {
      comp: "tags",
      snapshot: undefined,
    });
    expect(url).toBe(`https://a.blob.core.windows.net/c/b?${sas}&comp=tags`);
    expect(withQueryParameters(url, { comp: "metadata" })).toBe(
      `https://a.blob.core.windows.net/c/b?${sas}&comp=metadata`,
    );
    expect(withQueryParameters(url, { comp: undefined })).toBe(`https://a.blob.core.windows.net/c/b?${sas}`);
    expect(withQueryParameters("http://h/c", { a: "x y" })).toBe("http://h/c?a=x%20y");
  });
});

describe("parseBlobUrl and encodeBlobName", () => {
  it("reads account, container and decoded blob name from host-style and path-style URLs", () => {
    expect(parseBlobUrl("https://acct.blob.core.windows.net/c/dir/a%20b.txt?sig=x")).toEqual({
      accountName: "acct",
      containerName: "c",
      blobName: "dir/a b.txt",
    });
    expect(parseBlobUrl("http://127.0.0.1:10000/devstoreaccount1/c/x")).toEqual({
      accountName: "devstoreaccount1",
      containerName: "c",
      blobName: "x",
    });
  });

  it("keeps slashes and encodes everything else in a blob name", () => {
    expect(encodeBlobName("dir/h\u00e9llo w+rld?.txt")).toBe("dir/h%C3%A9llo%20w%2Brld%3F.txt");
  });
});
