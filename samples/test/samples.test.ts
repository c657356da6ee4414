import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main as catchErrors } from "../errors/catchErrors.js";
import { main as proxies } from "../http/proxies.js";
import { main as timeoutsAndRetries } from "../http/timeoutsAndRetries.js";
import { main as provisionKeyVault } from "../keyvault/provisionKeyVault.js";
import { main as turnOnLogging } from "../logging/turnOnLogging.js";
import { main as beginAndWait } from "../resources/beginAndWait.js";
import { main as deleteResourceGroup } from "../resources/deleteResourceGroup.js";
import { main as provisionResourceGroup } from "../resources/provisionResourceGroup.js";
import { samples } from "../sampleList.js";
import { main as downloadBlob } from "../storage-blob/downloadBlob.js";
import { main as listContainersAndBlobs } from "../storage-blob/listContainersAndBlobs.js";
import { main as uploadFile } from "../storage-blob/uploadFile.js";
import { main as uploadFileSync } from "../storage-blob/uploadFileSync.js";
import { main as deployWebApp } from "../web/deployWebApp.js";

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
      {
        case: "a resource group that does not exist",
        error: "ResourceNotFoundError",
        statusCode: 404,
        code: "ResourceGroupNotFound",
      },
      {
        case: "a token Resource Manager refuses",
        error: "ClientAuthenticationError",
        statusCode: 401,
        code: "InvalidAuthenticationToken",
      },
      {
        case: "an api-version Resource Manager does not know",
        error: "HttpResponseError",
        statusCode: 400,
        code: "InvalidApiVersionParameter",
      },
    ]);
  });
});

describe("logging/turnOnLogging", () => {
  it("shows only the records each setting lets through, all from real requests, secrets redacted", async () => {
    const shown = await turnOnLogging();
    const summary = (title: string) => shown[title]?.map((r) => `${r.namespace} ${r.level}`);
    expect(summary("storage-blob at info")).toEqual(["azkit:storage-blob info", "azkit:storage-blob info"]);
    expect(summary("the azkit:mgmt-* group at info")).toEqual([
      "azkit:mgmt-resources info",
      "azkit:mgmt-resources info",
      "azkit:mgmt-keyvault info",
      "azkit:mgmt-keyvault info",
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

describe("management samples", () => {
  it("resources/provisionResourceGroup creates from JSON and from a model, lists both, checks existence", async () => {
    const { created, listed, exists } = await provisionResourceGroup();
    expect(listed).toEqual([...created].sort());
    expect(exists).toEqual([true, false]);
  });

  it("keyvault/provisionKeyVault sends one identical body three ways and names the wrong field", async () => {
    const { bodies, identical, wrongShape } = await provisionKeyVault();
    expect(bodies).toHaveLength(3);
    expect(identical).toBe(true);
    expect(JSON.parse(bodies[0] as string).properties.sku).toEqual({ family: "A", name: "standard" });
    expect(wrongShape).toMatch(
      /^parameters\.properties\.sku: expected an object .*got the string "standard"/,
    );
  });

  it("web/deployWebApp reports the plan's progress, stops and starts the app, and resumes a poller", async () => {
    const result = await deployWebApp();
    // How many states it passes through depends on how long the service takes; the last is success.
    expect(result.planStates.at(-1)).toBe("succeeded");
    expect(result.siteStates).toEqual(["Stopped", "Running"]);
    expect(result.appSettings).toEqual({ SCM_DO_BUILD_DURING_DEPLOYMENT: "true", GREETING: "hello" });
    expect(result.resumedPlan).toMatch(/-2$/);
  });

  it("resources/beginAndWait gets the same plan from all three method forms", async () => {
    expect(await beginAndWait()).toEqual({
      plans: ["plan-begin", "plan-and-wait", "plan-awaited"],
      deleted: [true],
    });
  });

  it("resources/deleteResourceGroup deletes the group and what is in it", async () => {
    const { existedBefore, existsAfter, seconds } = await deleteResourceGroup();
    expect([existedBefore, existsAfter]).toEqual([true, false]);
    expect(seconds).toBeGreaterThanOrEqual(1); // it waited out the emulator's Retry-After: 1
  });
});

describe("http/timeoutsAndRetries", () => {
  it("waits Retry-After, stops at retryTotal: 0, backs off fixed or exponentially, retries a read timeout", async () => {
    const result = await timeoutsAndRetries();
    expect(result).toMatchObject({
      noRetryStatus: 429,
      readTimeoutError: "ServiceRequestError (READ_TIMEOUT)",
    });
    const ms = result as Record<string, number>;
    expect(ms.throttledMs).toBeGreaterThanOrEqual(1000); // the Retry-After
    expect(ms.noRetryMs).toBeLessThan(1000); // no wait at all
    expect(ms.fixedMs).toBeGreaterThanOrEqual(600); // 3 x 200 ms
    expect(ms.exponentialMs).toBeGreaterThanOrEqual(700); // at least 100 + 200 + 400 ms
    expect(ms.readTimeoutMs).toBeGreaterThanOrEqual(500); // the attempt that timed out
  });
});

describe("the sample list", () => {
  const sampleFiles = () =>
    readdirSync(samplesRoot, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts") && f.includes("/") && !/^(test|node_modules)\//.test(f))
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();

  it("runs every sample file (or says why it waits), and only those", () => {
    expect(samples.map((s) => s.name).sort()).toEqual(sampleFiles());
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
