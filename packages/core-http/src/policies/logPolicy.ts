import {
  type AzkitClientLogger,
  createClientLogger,
  createSanitizer,
  type SanitizerOptions,
  sanitizeText,
} from "@azkit/core-logging";
import type { PipelinePolicy } from "../pipeline.js";
import type { PipelineRequest } from "../pipelineRequest.js";
import type { PipelineResponse, SendRequest } from "../pipelineResponse.js";

/**
 * The name of the log policy.
 * @public
 */
export const logPolicyName = "logPolicy";

/**
 * Options of {@link logPolicy}.
 * @public
 */
export interface LogPolicyOptions extends SanitizerOptions {
  /** The library whose logger writes the lines, such as `storage-blob`; `core-http` by default. */
  libraryName?: string;
  /** A logger to use instead (tests, custom sinks). */
  logger?: AzkitClientLogger;
}

/**
 * Logs each attempt: one info line out and one back (method, redacted URL, status, time), headers
 * at verbose (allow-list redaction), and bodies only when the call or client sets
 * `loggingEnable`, at verbose, through `sanitizeText`. With `loggingEnable` the lines are written
 * whatever the configured level.
 * @public
 */
export function logPolicy(options: LogPolicyOptions = {}): PipelinePolicy {
  const libraryName = options.libraryName ?? "core-http";
  const logger = options.logger ?? createClientLogger(libraryName);
  let verboseLogger: AzkitClientLogger | undefined;
  const sanitizer = createSanitizer(options);
  const logged = async (
    request: PipelineRequest,
    next: SendRequest,
    log: AzkitClientLogger,
    loggingEnable: boolean,
  ): Promise<PipelineResponse> => {
    const url = sanitizer.sanitizeUrl(request.url);
    log.info(`--> ${request.method} ${url}`, { requestId: request.requestId });
    if (log.verbose.enabled) {
      log.verbose(`Request headers: ${JSON.stringify(sanitizer.sanitizeHeaders(request.headers))}`, {
        requestId: request.requestId,
      });
      if (loggingEnable && typeof request.body === "string" && request.body.length > 0) {
        log.verbose(`Request body: ${sanitizeText(request.body)}`, { requestId: request.requestId });
      }
    }
    const started = performance.now();
    let response: PipelineResponse;
    try {
      response = await next(request);
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as Error).name;
      log.info(
        `<-- ${request.method} ${url} failed after ${Math.round(performance.now() - started)} ms (${code})`,
        {
          requestId: request.requestId,
        },
      );
      throw error;
    }
    log.info(
      `<-- ${response.status} ${request.method} ${url} (${Math.round(performance.now() - started)} ms)`,
      { requestId: request.requestId, statusCode: response.status },
    );
    if (log.verbose.enabled) {
      log.verbose(`Response headers: ${JSON.stringify(sanitizer.sanitizeHeaders(response.headers))}`, {
        requestId: request.requestId,
      });
      if (loggingEnable && typeof response.bodyAsText === "string" && response.bodyAsText.length > 0) {
        log.verbose(`Response body: ${sanitizeText(response.bodyAsText)}`, { requestId: request.requestId });
      }
    }
    return response;
  };
  return {
    name: logPolicyName,
    sendRequest(request, next) {
      const loggingEnable = request.settings?.loggingEnable === true;
      let log = logger;
      if (loggingEnable) {
        verboseLogger ??= options.logger ?? createClientLogger(libraryName, { level: "verbose" });
        log = verboseLogger;
      }
      // Lazy: when nothing would be written, the policy costs one level check.
      if (!log.info.enabled) return next(request);
      return logged(request, next, log, loggingEnable);
    },
  };
}
