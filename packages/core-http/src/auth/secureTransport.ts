import { ServiceRequestError } from "../errors.js";
import type { PipelineRequest } from "../pipelineRequest.js";

/**
 * Throws unless `request` goes over https, or over plain http to a loopback host with
 * `allowInsecureConnection` set (the request's or its resolved settings'). Credentials must never cross
 * a network in clear text; emulators on this machine are the one exception.
 */
export function assertSecureTransport(request: PipelineRequest, policyName: string): void {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new ServiceRequestError(`${policyName}: the request URL is not a valid absolute URL.`, {
      code: "INVALID_URL",
      request,
    });
  }
  if (url.protocol === "https:") return;
  const allowInsecure = request.allowInsecureConnection ?? request.settings?.allowInsecureConnection ?? false;
  if (allowInsecure && isLoopbackHost(url.hostname)) return;
  throw new ServiceRequestError(
    `${policyName}: refusing to send credentials over ${url.protocol.replace(":", "")} to ${url.host}; ` +
      "use https, or set allowInsecureConnection for an emulator on a loopback address.",
    { code: "INSECURE_CONNECTION", request },
  );
}

/**
 * Whether a URL hostname is this machine: localhost names, 127.0.0.0/8 and ::1 (bracketed or not).
 * Use it before allowing plain http for secrets (credentials, token endpoints): only local emulators qualify.
 * @example
 * ```ts
 * if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) throw new TypeError("use https");
 * ```
 * @public
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]" || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
