import type { TokenCredential } from "@azkit/core-http";
import { DefaultAzureCredential } from "./credentials/defaultAzureCredential.js";

/**
 * Returns a new `DefaultAzureCredential` with default options (as `@azure/identity`'s function does).
 * @example
 * ```ts
 * const client = new ResourceManagementClient(getDefaultAzureCredential(), subscriptionId);
 * ```
 * @public
 */
export function getDefaultAzureCredential(): TokenCredential {
  return new DefaultAzureCredential();
}
