import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main as catchErrors } from "../errors/catchErrors.js";
import { main as proxies } from "../http/proxies.js";
import { main as turnOnLogging } from "../logging/turnOnLogging.js";
import { main as deleteResourceGroupPoller } from "../resources/deleteResourceGroupPoller.js";
import { main as listResourceGroups, sampleGroupNames } from "../resources/listResourceGroups.js";
import { samples } from "../sampleList.js";
import { main as downloadBlob } from "../storage-blob/downloadBlob.js";
import { main as listContainersAndBlobs } from "../storage-blob/listContainersAndBlobs.js";
import { main as uploadFile } from "../storage-blob/uploadFile.js";
import { main as uploadFileSync } from "../storage-blob/uploadFileSync.js";

// Every sample runs here against the emulators test/globalSetup.ts started (the variables it set are
// the ones a user sets for real Azure), and each test checks what the sample claims to show.
const samplesRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("storage-blob samples", () => {
  it("uploadFile uploads with DefaultAzureCredential and returns the blob's URL", async () => {
    const { url, size } = await uploadFile();
    expect(url).toMatch(
      new RegExp(`^${process.env.AZURE_STORAGE_ACCOUNT_URL}/samples-upload-[a-z0-9]+/sample-blob\\.txt$`),
    );
    expect(size).toBe(140_000);
  });

  it("uploadFileSync uploads on the blocking surface and lists with a plain for...of", () => {
    const { url, size, names } = uploadFileSync();
    expect(url).toContain("/samples-sync-");
    expect(size).toBe(140_000);
    expect(names).toEqual(["sample-blob.txt"]);
  });

  it("downloadBlob gets the same 16 MiB to a file, into a Buffer and as a stream", async () => {
    expect(await downloadBlob()).toEqual({
      bytes: 16 * 1024 * 1024,
      md5Matches: { file: true, buffer: true, stream: true },
    });
  });

  it("listContainersAndBlobs pages by two, resumes from the token, and lists by directory", async () => {
    const result = await listContainersAndBlobs();
    expect(result.containers).toHaveLength(1);
    expect(result.pages).toEqual([2, 2, 1]);
    expect(result.resumedNames).toEqual(["b/1.txt", "c/d/deep.txt", "readme.txt"]);
    expect(result.topLevel).toEqual(["a/", "b/", "c/", "readme.txt"]);
    expect(result.underC).toEqual(["c/d/"]);
  });
});

describe("errors/catchErrors", () => {
  it("catches each failure as its own class with the service's status and code", async () => {
    expect(await catchErrors()).toEqual([
      {
        case: "a blob that does not exist",
        error: "ResourceNotFoundError",
        statusCode: 404,
        code: "BlobNotFound",
      },
      {
        case: "a container created twice",
        error: "ResourceExistsError",
        statusCode: 409,
        code: "ContainerAlreadyExists",
      },
      {
        case: "a token the service refuses",
        error: "ClientAuthenticationError",
        statusCode: 403,
        code: "AuthenticationFailed",
      },
      {
        case: "a credential that cannot get a token",
        error: "AuthenticationError",
        statusCode: 401,
        code: expect.any(String),
      },
      {
        case: "an invalid container name",
        error: "HttpResponseError",
        statusCode: 400,
        code: "InvalidResourceName",
      },
    ]);
  });
});

describe("logging/turnOnLogging", () => {
  it("shows only the records each setting lets through, all from real requests, secrets redacted", async () => {
    const shown = await turnOnLogging();
    const summary = (title: string) => shown[title]?.map((r) => `${r.namespace} ${r.level}`);
    expect(summary("storage-blob at info")).toEqual(["azkit:storage-blob info", "azkit:storage-blob info"]);
    expect(summary("the azkit:storage-* group at info")).toEqual([
      "azkit:storage-blob info",
      "azkit:storage-blob info",
    ]);
    expect(new Set(summary("everything at info"))).toEqual(
      new Set(["azkit:identity info", "azkit:storage-blob info"]),
    );
    expect(summary("AZURE_LOG_LEVEL=info")).toEqual(["azkit:storage-blob info", "azkit:storage-blob info"]);
    for (const title of [
      "loggingEnable on one client",
      "loggingEnable on one call",
      "a signed request at verbose",
    ]) {
      expect(summary(title)).toEqual([
        "azkit:storage-blob info",
        "azkit:storage-blob verbose",
        "azkit:storage-blob info",
        "azkit:storage-blob verbose",
      ]);
    }
    const signed = shown["a signed request at verbose"]?.find((r) => r.message.startsWith("Request headers"));
    expect(signed?.message).toContain('"authorization":"REDACTED"');
    const everything = JSON.stringify(shown);
    expect(everything).not.toMatch(/Bearer |eyJ[\w-]{10,}/); // no token, whole or in part
  });
});

describe("http/proxies", () => {
  it("goes through the proxy exactly when the environment or the option says so", async () => {
    expect(Object.values(await proxies())).toEqual([true, false, true, false]);
  });
});

describe("resources samples (hand-built ServiceClient, until the management clients land)", () => {
  it("listResourceGroups lists the groups it created, one page per nextLink", async () => {
    const { names, pageSizes } = await listResourceGroups();
    expect(names).toEqual(expect.arrayContaining(sampleGroupNames));
    for (const size of pageSizes) expect(size).toBe(1);
  });

  it("deleteResourceGroupPoller waits out both deletes, the second from a resume token", async () => {
    const { states, resumedRequests, goneAfterwards } = await deleteResourceGroupPoller();
    expect(states.at(-1)).toBe("succeeded");
    expect(resumedRequests.every((r) => r.startsWith("GET "))).toBe(true);
    expect(goneAfterwards).toEqual([true, true]);
  });
});

// The hand-built ARM samples, until the management clients replace them.
const legacy = /^resources\/(armClient|listResourceGroups|deleteResourceGroupPoller)/;

describe("the sample list", () => {
  const sampleFiles = () =>
    readdirSync(samplesRoot, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && f.includes("/") && !/^(test|node_modules)\//.test(f))
      .filter((f) => !legacy.test(f))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();

  it("runs every sample file, and only those", () => {
    expect(
      samples
        .map((s) => s.name)
        .filter((name) => !legacy.test(name))
        .sort(),
    ).toEqual(sampleFiles());
  });

  it("lets samples import packages and the one shared helper, nothing else of the harness", () => {
    for (const name of sampleFiles()) {
      const source = readFileSync(join(samplesRoot, `${name}.ts`), "utf8");
      const relativeImports = [...source.matchAll(/from "(\.[^"]+)"/g)].map((m) => m[1]);
      for (const target of relativeImports) {
        expect(`${name}: ${relative(samplesRoot, join(samplesRoot, dirname(name), target as string))}`).toBe(
          `${name}: azureOrEmulator.js`,
        );
      }
    }
  });

  it("is described in samples/README.md, one table row per sample", () => {
    const readme = readFileSync(join(samplesRoot, "README.md"), "utf8");
    for (const { name } of samples) expect(readme).toContain(`[\`${name}.ts\`](${name}.ts)`);
  });
});
