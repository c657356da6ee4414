import { arch, release, type } from "node:os";
import { CORE_HTTP_PACKAGE, getCoreHttpVersion } from "../coreHttpVersion.js";
import type { PipelinePolicy } from "../pipeline.js";

/**
 * The name of the user agent policy.
 * @public
 */
export const userAgentPolicyName = "userAgentPolicy";

/**
 * Options of {@link userAgentPolicy}.
 * @public
 */
export interface UserAgentPolicyOptions {
  /** Put in front of azkit's part, such as `"my-app/1.2"`. */
  userAgentPrefix?: string;
  /** The client package, such as `@azkit/storage-blob` or `storage-blob`; core-http when absent. */
  packageName?: string;
  /** The client package's version. */
  packageVersion?: string;
}

/**
 * The `User-Agent` value: `[prefix ]azkit-<pkg>/<ver> Node/<ver> (<arch>-<os>-<release>)`.
 * @public
 */
export function getUserAgentValue(options: UserAgentPolicyOptions = {}): string {
  const name = (options.packageName ?? CORE_HTTP_PACKAGE).replace(/^@azkit\//, "");
  const version = options.packageName ? (options.packageVersion ?? "0.0.0") : getCoreHttpVersion();
  const own = `azkit-${name}/${version} Node/${process.version} (${arch()}-${type()}-${release()})`;
  const prefix = options.userAgentPrefix?.trim();
  return prefix ? `${prefix} ${own}` : own;
}

/**
 * Sets `User-Agent` on requests that have none, so services can tell azkit (and your app) apart.
 * @public
 */
export function userAgentPolicy(options: UserAgentPolicyOptions = {}): PipelinePolicy {
  const value = getUserAgentValue(options);
  return {
    name: userAgentPolicyName,
    sendRequest(request, next) {
      if (!request.headers.has("user-agent")) request.headers.set("User-Agent", value);
      return next(request);
    },
  };
}
