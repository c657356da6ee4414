// Proxies, as the guide's proxy section sets them: from HTTPS_PROXY / NO_PROXY in the environment,
// then per client with the `proxies` option, then `useEnvSettings: false` to ignore the environment.
// The sample starts its own local forward proxy (the `proxy` package) and shows, for each way, which
// traffic the proxy carried: HTTPS requests pass through a proxy in a CONNECT tunnel to host:port,
// and a client keeps such a tunnel open for its next requests, as it keeps any connection.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DefaultAzureCredential } from "@azkit/identity";
import { BlobServiceClient, type StoragePipelineOptions } from "@azkit/storage-blob";
import { createProxy } from "proxy";
import { storageAccountUrl, uniqueName } from "../azureOrEmulator.js";

export async function main(): Promise<Record<string, boolean>> {
  // A forward proxy on a free local port that counts the bytes it carries to each host.
  const carried = new Map<string, number>();
  const proxy = createProxy(createServer());
  proxy.on("connect", (request, socket) => {
    const host = request.url ?? "";
    socket.on("data", (chunk: Buffer) => carried.set(host, (carried.get(host) ?? 0) + chunk.length));
  });
  proxy.listen(0, "127.0.0.1");
  await once(proxy, "listening");
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const { hostname, port } = new URL(storageAccountUrl());
  const tunnelTarget = `${hostname}:${port || 443}`; // what a tunnel to storage is opened to

  await using credential = new DefaultAzureCredential();
  const containerName = uniqueName("samples-proxy-");
  const viaProxy: Record<string, boolean> = {};
  const saved = { HTTPS_PROXY: process.env.HTTPS_PROXY, NO_PROXY: process.env.NO_PROXY };
  // Each way: a new client, one request, then whether the proxy carried it.
  const check = async (way: string, options?: StoragePipelineOptions) => {
    carried.clear();
    const service = new BlobServiceClient(storageAccountUrl(), credential, options);
    await service.getContainerClient(containerName).getProperties();
    const bytes = carried.get(tunnelTarget) ?? 0;
    viaProxy[way] = bytes > 0;
    console.log(
      `  ${way}: ${bytes > 0 ? `through the proxy (${bytes} bytes to ${tunnelTarget})` : "direct"}`,
    );
  };
  try {
    await new BlobServiceClient(storageAccountUrl(), credential).getContainerClient(containerName).create();

    // 1. The environment, as a shell would set it: `export HTTPS_PROXY=http://proxy:3128`.
    process.env.HTTPS_PROXY = proxyUrl;
    await check("HTTPS_PROXY");
    // NO_PROXY lists hosts (or host:port, or .domain suffixes) that bypass the proxy.
    process.env.NO_PROXY = hostname;
    await check(`HTTPS_PROXY with NO_PROXY=${hostname}`);
    delete process.env.NO_PROXY;

    // 2. Per client (or per call): `proxies` wins over the environment, and NO_PROXY does not apply.
    delete process.env.HTTPS_PROXY;
    await check("proxies option", { proxies: proxyUrl }); // or { http: "...", https: "..." }

    // 3. Ignore the environment: HTTPS_PROXY is set, but this client does not read it.
    process.env.HTTPS_PROXY = proxyUrl;
    await check("HTTPS_PROXY with useEnvSettings: false", { useEnvSettings: false });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await new BlobServiceClient(storageAccountUrl(), credential)
      .getContainerClient(containerName)
      .deleteIfExists();
    proxy.closeAllConnections();
    proxy.close();
  }
  return viaProxy;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
