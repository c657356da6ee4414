import { describe, expect, it } from "vitest";
import { parseConnectionString } from "../../src/connectionString.js";

describe("parseConnectionString", () => {
  it("builds the blob endpoint from account name, protocol and suffix", () => {
    expect(
      parseConnectionString(
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.chinacloudapi.cn",
      ),
    ).toEqual({
      kind: "AccountConnString",
      url: "https://acct.blob.core.chinacloudapi.cn",
      accountName: "acct",
      accountKey: "a2V5",
    });
  });

  it("reads a SAS connection string and takes the account from the endpoint", () => {
    expect(
      parseConnectionString(
        "BlobEndpoint=https://acct.blob.core.windows.net/;SharedAccessSignature=?sv=1&sig=x",
      ),
    ).toEqual({
      kind: "SASConnString",
      url: "https://acct.blob.core.windows.net",
      accountName: "acct",
      accountSas: "sv=1&sig=x",
    });
  });

  it("maps UseDevelopmentStorage=true to Azurite's default endpoint and account, with an optional proxy", () => {
    expect(parseConnectionString("UseDevelopmentStorage=true").url).toBe(
      "http://127.0.0.1:10000/devstoreaccount1",
    );
    expect(
      parseConnectionString("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://proxy:8080").url,
    ).toBe("http://proxy:8080/devstoreaccount1");
  });

  it("names what is missing without echoing the key", () => {
    expect(() => parseConnectionString("AccountName=acct")).toThrow(/AccountKey or SharedAccessSignature/);
    expect(() => parseConnectionString("AccountKey=secretvalue")).toThrow(/BlobEndpoint or AccountName/);
    try {
      parseConnectionString("AccountKey=secretvalue");
    } catch (error) {
      expect(String(error)).not.toContain("secretvalue");
    }
  });
});
