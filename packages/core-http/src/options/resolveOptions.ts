import { getProxyForUrl } from "proxy-from-env";
import type { ProxySettings } from "../pipelineRequest.js";
import type { CommonClientOptions, OperationOptions, OverridableOptions } from "./clientOptions.js";
import type { OptionBagShape } from "./optionShape.js";
import type { ProxyOptions, RequestSettings, RetryMode } from "./requestSettings.js";

/** Names of the options a client sets and a call may override. */
export const OVERRIDABLE_OPTION_NAMES: readonly string[] = [
  "loggingEnable",
  "proxies",
  "useEnvSettings",
  "connectionTimeoutInMs",
  "readTimeoutInMs",
  "retryTotal",
  "retryMode",
  "retryBackoffFactorInMs",
  "retryBackoffMaxInMs",
  "retryOptions",
];

/** Names every client constructor accepts. */
export const CLIENT_OPTION_NAMES: ReadonlySet<string> = new Set([
  ...OVERRIDABLE_OPTION_NAMES,
  "httpClient",
  "additionalPolicies",
  "userAgentOptions",
  "allowInsecureConnection",
  "maxSocketsPerOrigin",
]);

/** Names every operation accepts. */
export const OPERATION_OPTION_NAMES: ReadonlySet<string> = new Set([
  ...OVERRIDABLE_OPTION_NAMES,
  "abortSignal",
  "requestOptions",
  "tracingOptions",
  "onResponse",
]);

/** The options a client sets and a call may override, with their kinds. */
const OVERRIDABLE_OPTION_SHAPE: OptionBagShape = {
  loggingEnable: "boolean",
  proxies: "any",
  useEnvSettings: "boolean",
  connectionTimeoutInMs: "number",
  readTimeoutInMs: "number",
  retryTotal: "number",
  retryMode: "string",
  retryBackoffFactorInMs: "number",
  retryBackoffMaxInMs: "number",
  retryOptions: { maxRetries: "number", retryDelayInMs: "number", maxRetryDelayInMs: "number" },
};

/**
 * The options every operation accepts, nested bags included: what {@link checkOptionBag} checks a
 * call's options against. Services spread it into their operations' shapes.
 * @public
 */
export const OPERATION_OPTION_SHAPE: OptionBagShape = Object.freeze<OptionBagShape>({
  ...OVERRIDABLE_OPTION_SHAPE,
  abortSignal: "abortSignal",
  requestOptions: {
    timeout: "number",
    customHeaders: "stringRecord",
    onUploadProgress: "function",
    onDownloadProgress: "function",
    allowInsecureConnection: "boolean",
  },
  tracingOptions: { tracingContext: "any" },
  onResponse: "function",
});

/**
 * The options every client constructor accepts, nested bags included.
 * @public
 */
export const CLIENT_OPTION_SHAPE: OptionBagShape = Object.freeze<OptionBagShape>({
  ...OVERRIDABLE_OPTION_SHAPE,
  httpClient: "any",
  additionalPolicies: "any",
  userAgentOptions: { userAgentPrefix: "string" },
  allowInsecureConnection: "boolean",
  maxSocketsPerOrigin: "number",
});

/**
 * The defaults, the last layer of resolution.
 * @public
 */
export const DEFAULT_REQUEST_SETTINGS: Readonly<RequestSettings> = Object.freeze({
  loggingEnable: false,
  proxies: undefined,
  useEnvSettings: true,
  connectionTimeoutInMs: 300_000,
  readTimeoutInMs: 300_000,
  retryTotal: 10,
  retryMode: "exponential" as RetryMode,
  retryBackoffFactorInMs: 800,
  retryBackoffMaxInMs: 60_000,
  allowInsecureConnection: false,
});

/** A layer of options: a client's options or a call's. */
type OptionsLayer = (CommonClientOptions | OperationOptions) & {
  requestOptions?: { allowInsecureConnection?: boolean };
};

function nonNegative(name: string, value: unknown, integer: boolean): number {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    throw new RangeError(
      `Option ${name} must be a non-negative ${integer ? "integer" : "number"}; got ${JSON.stringify(value)}.`,
    );
  }
  return value;
}

function checkProxies(value: unknown): ProxyOptions | undefined {
  if (value === undefined) return undefined;
  const check = (url: unknown, name: string): void => {
    if (url === undefined) return;
    if (typeof url !== "string" || !URL.canParse(url.includes("://") ? url : `http://${url}`)) {
      throw new TypeError(`Option ${name} must be a proxy URL such as "http://user:password@proxy:8080".`);
    }
  };
  if (typeof value === "string") check(value, "proxies");
  else if (typeof value === "object" && value !== null) {
    const { http, https } = value as { http?: unknown; https?: unknown };
    check(http, "proxies.http");
    check(https, "proxies.https");
  } else throw new TypeError("Option proxies must be a URL string or { http, https }.");
  return value as ProxyOptions;
}

