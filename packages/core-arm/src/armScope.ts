/** @internal Where Azure Resource Manager is in the public cloud. */
export const DEFAULT_ARM_ENDPOINT = "https://management.azure.com";

/** The ARM endpoints of the national clouds: each is its own token audience. */
const CLOUD_AUDIENCES = new Set([
  "https://management.azure.com",
  "https://management.chinacloudapi.cn",
  "https://management.usgovcloudapi.net",
  "https://management.microsoftazure.de",
]);

/**
 * The token scope for an ARM endpoint: the endpoint's own audience for Azure's clouds (so a client
 * pointed at Azure China asks for a China token), and the public cloud's audience for any other
 * endpoint (a local emulator, a proxy), since ARM tokens are issued for the management audience and
 * not for the address a request is sent to.
 * @public
 */
export function armScopeFor(endpoint: string): string {
  let origin: string;
  try {
    origin = new URL(endpoint).origin;
  } catch {
    throw new TypeError(
      `The ARM endpoint ${JSON.stringify(endpoint)} is not a URL (e.g. https://management.azure.com).`,
    );
  }
  return `${CLOUD_AUDIENCES.has(origin) ? origin : DEFAULT_ARM_ENDPOINT}/.default`;
}
