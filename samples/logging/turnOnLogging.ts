// Logging, as the guide's logging section turns it on: for one library, for a group of libraries,
// for everything (from code, or with AZURE_LOG_LEVEL before the program starts); `loggingEnable` for
// one client or one call; and what a verbose log of a signed request looks like: the token and other
// secrets are redacted. Every record below is what the libraries logged during real requests; a sink
// (setLogSink) collects them here instead of writing them to stderr.
import { type LogRecord, resetLogSettings, setLogLevel, setLogSink } from "@azkit/core-logging";
import { DefaultAzureCredential } from "@azkit/identity";
import { KeyVaultManagementClient } from "@azkit/mgmt-keyvault";
import { ResourceManagementClient } from "@azkit/mgmt-resources";
import { BlobServiceClient } from "@azkit/storage-blob";
import { armEndpoint, storageAccountUrl, subscriptionId, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<Record<string, LogRecord[]>> {
  const shown: Record<string, LogRecord[]> = {};
  let records: LogRecord[] = [];
  // Your sink: forward records to pino, winston or OpenTelemetry the same way.
  const collect = () => setLogSink((record) => records.push(record));
  collect();
  const step = async (title: string, work: () => Promise<unknown>) => {
    records = [];
    await work();
    shown[title] = records;
    console.log(`  ${title}: ${records.length} record(s)`);
    for (const r of records) {
      const line = `[${r.level}] ${r.namespace}: ${r.message}`;
      console.log(`    ${line.length > 300 ? `${line.slice(0, 300)}...` : line}`);
    }
  };

  await using credential = new DefaultAzureCredential();
  const service = new BlobServiceClient(storageAccountUrl(), credential);
  const container = service.getContainerClient(uniqueName("samples-logging-"));
  const resources = new ResourceManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  const keyVault = new KeyVaultManagementClient(credential, subscriptionId(), { endpoint: armEndpoint() });
  try {
    // One library: storage-blob at info (each request out and each response back).
    setLogLevel("info", "storage-blob");
    await step("storage-blob at info", () => container.create());

    // A group: a glob over namespaces. azkit:mgmt-* is every management library; storage-blob is
    // off again, so only the two management clients' requests are logged.
    setLogLevel(undefined, "storage-blob");
    setLogLevel("info", "azkit:mgmt-*");
    await step("the azkit:mgmt-* group at info", async () => {
      await resources.resourceGroups.checkExistence("azkit-sample-never-created");
      await keyVault.vaults.checkNameAvailability({
        name: uniqueName("azkitkv"),
        type: "Microsoft.KeyVault/vaults",
      });
      await container.getProperties(); // storage-blob: not logged
    });

    // Everything, from code (a level without a pattern applies to every library no rule names).
    resetLogSettings(); // forgets levels, rules and the sink
    collect();
    setLogLevel("info");
    await step("everything at info", async () => {
      await using fresh = new DefaultAzureCredential(); // its token request is logged too, by identity
      const client = new BlobServiceClient(storageAccountUrl(), fresh);
      await client.getContainerClient(container.containerName).getProperties();
    });

    // Everything, from the environment: `AZURE_LOG_LEVEL=info node app.js`. Read when the first
    // logger needs it, or again on resetLogSettings(), which this sample calls to pretend a fresh start.
    resetLogSettings();
    const before = process.env.AZURE_LOG_LEVEL;
    process.env.AZURE_LOG_LEVEL = "info";
    resetLogSettings();
    collect();
    await step("AZURE_LOG_LEVEL=info", () => container.getBlockBlobClient("b.txt").upload("hello", 5));
    if (before === undefined) delete process.env.AZURE_LOG_LEVEL;
    else process.env.AZURE_LOG_LEVEL = before;
    resetLogSettings();
    collect();

    // Logging off (the default); loggingEnable turns it on, in full, for one client...
    const loggedClient = new BlobServiceClient(storageAccountUrl(), credential, { loggingEnable: true });
    await step("loggingEnable on one client", () =>
      loggedClient.getContainerClient(container.containerName).getProperties(),
    );
    // ...or for one call.
    await step("loggingEnable on one call", () => container.getProperties({ loggingEnable: true }));

    // A verbose log of a signed request: the headers are logged by allow-list, so Authorization (the
    // bearer token), cookies and SAS signatures show as REDACTED, never their values.
    setLogLevel("verbose", "storage-blob");
    await step("a signed request at verbose", () =>
      container
        .getBlockBlobClient("b.txt")
        .download()
        .then((r) => r.readableStreamBody?.resume()),
    );
  } finally {
    resetLogSettings();
    setLogSink(undefined);
    await container.deleteIfExists();
  }
  return shown;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
