// The three management packages and their @azure/arm-* peers, and how each scenario builds a client of
// the ARM emulator (src/servers/armEmulator.mjs) with either SDK: the same static credential (a token
// the emulator minted), the emulator's CA given per client (azkit: an HTTP client with the CA; the
// peer: core-rest-pipeline's `tlsOptions`), everything else at its defaults.
import { loadPackage, requireExport } from "../harness/loadPackage.mjs";

const ARM_SCOPE = "https://management.azure.com/.default";

/**
 * @typedef {{
 *   key: string, azkit: string, peer: string, clientName: string,
 *   classic: boolean,
 * }} MgmtPackage
 */

/** @type {MgmtPackage[]} */
export const mgmtPackages = [
  {
    key: "resources",
    azkit: "@azkit/mgmt-resources",
    peer: "@azure/arm-resources",
    clientName: "ResourceManagementClient",
    // The classic generation builds URLs from `$host` and takes `credentialScopes`.
    classic: true,
  },
  {
    key: "keyvault",
    azkit: "@azkit/mgmt-keyvault",
    peer: "@azure/arm-keyvault",
    clientName: "KeyVaultManagementClient",
    classic: false,
  },
  {
    key: "web",
    azkit: "@azkit/mgmt-web",
    peer: "@azure/arm-appservice",
    clientName: "WebSiteManagementClient",
    classic: false,
  },
];

/** A TokenCredential that always answers the emulator's token (no token request is measured). */
export function staticCredential(arm) {
  const expiresOnTimestamp = Date.now() + 3_000_000;
  return { getToken: async () => ({ token: arm.token, expiresOnTimestamp }) };
}

/**
 * A client of `pkg` for `role`, talking to the emulator over HTTPS.
 * @param {MgmtPackage} pkg @param {"azkit" | "peer"} role @param {Record<string, any>} arm ctx.env.armEmulator
 */
export async function createMgmtClient(pkg, role, arm) {
  const name = pkg[role];
  const sdk = await loadPackage(name);
  const Client = requireExport(sdk, name, pkg.clientName);
  const credential = staticCredential(arm);
  if (role === "azkit") {
    const http = await loadPackage("@azkit/core-http");
    const httpClient = requireExport(
      http,
      "@azkit/core-http",
      "createDefaultHttpClient",
    )({
      tlsSettings: { ca: arm.ca },
    });
    return new Client(credential, arm.subscriptionId, { endpoint: arm.url, httpClient });
  }
  const scopes = pkg.classic
    ? { $host: arm.url, credentialScopes: [ARM_SCOPE] }
    : { credentials: { scopes: [ARM_SCOPE] } };
  return new Client(credential, arm.subscriptionId, {
    endpoint: arm.url,
    ...scopes,
    tlsOptions: { ca: arm.ca },
  });
}
