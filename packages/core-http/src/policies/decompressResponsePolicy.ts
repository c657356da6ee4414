import type { PipelinePolicy } from "../pipeline.js";

/**
 * The name of the decompression policy.
 * @public
 */
export const decompressResponsePolicyName = "decompressResponsePolicy";

/**
 * Asks for gzip/deflate responses (`Accept-Encoding`); the default transport decodes them.
 * @public
 */
export function decompressResponsePolicy(): PipelinePolicy {
  return {
    name: decompressResponsePolicyName,
    sendRequest(request, next) {
      if (request.method !== "HEAD" && !request.headers.has("accept-encoding")) {
        request.headers.set("Accept-Encoding", "gzip,deflate");
      }
      return next(request);
    },
  };
}
