import { createClientLogger } from "@azkit/core-logging";
import type { CommonClientOptions } from "./options/clientOptions.js";
import { resolveRequestSettings } from "./options/resolveOptions.js";
import { createEmptyPipeline, type Pipeline } from "./pipeline.js";
import { decompressResponsePolicy } from "./policies/decompressResponsePolicy.js";
import { type LogPolicyOptions, logPolicy } from "./policies/logPolicy.js";
import { proxyPolicy } from "./policies/proxyPolicy.js";
import { type RedirectPolicyOptions, redirectPolicy } from "./policies/redirectPolicy.js";
import { requestSettingsPolicy } from "./policies/requestSettingsPolicy.js";
import { retryPolicy } from "./policies/retryPolicy.js";
import { setClientRequestIdPolicy } from "./policies/setClientRequestIdPolicy.js";
import { userAgentPolicy } from "./policies/userAgentPolicy.js";

/**
 * Options of {@link createPipelineFromOptions}: the client options plus who the client is.
 * @public
 */
export interface InternalPipelineOptions extends CommonClientOptions {
  /** The client package (for User-Agent and the logger), such as `@azkit/storage-blob`. */
  packageName?: string;
  /** The client package's version. */
  packageVersion?: string;
  /** Redirect handling. */
  redirectOptions?: RedirectPolicyOptions;
  /** Extra allow-listed header/query names for logs, or a logger to write to. */
  loggingOptions?: Omit<LogPolicyOptions, "libraryName">;
  /** The header that carries the request id. Default `x-ms-client-request-id`. */
  clientRequestIdHeaderName?: string;
}

/**
 * Builds the default pipeline, in order: request settings, user agent, client request id, proxy,
 * decompression, per-call policies | Retry phase (retry) | per-retry policies | Sign phase (left
 * for the client's credential policy) | redirect, log. The transport is given at send time.
 *
 * @example
 * ```ts
 * const pipeline = createPipelineFromOptions({ retryTotal: 3, packageName: "@azkit/storage-blob", packageVersion: "1.0.0" });
 * pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes }), { phase: "Sign" });
 * const response = await pipeline.sendRequest(createDefaultHttpClient(), createPipelineRequest({ url }));
 * ```
 * @public
 */
export function createPipelineFromOptions(options: InternalPipelineOptions = {}): Pipeline {
  const settings = resolveRequestSettings([options]);
  const libraryName = (options.packageName ?? "core-http").replace(/^@azkit\//, "");
  const logger = options.loggingOptions?.logger ?? createClientLogger(libraryName);
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(requestSettingsPolicy(settings), { phase: "Serialize" });
  pipeline.addPolicy(
    userAgentPolicy({
      userAgentPrefix: options.userAgentOptions?.userAgentPrefix,
      packageName: options.packageName,
      packageVersion: options.packageVersion,
    }),
  );
  pipeline.addPolicy(setClientRequestIdPolicy(options.clientRequestIdHeaderName));
  pipeline.addPolicy(proxyPolicy());
  pipeline.addPolicy(decompressResponsePolicy());
  for (const { policy, position } of options.additionalPolicies ?? []) {
    pipeline.addPolicy(policy, position === "perRetry" ? { afterPhase: "Retry" } : {});
  }
  pipeline.addPolicy(retryPolicy({ logger }), { phase: "Retry" });
  pipeline.addPolicy(redirectPolicy(options.redirectOptions), { afterPhase: "Sign" });
  pipeline.addPolicy(logPolicy({ ...options.loggingOptions, libraryName }), { afterPhase: "Sign" });
  return pipeline;
}
