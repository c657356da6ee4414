// One call per public package, made by an ESM and a CJS script in a project that installed the
// package from the registry with npm. Each `body` is the inside of an async function that receives
// the loaded package as `pkg` (and, when `with` names another package, that one as `other`) and the
// test's endpoints as `env`; what it returns is printed as JSON and compared with `expected`.
// A package under packages/ without an entry here fails the install test: add its call.
// Management packages are listed before they land; their entries run once packages/<folder> exists.

/** What every management client call shares: a token from the ARM emulator, the emulator as endpoint. */
const armClient = (className) => `
  const credential = new other.ClientSecretCredential(env.ARM_TENANT_ID, env.ARM_CLIENT_ID, env.ARM_CLIENT_SECRET, {
    authorityHost: env.ARM_AUTHORITY_HOST,
  });
  const client = new pkg.${className}(credential, env.ARM_SUBSCRIPTION_ID, { endpoint: env.ARM_URL });`;

const collectNames = (listCall) => `
  const names = [];
  for await (const item of ${listCall}) names.push(item.name);
  await credential.close();
  return Array.isArray(names);`;

/** @type {Record<string, { needs: ("azurite" | "arm" | "registry")[], with?: string, body: string, expected: unknown }>} */
export const smokeCalls = {
  "@azkit/core-logging": {
    needs: [],
    body: `
  const records = [];
  const logger = pkg.createClientLogger("smoke", { level: "info", sink: (record) => records.push(record) });
  logger.info("installed");
  return records.length;`,
    expected: 1,
  },
  "@azkit/core-http": {
    // The throwaway registry is the loopback server at hand.
    needs: ["registry"],
    body: `
  const client = pkg.createDefaultHttpClient();
  const response = await client.sendRequest(
    pkg.createPipelineRequest({ url: env.REGISTRY_URL + "-/ping", allowInsecureConnection: true }),
  );
  client.close();
  return response.status;`,
    expected: 200,
  },
  "@azkit/core-lro": {
    needs: [],
    body: `return [typeof pkg.createHttpPoller, typeof pkg.createPoller];`,
    expected: ["function", "function"],
  },
  "@azkit/identity": {
    needs: ["arm"],
    body: `
  const credential = new pkg.ClientSecretCredential(env.ARM_TENANT_ID, env.ARM_CLIENT_ID, env.ARM_CLIENT_SECRET, {
    authorityHost: env.ARM_AUTHORITY_HOST,
  });
  const token = await credential.getToken("https://management.azure.com/.default");
  await credential.close();
  return token.token.split(".").length;`,
    expected: 3,
  },
  "@azkit/storage-blob": {
    needs: ["azurite"],
    body: `
  const service = pkg.BlobServiceClient.fromConnectionString(env.AZURITE_CONNECTION_STRING);
  const container = service.getContainerClient("smoke-" + env.LOADER.replaceAll(/[^a-z0-9-]/g, "-"));
  await container.create();
  const properties = await container.getProperties();
  return typeof properties.etag;`,
    expected: "string",
  },
  "@azkit/core-arm": {
    // The runtime of the mgmt-* clients, whose calls below run it on the wire; here, its one pure call.
    needs: ["arm"],
    body: `return [pkg.armScopeFor(env.ARM_URL), pkg.armScopeFor("https://management.chinacloudapi.cn/")];`,
    expected: ["https://management.azure.com/.default", "https://management.chinacloudapi.cn/.default"],
  },
  "@azkit/mgmt-resources": {
    needs: ["arm"],
    with: "@azkit/identity",
    body: `${armClient("ResourceManagementClient")}${collectNames("client.resourceGroups.list()")}`,
    expected: true,
  },
  "@azkit/mgmt-keyvault": {
    needs: ["arm"],
    with: "@azkit/identity",
    body: `${armClient("KeyVaultManagementClient")}${collectNames("client.vaults.list()")}`,
    expected: true,
  },
  "@azkit/mgmt-web": {
    needs: ["arm"],
    with: "@azkit/identity",
    body: `${armClient("WebSiteManagementClient")}${collectNames("client.webApps.list()")}`,
    expected: true,
  },
};

/** The ESM and the CJS script that load `name` (and `with`) and run its call. */
export function smokeScripts(name) {
  const call = smokeCalls[name];
  const other = call.with ? JSON.stringify(call.with) : undefined;
  const run = `(async (pkg, other, env) => {${call.body}\n})`;
  const print = ".then((result) => console.log(JSON.stringify(result)))";
  return {
    mjs: `const pkg = await import(${JSON.stringify(name)});\nconst other = ${other ? `await import(${other})` : "undefined"};\nawait ${run}(pkg, other, process.env)${print};\n`,
    cjs: `const pkg = require(${JSON.stringify(name)});\nconst other = ${other ? `require(${other})` : "undefined"};\n${run}(pkg, other, process.env)${print}.catch((error) => { console.error(error); process.exit(1); });\n`,
  };
}