/** Whether a call's options override any setting, so the client's resolved settings can be reused as is. */
function overridesAny(layer: OptionsLayer): boolean {
  for (const name of OVERRIDABLE_OPTION_NAMES) {
    if ((layer as Record<string, unknown>)[name] !== undefined) return true;
  }
  return layer.requestOptions?.allowInsecureConnection !== undefined || "allowInsecureConnection" in layer;
}

/**
 * Resolves options into the settings a request carries. `layers` go from highest precedence (the
 * call) to lowest (the client); `base` holds what is already resolved below them (the client's
 * settings, else the defaults). The one place where option precedence is decided:
 * per call, then per client, then environment (proxies, read per request by
 * {@link resolveProxyForUrl}), then defaults.
 * @public
 */
export function resolveRequestSettings(
  layers: readonly (OverridableOptions | undefined)[],
  base: Readonly<RequestSettings> = DEFAULT_REQUEST_SETTINGS,
): Readonly<RequestSettings> {
  const given = layers.filter((l): l is OptionsLayer => l !== undefined && l !== null && overridesAny(l));
  if (given.length === 0) return base;
  const pick = <T>(read: (layer: OptionsLayer) => T | undefined, fallback: T): T => {
    for (const layer of given) {
      const value = read(layer);
      if (value !== undefined) return value;
    }
    return fallback;
  };
  const retryMode = pick((l) => l.retryMode, base.retryMode);
  if (retryMode !== "exponential" && retryMode !== "fixed") {
    throw new TypeError(
      `Option retryMode must be "exponential" or "fixed"; got ${JSON.stringify(retryMode)}.`,
    );
  }
  const settings: RequestSettings = {
    loggingEnable: Boolean(pick((l) => l.loggingEnable, base.loggingEnable)),
    proxies: checkProxies(pick((l) => l.proxies, base.proxies)),
    useEnvSettings: Boolean(pick((l) => l.useEnvSettings, base.useEnvSettings)),
    connectionTimeoutInMs: nonNegative(
      "connectionTimeoutInMs",
      pick((l) => l.connectionTimeoutInMs, base.connectionTimeoutInMs),
      false,
    ),
    readTimeoutInMs: nonNegative(
      "readTimeoutInMs",
      pick((l) => l.readTimeoutInMs, base.readTimeoutInMs),
      false,
    ),
    retryTotal: nonNegative(
      "retryTotal",
      pick((l) => l.retryTotal ?? l.retryOptions?.maxRetries, base.retryTotal),
      true,
    ),
    retryMode,
    retryBackoffFactorInMs: nonNegative(
      "retryBackoffFactorInMs",
      pick((l) => l.retryBackoffFactorInMs ?? l.retryOptions?.retryDelayInMs, base.retryBackoffFactorInMs),
      false,
    ),
    retryBackoffMaxInMs: nonNegative(
      "retryBackoffMaxInMs",
      pick((l) => l.retryBackoffMaxInMs ?? l.retryOptions?.maxRetryDelayInMs, base.retryBackoffMaxInMs),
      false,
    ),
    allowInsecureConnection: Boolean(
      pick(
        (l) =>
          l.requestOptions?.allowInsecureConnection ?? (l as CommonClientOptions).allowInsecureConnection,
        base.allowInsecureConnection,
      ),
    ),
  };
  return Object.freeze(settings);
}

function toProxySettings(proxyUrl: string): ProxySettings {
  const url = new URL(proxyUrl.includes("://") ? proxyUrl : `http://${proxyUrl}`);
  const settings: ProxySettings = {
    host: `${url.protocol}//${url.hostname}`,
    port: Number(url.port) || (url.protocol === "https:" ? 443 : 80),
  };
  if (url.username) settings.username = decodeURIComponent(url.username);
  if (url.password) settings.password = decodeURIComponent(url.password);
  return settings;
}

/**
 * The proxy for one request URL: the `proxies` option when set, else (with `useEnvSettings`)
 * `HTTPS_PROXY`/`HTTP_PROXY` (for the URL's scheme) minus `NO_PROXY` (either case; `*`, leading-dot and
 * `*.` suffix rules, host:port entries) read now, so changes made while the process runs apply.
 * @public
 */
export function resolveProxyForUrl(
  settings: Readonly<RequestSettings>,
  url: string,
): ProxySettings | undefined {
  const proxies = settings.proxies;
  if (proxies !== undefined) {
    const isHttps = url.startsWith("https:");
    const chosen = typeof proxies === "string" ? proxies : isHttps ? proxies.https : proxies.http;
    return chosen ? toProxySettings(chosen) : undefined;
  }
  if (!settings.useEnvSettings) return undefined;
  // Only this scheme's variable is read (two getenv calls, ~0.4 µs each): with neither case set
  // there is nothing to parse. ALL_PROXY is deliberately not consulted.
  const env = process.env;
  const isHttps = url.charCodeAt(4) === 115; // "https:" vs "http:"
  if (!(isHttps ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY)) return undefined;
  const proxyUrl = getProxyForUrl(url);
  return proxyUrl ? toProxySettings(proxyUrl) : undefined;
}
