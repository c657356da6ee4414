import { createHttpHeaders } from "../httpHeaders.js";
import type { PipelinePolicy } from "../pipeline.js";
import type { PipelineRequest } from "../pipelineRequest.js";
import type { PipelineResponse, SendRequest } from "../pipelineResponse.js";

/**
 * The name of the redirect policy.
 * @public
 */
export const redirectPolicyName = "redirectPolicy";

/**
 * Options of {@link redirectPolicy}.
 * @public
 */
export interface RedirectPolicyOptions {
  /** Most redirects to follow per attempt. Default 20. */
  maxRetries?: number;
  /** Follow redirects to another origin (credential headers are removed first). Default false. */
  allowCrossOriginRedirects?: boolean;
}

const REDIRECT_STATUSES = new Set([300, 301, 302, 303, 307, 308]);

/** Headers that carry credentials and so never follow a request to another origin. */
const CREDENTIAL_HEADER =
  /authorization|cookie|api[-_]?key|secret|token|signature|credential|subscription-key/i;

/**
 * Follows 3xx responses with a `Location`: same origin by default; another origin only with
 * `allowCrossOriginRedirects`, and then without `Authorization`, cookies or any other credential
 * header. Never from https to http. 303 (and 301/302 after POST) continue as GET without a body.
 *
 * Runs after the Sign phase on purpose: a redirected request is not signed again, so a credential
 * stripped for a foreign origin is not put back.
 * @public
 */
export function redirectPolicy(options: RedirectPolicyOptions = {}): PipelinePolicy {
  const maxRedirects = options.maxRetries ?? 20;
  const allowCrossOrigin = options.allowCrossOriginRedirects ?? false;
  return {
    name: redirectPolicyName,
    sendRequest(request, next) {
      return next(request).then((response) =>
        REDIRECT_STATUSES.has(response.status) ? follow(request, response, next) : response,
      );
    },
  };

  async function follow(request: PipelineRequest, first: PipelineResponse, next: SendRequest) {
    let current: PipelineRequest = request;
    let response = first;
    for (let count = 0; count < maxRedirects; count++) {
      if (!REDIRECT_STATUSES.has(response.status)) return response;
      const location = response.headers.get("location");
      if (!location) return response;
      const from = new URL(current.url);
      let target: URL;
      try {
        target = new URL(location, from);
      } catch {
        return response;
      }
      const crossOrigin = target.origin !== from.origin;
      if (crossOrigin && !allowCrossOrigin) return response;
      if (from.protocol === "https:" && target.protocol !== "https:") return response;
      const toGet =
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && current.method === "POST");
      const body = toGet ? undefined : current.body;
      if (body !== undefined && typeof body === "object" && !(body instanceof Uint8Array)) return response;
      const headers = createHttpHeaders();
      for (const [name, value] of current.headers) {
        if (crossOrigin && CREDENTIAL_HEADER.test(name)) continue;
        if (toGet && /^content-(length|type|encoding|md5)$/i.test(name)) continue;
        headers.set(name, value);
      }
      response.readableStreamBody?.resume();
      // A copy, so a retry of the original request still goes to the original URL.
      current = {
        ...current,
        url: target.href,
        method: toGet && current.method !== "HEAD" ? "GET" : current.method,
        body,
        headers,
      };
      response = await next(current);
    }
    return response;
  }
}
