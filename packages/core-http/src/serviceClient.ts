import { bearerTokenAuthenticationPolicy } from "./auth/bearerTokenAuthenticationPolicy.js";
import type { TokenCredential } from "./auth/tokenCredential.js";
import { createPipelineFromOptions, type InternalPipelineOptions } from "./createPipelineFromOptions.js";
import { type ErrorMap, mapError } from "./mapError.js";
import type { OperationOptions } from "./options/clientOptions.js";
import type { RequestSettings } from "./options/requestSettings.js";
import { checkOptionBag, type OptionBagShape } from "./options/optionShape.js";
import {
  CLIENT_OPTION_NAMES,
  CLIENT_OPTION_SHAPE,
  OPERATION_OPTION_NAMES,
  OPERATION_OPTION_SHAPE,
  resolveRequestSettings,
} from "./options/resolveOptions.js";
import { assertKnownOptions } from "./options/unknownOptions.js";
import type { Pipeline } from "./pipeline.js";
import type { PipelineRequest } from "./pipelineRequest.js";
import type { HttpClient, PipelineResponse } from "./pipelineResponse.js";
import { getSharedDefaultHttpClient } from "./transport/defaultHttpClient.js";

/**
 * Options of a {@link ServiceClient}: the common client options plus who the client is and how it
 * authenticates.
 * @public
 */
export interface ServiceClientOptions extends InternalPipelineOptions {
  /** The service endpoint; relative request URLs resolve against it. */
  endpoint?: string;
  /** Signs every attempt with a bearer token (Sign phase). */
  credential?: TokenCredential;
  /** Scopes for the credential; `<endpoint origin>/.default` by default. */
  credentialScopes?: string | string[];
  /** Names of options a service adds to its own client options (accepted, not rejected as unknown). */
  clientOptionNames?: readonly string[];
}

/**
 * What {@link ServiceClient.sendRequest} accepts: the caller's operation options plus what the
 * operation knows about itself.
 * @public
 */
export interface ServiceSendOptions extends OperationOptions {
  /** Statuses the operation expects; any other status throws. Default: every status below 400. */
  expectedStatuses?: readonly number[];
  /** Error classes by status (or a function), passed to {@link mapError}. */
  errorMap?: ErrorMap;
  /** Names of options this operation defines itself (accepted, not rejected as unknown). */
  operationOptionNames?: readonly string[];
}

const CLIENT_META_NAMES = [
  "endpoint",
  "credential",
  "credentialScopes",
  "packageName",
  "packageVersion",
  "redirectOptions",
  "loggingOptions",
  "clientRequestIdHeaderName",
  "clientOptionNames",
];
/** Per-call options a service's own code passes about itself: accepted, never offered to users. */
const SERVICE_SEND_OPTION_NAMES: readonly string[] = ["expectedStatuses", "errorMap", "operationOptionNames"];
const SEND_OPTION_SHAPE: OptionBagShape = {
  ...OPERATION_OPTION_SHAPE,
  expectedStatuses: "any",
  errorMap: "any",
  operationOptionNames: "any",
};

/** A shape that also accepts `names` as they are (checked by whoever defined them). */
function withNames(shape: OptionBagShape, ...names: (readonly string[] | undefined)[]): OptionBagShape {
  const extra: Record<string, "any"> = {};
  for (const list of names)
    for (const name of list ?? []) if (!Object.hasOwn(shape, name)) extra[name] = "any";
  return { ...shape, ...extra };
}

const sendShapes = new WeakMap<readonly string[], OptionBagShape>();

/**
 * The send-options shape with an operation's own option names, built once per names list: clients
 * pass one constant list, and spreading the whole shape on every request was the largest self time
 * of core-http in a getProperties profile.
 */
function sendOptionShape(names: readonly string[] | undefined): OptionBagShape {
  if (names === undefined) return SEND_OPTION_SHAPE;
  let shape = sendShapes.get(names);
  if (shape === undefined) {
    shape = withNames(SEND_OPTION_SHAPE, names);
    sendShapes.set(names, shape);
  }
  return shape;
}

/**
 * Whether a call's options hold anything besides what the service passes about the operation
 * (expected statuses, error map, option names): without, the client's settings apply as they are
 * and there is nothing to check. Most calls carry no options of the caller's.
 */
function hasCallerOptions(options: ServiceSendOptions): boolean {
  for (const name in options) {
    if (
      name !== "expectedStatuses" &&
      name !== "errorMap" &&
      name !== "operationOptionNames" &&
      (options as Record<string, unknown>)[name] !== undefined
    ) {
      return true;
    }
  }
  return false;
}

const ABSOLUTE_URL = /^https?:\/\//i;
const ERROR_BODY_LIMIT = 1 << 20;

async function readErrorBody(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > ERROR_BODY_LIMIT) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function rejectWithMappedError(
  response: PipelineResponse,
  errorMap: ErrorMap | undefined,
): Promise<never> {
  if (response.bodyAsText === undefined && response.readableStreamBody) {
    response.bodyAsText = await readErrorBody(response.readableStreamBody);
    response.readableStreamBody = undefined;
  }
  throw mapError(response, errorMap);
}

