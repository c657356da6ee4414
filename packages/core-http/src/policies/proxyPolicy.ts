import { DEFAULT_REQUEST_SETTINGS, resolveProxyForUrl } from "../options/resolveOptions.js";
import type { PipelinePolicy } from "../pipeline.js";

/**
 * The name of the proxy policy.
 * @public
 */
export const proxyPolicyName = "proxyPolicy";

/**
 * Chooses the proxy of each request from its settings (`proxies`, then `HTTP(S)_PROXY` minus
 * `NO_PROXY` when `useEnvSettings`), read when the request is sent. A request with
 * `proxySettings` already set keeps them.
 * @public
 */
export function proxyPolicy(): PipelinePolicy {
  return {
    name: proxyPolicyName,
    sendRequest(request, next) {
      if (!request.proxySettings) {
        const proxy = resolveProxyForUrl(request.settings ?? DEFAULT_REQUEST_SETTINGS, request.url);
        if (proxy) request.proxySettings = proxy;
      }
      return next(request);
    },
  };
}
