import type { PipelinePolicy } from "../pipeline.js";
import type { PipelineRequest } from "../pipelineRequest.js";

/**
 * The default name of the policy {@link requestSigningPolicy} creates.
 * @public
 */
export const requestSigningPolicyName = "requestSigningPolicy";

/**
 * Options of {@link requestSigningPolicy}.
 * @public
 */
export interface RequestSigningPolicyOptions {
  /** The policy's name in the pipeline, such as `storageSharedKeyCredentialPolicy`. */
  name?: string;
  /**
   * Signs the request in place (sets headers or query parameters). Runs once per attempt, after every
   * other header is final, so a signature over headers and date stays valid across retries.
   */
  sign(request: PipelineRequest): void | Promise<void>;
}

/**
 * The hook for custom signers (storage Shared Key, HMAC schemes): a policy that calls `sign(request)`
 * right before each attempt is sent. Add it in the `Sign` phase.
 *
 * @example
 * ```ts
 * pipeline.addPolicy(
 *   requestSigningPolicy({
 *     name: "storageSharedKeyCredentialPolicy",
 *     sign(request) {
 *       request.headers.set("x-ms-date", new Date().toUTCString());
 *       request.headers.set("authorization", `SharedKey ${account}:${computeSignature(request)}`);
 *     },
 *   }),
 *   { phase: "Sign" },
 * );
 * ```
 * @public
 */
export function requestSigningPolicy(options: RequestSigningPolicyOptions): PipelinePolicy {
  if (typeof options?.sign !== "function") {
    throw new TypeError("requestSigningPolicy: options.sign must be a function (request) => void.");
  }
  const { sign } = options;
  return {
    name: options.name ?? requestSigningPolicyName,
    sendRequest(request, next) {
      // No async frame and no extra tick when signing is synchronous (Shared Key, SAS).
      let signed: void | Promise<void>;
      try {
        signed = sign(request);
      } catch (error) {
        return Promise.reject(error);
      }
      if (signed !== undefined && typeof (signed as Promise<void>).then === "function") {
        return (signed as Promise<void>).then(() => next(request));
      }
      return next(request);
    },
  };
}