/**
 * The small core every azkit service client is built on: validates and resolves options once per
 * call (per call, per client, environment, defaults), sends through the client's pipeline and
 * throws the typed error ({@link mapError}) for statuses the operation does not expect.
 *
 * @example
 * ```ts
 * const client = new ServiceClient({ endpoint, credential, packageName: "@azkit/mgmt-web", packageVersion: "1.0.0" });
 * const response = await client.sendRequest(createPipelineRequest({ url: "/subscriptions?api-version=2022-12-01" }), {
 *   abortSignal,
 *   expectedStatuses: [200],
 * });
 * ```
 * @public
 */
export class ServiceClient {
  /** The pipeline every request of this client goes through; add policies to it to extend the client. */
  readonly pipeline: Pipeline;
  /** The endpoint relative URLs resolve against, when given. */
  readonly endpoint: string | undefined;
  /** The client's resolved settings (per client, over the defaults). */
  readonly settings: Readonly<RequestSettings>;
  private readonly httpClient: HttpClient;
  private readonly endpointOrigin: string | undefined;

  /** Creates the client; throws a TypeError for an unknown option, naming the valid ones. */
  constructor(options: ServiceClientOptions) {
    // A user of a service client should see the options they can set, not what the service passes
    // about itself (endpoint, package name...): those are accepted but left out of the message.
    assertKnownOptions(
      options,
      CLIENT_OPTION_NAMES,
      `${options?.packageName ?? "ServiceClient"} options`,
      options?.clientOptionNames,
      CLIENT_META_NAMES,
    );
    const context = `${options?.packageName ?? "ServiceClient"} options`;
    checkOptionBag(
      options,
      withNames(CLIENT_OPTION_SHAPE, options?.clientOptionNames, CLIENT_META_NAMES),
      context,
    );
    this.endpoint = options.endpoint;
    this.endpointOrigin = options.endpoint === undefined ? undefined : new URL(options.endpoint).origin;
    this.settings = resolveRequestSettings([options]);
    this.httpClient = options.httpClient ?? getSharedDefaultHttpClient(options.maxSocketsPerOrigin);
    this.pipeline = createPipelineFromOptions(options);
    if (options.credential) {
      const scopes =
        options.credentialScopes ??
        (options.endpoint ? `${new URL(options.endpoint).origin}/.default` : undefined);
      if (scopes === undefined) {
        throw new TypeError(
          "ServiceClient: a credential needs credentialScopes or an endpoint to derive them from.",
        );
      }
      this.pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential: options.credential, scopes }), {
        phase: "Sign",
      });
    }
  }

  /**
   * Sends `request` with the call's options applied and returns the response; throws the typed
   * error when the status is not one the operation expects.
   */
  sendRequest(request: PipelineRequest, options: ServiceSendOptions = {}): Promise<PipelineResponse> {
    try {
      return this.prepareAndSend(request, options);
    } catch (error) {
      // Option and URL errors reject like every other failure of the call.
      return Promise.reject(error);
    }
  }

  private prepareAndSend(request: PipelineRequest, options: ServiceSendOptions): Promise<PipelineResponse> {
    if (this.endpointOrigin !== undefined && !ABSOLUTE_URL.test(request.url)) {
      // A path-absolute reference only needs the origin: no URL parse on the hot path.
      request.url =
        request.url.charCodeAt(0) === 47 && request.url.charCodeAt(1) !== 47
          ? this.endpointOrigin + request.url
          : new URL(request.url, this.endpoint).href;
    }
    if (!hasCallerOptions(options)) {
      request.settings = this.settings;
      return this.send(request, options);
    }
    const context = request.operationName ?? "sendRequest options";
    assertKnownOptions(
      options,
      OPERATION_OPTION_NAMES,
      context,
      options.operationOptionNames,
      SERVICE_SEND_OPTION_NAMES,
    );
    checkOptionBag(options, sendOptionShape(options.operationOptionNames), context);
    request.settings = resolveRequestSettings([options], this.settings);
    if (options.abortSignal) request.abortSignal = options.abortSignal;
    if (options.tracingOptions) request.tracingOptions = options.tracingOptions;
    const requestOptions = options.requestOptions;
    if (requestOptions) {
      if (requestOptions.timeout !== undefined) request.timeout = requestOptions.timeout;
      if (requestOptions.onUploadProgress) request.onUploadProgress = requestOptions.onUploadProgress;
      if (requestOptions.onDownloadProgress) request.onDownloadProgress = requestOptions.onDownloadProgress;
      if (requestOptions.allowInsecureConnection !== undefined) {
        request.allowInsecureConnection = requestOptions.allowInsecureConnection;
      }
      for (const [name, value] of Object.entries(requestOptions.customHeaders ?? {})) {
        request.headers.set(name, value);
      }
    }
    return this.send(request, options);
  }

  private send(request: PipelineRequest, options: ServiceSendOptions): Promise<PipelineResponse> {
    return this.pipeline.sendRequest(this.httpClient, request).then((response) => {
      options.onResponse?.(response);
      const expected = options.expectedStatuses;
      if (expected ? expected.includes(response.status) : response.status < 400) return response;
      return rejectWithMappedError(response, options.errorMap);
    });
  }
}
