import type { RequestSettings } from "../options/requestSettings.js";
import type { PipelinePolicy } from "../pipeline.js";

/**
 * The name of the request settings policy.
 * @public
 */
export const requestSettingsPolicyName = "requestSettingsPolicy";

/**
 * Gives requests that carry no resolved settings the pipeline's own (from
 * `createPipelineFromOptions`), so later policies and the transport read one place.
 * @public
 */
export function requestSettingsPolicy(settings: Readonly<RequestSettings>): PipelinePolicy {
  return {
    name: requestSettingsPolicyName,
    sendRequest(request, next) {
      request.settings ??= settings;
      return next(request);
    },
  };
}
