import { isClientAuthenticationError } from "@azkit/core-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccountSASPermissions,
  BlobClient,
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  ContainerClient as ContainerClientClass,
  ContainerSASPermissions,
  generateAccountSASQueryParameters,
  generateBlobSASQueryParameters,
  SASProtocol,
  StorageSharedKeyCredential,
} from "../../src/index.js";
import { azurite, newContainer } from "../helpers/azurite.js";

let container: ContainerClient;
let credential: StorageSharedKeyCredential;
beforeAll(async () => {
  container = await newContainer("sas");
  await container.getBlockBlobClient("secret.txt").upload("top secret", 10);
  credential = new StorageSharedKeyCredential(azurite().accountName, azurite().accountKey);
});
afterAll(async () => {
  await container.deleteIfExists();
});

const inOneHour = () => new Date(Date.now() + 3600_000);

describe("blob SAS", () => {
  it("grants reading one blob and nothing more", async () => {
    const url = await container.getBlobClient("secret.txt").generateSasUrl({
      permissions: BlobSASPermissions.parse("r"),
      expiresOn: inOneHour(),
      protocol: SASProtocol.HttpsAndHttp,
    });
    const reader = new BlobClient(url);
    expect((await reader.downloadToBuffer()).toString()).toBe("top secret");
    const denied = await reader
      .getBlockBlobClient()
      .upload("x", 1)
      .catch((e: unknown) => e);
    expect(isClientAuthenticationError(denied)).toBe(true);
    expect((denied as { statusCode: number }).statusCode).toBe(403);
  });

  it("stops working once expired", async () => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container.containerName,
        blobName: "secret.txt",
        permissions: BlobSASPermissions.parse("r"),
        startsOn: new Date(Date.now() - 7200_000),
        expiresOn: new Date(Date.now() - 3600_000),
      },
      credential,
    );
    const reader = new BlobClient(`${container.getBlobClient("secret.txt").url}?${sas}`);
    const error = await reader.getProperties().catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(403);
  });

  it("is rejected when the signature does not match the signed fields", async () => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName: container.containerName,
        blobName: "secret.txt",
        permissions: "r",
        expiresOn: inOneHour(),
      },
      credential,
    ).toString();
    // Widening the permissions after signing must fail.
    const tampered = sas.replace("sp=r", "sp=rw");
    const error = await new BlobClient(`${container.getBlobClient("secret.txt").url}?${tampered}`)
      .getProperties()
      .catch((e: unknown) => e);
    expect((error as { statusCode: number }).statusCode).toBe(403);
  });

  it("serves response header overrides signed into the SAS", async () => {
    const url = await container.getBlobClient("secret.txt").generateSasUrl({
      permissions: BlobSASPermissions.parse("r"),
      expiresOn: inOneHour(),
      contentDisposition: "attachment; filename=s.txt",
      contentType: "application/x-secret",
    });
    const props = await new BlobClient(url).getProperties();
    expect(props.contentDisposition).toBe("attachment; filename=s.txt");
    expect(props.contentType).toBe("application/x-secret");
  });
});

describe("container SAS", () => {
  it("lists and writes blobs of one container", async () => {
    const url = await container.generateSasUrl({
      permissions: ContainerSASPermissions.parse("rwl"),
      expiresOn: inOneHour(),
    });
    const viaSas = new ContainerClientClass(url);
    await viaSas.getBlockBlobClient("written-with-sas").upload("w", 1);
    const names: string[] = [];
    for await (const b of viaSas.listBlobsFlat()) names.push(b.name);
    expect(names).toContain("written-with-sas");
    expect(names).toContain("secret.txt");
  });

  it("refers to a stored access policy by identifier", async () => {
    await container.setAccessPolicy(undefined, [
      {
        id: "readers",
        accessPolicy: { permissions: "r", expiresOn: inOneHour(), startsOn: new Date(Date.now() - 60_000) },
      },
    ]);
    const policies = await container.getAccessPolicy();
    expect(policies.signedIdentifiers.map((s) => s.id)).toEqual(["readers"]);
    expect(policies.signedIdentifiers[0]!.accessPolicy.permissions).toBe("r");
    const sas = generateBlobSASQueryParameters(
      { containerName: container.containerName, blobName: "secret.txt", identifier: "readers" },
      credential,
    );
    const reader = new BlobClient(`${container.getBlobClient("secret.txt").url}?${sas}`);
    expect((await reader.downloadToBuffer()).toString()).toBe("top secret");
  });
});

describe("account SAS", () => {
  it("lists containers with an account SAS and is refused writes it does not grant", async () => {
    const service = BlobServiceClient.fromConnectionString(azurite().connectionString);
    const url = service.generateAccountSasUrl(inOneHour(), AccountSASPermissions.parse("rl"), "sco");
    const viaSas = new BlobServiceClient(url);
    const names: string[] = [];
    for await (const c of viaSas.listContainers({ prefix: container.containerName })) names.push(c.name);
    expect(names).toEqual([container.containerName]);
    const denied = await viaSas
      .getContainerClient("nope")
      .create()
      .catch((e: unknown) => e);
    expect((denied as { statusCode: number }).statusCode).toBe(403);
  });

  it("signs fields in the order of the account SAS string-to-sign", () => {
    {
      const sas = generateAccountSASQueryParameters(
        {
          expiresOn: new Date("2030-01-01T00:00:00Z"),
          permissions: AccountSASPermissions.from({ read: true, list: true, write: true }),
          services: "b",
          resourceTypes: "sco",
          version: "2025-11-05",
        },
        new StorageSharedKeyCredential("acct", Buffer.from("key").toString("base64")),
      );
      const expected = credentialSign(
        "acct",
        "key",
        "acct\nrwl\nb\nsco\n\n2030-01-01T00:00:00Z\n\n\n2025-11-05\n\n",
      );
      expect(sas.signature).toBe(expected);
      expect(sas.toString()).toBe(
        `sv=2025-11-05&ss=b&srt=sco&se=2030-01-01T00%3A00%3A00Z&sp=rwl&sig=${encodeURIComponent(expected)}`,
      );
    }
  });
});

function credentialSign(account: string, key: string, stringToSign: string): string {
  return new StorageSharedKeyCredential(account, Buffer.from(key).toString("base64")).computeHMACSHA256(
    stringToSign,
  );
}
