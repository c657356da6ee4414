// The real storage emulator, azurite-blob 3.35.0: in memory, blob service only, strict mode (no
// --loose, no --skipApiVersionCheck), on a free loopback port; one instance for the whole run. It runs
// in an empty temporary directory because --inMemoryPersistence refuses --location.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { startChild } from "./childServer.mjs";
import { freePort } from "./freePort.mjs";

const require = createRequire(import.meta.url);

export const devAccount = {
  name: "devstoreaccount1",
  key: "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
};

export async function startAzurite() {
  const main = join(dirname(require.resolve("azurite/package.json")), "dist/src/blob/main.js");
  const location = mkdtempSync(join(tmpdir(), "azkit-bench-azurite-"));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const args = [
      main,
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      String(port),
      "--inMemoryPersistence",
      "--disableTelemetry",
      "--silent",
    ];
    try {
      const { stop } = await startChild(args, { ready: /successfully listen/, cwd: location });
      const blobEndpoint = `http://127.0.0.1:${port}/${devAccount.name}`;
      return {
        info: {
          port,
          accountName: devAccount.name,
          accountKey: devAccount.key,
          blobEndpoint,
          connectionString:
            `DefaultEndpointsProtocol=http;AccountName=${devAccount.name};AccountKey=${devAccount.key};` +
            `BlobEndpoint=${blobEndpoint};`,
        },
        stop: async () => {
          await stop();
          rmSync(location, { recursive: true, force: true });
        },
      };
    } catch (e) {
      if (attempt >= 2) throw e;
    }
  }
}
