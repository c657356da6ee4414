/**
 * How a request is retried.
 * @public
 */
export type RetryMode = "exponential" | "fixed";

/**
 * Proxies to send through: one URL for both schemes, or one per target scheme. A URL may carry
 * `user:password@` for proxy authentication.
 * @public
 */
export type ProxyOptions = string | { http?: string; https?: string };

/**
 * The options of one call after resolution (per call, per client, environment, defaults). The
 * pipeline's policies read them from `request.settings`; users rarely build one by hand.
 * @public
 */
export interface RequestSettings {
  /** Log request and response bodies (redacted) at verbose level. */
  loggingEnable: boolean;
  /** Proxies from the options, before the environment is consulted. */
  proxies: ProxyOptions | undefined;
  /** Read `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` (either case) when sending. */
  useEnvSettings: boolean;
  /** Milliseconds to wait for a TCP/TLS connection. */
  connectionTimeoutInMs: number;
  /** Milliseconds the connection may stay silent while a response is awaited or read. */
  readTimeoutInMs: number;
  /** How many retries at most; 0 disables retries. */
  retryTotal: number;
  /** Exponential backoff with jitter, or a fixed wait. */
  retryMode: RetryMode;
  /** The base wait between attempts in milliseconds. */
  retryBackoffFactorInMs: number;
  /** The longest wait between attempts in milliseconds, server-requested waits included. */
  retryBackoffMaxInMs: number;
  /** Allow plain `http:` (loopback emulators). */
  allowInsecureConnection: boolean;
}
