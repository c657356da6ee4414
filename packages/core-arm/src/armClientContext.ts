import {
  buildArmPagedAsyncIterator,
  type CommonClientOptions,
  createHttpHeaders,
  createPipelineRequest,
  deserialize,
  type OperationOptions,
  type PagedAsyncIterableIterator,
  type PageSettings,
  type Pipeline,
  type PipelineRequest,
  type PipelineResponse,
  type Schema,
  ServiceClient,
  type ServiceSendOptions,
  serialize,
  type TokenCredential,
} from "@azkit/core-http";
import {
  createHttpPoller,
  createHttpSimplePoller,
  createPipelineLro,
  type OperationState,
  type PollerLike,
  type RunningOperation,
  type SimplePollerLike,
} from "@azkit/core-lro";
import type { ArmOperationSpec, ArmParameterSpec } from "./armOperationSpec.js";
import { armScopeFor, DEFAULT_ARM_ENDPOINT } from "./armScope.js";
import type { SchemaRegistry } from "./schemaRegistry.js";

/**
 * The options of every generated management client: core-http's client options plus where ARM is
 * and how to authenticate to it, under the names both generations of `@azure/arm-*` use.
 * @public
 */
export interface ArmClientOptions extends CommonClientOptions {
  /** The ARM endpoint; default `https://management.azure.com`. */
  endpoint?: string;
  /** The ARM endpoint under its older name (`@azure/arm-*` classic clients). */
  $host?: string;
  /** The api-version to send instead of the one the client was generated for. */
  apiVersion?: string;
  /** The token scopes (`@azure/arm-*` classic name); default `<ARM audience>/.default`. */
  credentialScopes?: string | string[];
  /** The token scopes under the newer generation's name. */
  credentials?: { scopes?: string[] };
}

/**
 * The options of long-running operations: polling interval and resume token, under the names of both
 * generations of `@azure/arm-*`.
 * @public
 */
export interface ArmLroOptions extends OperationOptions {
  /** The wait between polls when the service sends no `Retry-After`, in milliseconds. */
  updateIntervalInMs?: number;
  /** A token from `poller.toString()`/`serialize()`: continue that operation instead of starting one. */
  resumeFrom?: string;
  /** The same as `resumeFrom` (newer-generation name). */
  restoreFrom?: string;
}

/**
 * What a generated client tells the runtime about itself.
 * @public
 */
export interface ArmClientInfo {
  /** The package name, for the user agent and messages (`@azkit/mgmt-resources`). */
  readonly packageName: string;
  /** The package version, for the user agent. */
  readonly packageVersion: string;
  /** The api-version the client was generated for. */
  readonly apiVersion: string;
  /** The client's named schemas. */
  readonly schemas: SchemaRegistry;
}

const CLIENT_OPTION_NAMES = ["endpoint", "$host", "apiVersion", "credentialScopes", "credentials"];
const LRO_OPTION_NAMES = ["updateIntervalInMs", "resumeFrom", "restoreFrom"];
const ANY: Schema = { type: "any" };
/**
 * The schema of a path, query or header parameter whose spec gives none: the generator leaves it
 * out only for plain, unconstrained strings, so anything but a string (an array, an object, a
 * number) is refused before a request is built, not turned into a URL segment.
 */
const PLAIN_STRING: Schema = { type: "string" };

/** What a call derives from its operation's spec alone, worked out once per spec. */
interface SpecFacts {
  /** The statuses `send` expects (HEAD adds 200, 204 and 404). */
  readonly sendStatuses: number[];
  /** The success statuses of the spec, for pages. */
  readonly statuses: number[];
  /**
   * The option names the operation defines itself: one array per spec, so core-http's cache of
   * option shapes (keyed by this array) hits instead of building the shape on every call.
   */
  readonly optionNames: readonly string[];
}

const specFacts = new WeakMap<ArmOperationSpec, SpecFacts>();

function factsOf(spec: ArmOperationSpec): SpecFacts {
  let facts = specFacts.get(spec);
  if (facts === undefined) {
    const statuses = Object.keys(spec.responses).map(Number);
    const sendStatuses = spec.method === "HEAD" ? [...statuses, 200, 204, 404] : statuses;
    const optionNames = spec.params
      .filter((p) => !p.required && !p.client && p.constant === undefined)
      .map((p) => p.name);
    if (spec.lro) optionNames.push(...LRO_OPTION_NAMES);
    facts = { sendStatuses, statuses, optionNames };
    specFacts.set(spec, facts);
  }
  return facts;
}

/**
 * The options a generated method passes on: the operation options, its optional parameters by name,
 * and for long-running operations the polling options.
 * @public
 */
export type ArmCallOptions = ArmLroOptions;

/**
 * The runtime behind every generated management client: one per client instance, shared by its
 * operation groups. Turns an {@link ArmOperationSpec} and the call's arguments into a checked request
 * (required and constraint checks, body serialized from inline JSON or model objects, before
 * anything is sent), sends it through core-http's pipeline, maps error statuses to the typed errors
 * and reads the answer: a body, a page walk, or a poller.
 *
 * @example
 * ```ts
 * const context = new ArmClientContext(credential, subscriptionId, options, { packageName, packageVersion, apiVersion, schemas });
 * const group = await context.send(getSpec, ["my-rg"], {});
 * ```
 * @public
 */
export class ArmClientContext {
  /** The core-http client every request goes through. */
  readonly client: ServiceClient;
  /** The subscription of subscription-scoped operations. */
  readonly subscriptionId: string | undefined;
  /** The api-version sent by operations that do not take one per call. */
  readonly apiVersion: string;
  /** The ARM endpoint. */
  readonly endpoint: string;
  /** The client's named schemas. */
  readonly schemas: SchemaRegistry;

  /** Resolves the client's options once; throws a TypeError naming an unknown option. */
  constructor(
    credential: TokenCredential,
    subscriptionId: string | undefined,
    options: ArmClientOptions | undefined,
    info: ArmClientInfo,
  ) {
    const opts = options ?? {};
    if (!credential || typeof (credential as TokenCredential).getToken !== "function") {
      throw new TypeError(
        `${info.packageName}: the first argument must be a TokenCredential (e.g. new DefaultAzureCredential() from @azkit/identity).`,
      );
    }
    this.endpoint = (opts.endpoint ?? opts.$host ?? DEFAULT_ARM_ENDPOINT).replace(/\/+$/, "");
    const scopes = opts.credentials?.scopes ?? opts.credentialScopes ?? armScopeFor(this.endpoint);
    this.client = new ServiceClient({
      ...opts,
      endpoint: this.endpoint,
      credential,
      credentialScopes: scopes,
      packageName: info.packageName,
      packageVersion: info.packageVersion,
      clientOptionNames: CLIENT_OPTION_NAMES,
    });
    this.subscriptionId = subscriptionId;
    this.apiVersion = opts.apiVersion ?? info.apiVersion;
    this.schemas = info.schemas;
  }

  /** The pipeline of the client, to add policies to. */
  get pipeline(): Pipeline {
    return this.client.pipeline;
  }

  /** Sends a plain operation and returns its deserialized body (`{ body: boolean }` for HEAD). */
  send(spec: ArmOperationSpec, args: readonly unknown[], options?: ArmCallOptions): Promise<unknown> {
    let request: PipelineRequest;
    try {
      request = this.buildRequest(spec, args, options);
    } catch (error) {
      return Promise.reject(error);
    }
    const expected = factsOf(spec).sendStatuses;
    if (spec.responseBody === "stream") request.streamResponseStatusCodes = new Set(expected);
    return this.client
      .sendRequest(request, this.sendOptions(spec, options, expected))
      .then((response) => this.readResponse(spec, response));
  }

  /** Lists a pageable operation: `for await` over the elements or `byPage()` over pages. */
  list(
    spec: ArmOperationSpec,
    args: readonly unknown[],
    options?: ArmCallOptions,
  ): PagedAsyncIterableIterator<unknown, unknown[], PageSettings> {
    const first = this.buildRequest(spec, args, options);
    const paging = spec.paging ?? { itemName: "value", nextLinkName: null };
    const pageSizeWire = paging.maxPageSizeParam
      ? (spec.params.find((p) => p.name === paging.maxPageSizeParam)?.wire ?? paging.maxPageSizeParam)
      : undefined;
    const sendOptions = this.sendOptions(spec, options, factsOf(spec).statuses);
    return buildArmPagedAsyncIterator<unknown>({
      firstPageLink: first.url,
      apiVersion: this.apiVersion,
      fetchPage: async (link, maxPageSize) => {
        const isFirst = link === first.url;
        let url = link;
        if (maxPageSize !== undefined && pageSizeWire !== undefined && isFirst) {
          url = withQueryParameter(link, pageSizeWire, String(maxPageSize));
        }
        const request = createPipelineRequest({
          url,
          method: isFirst ? first.method : "GET",
          headers: isFirst ? first.headers : createHttpHeaders(),
          body: isFirst ? first.body : undefined,
          operationName: spec.id,
        });
        const body = (await this.readResponse(spec, await this.client.sendRequest(request, sendOptions))) as
          | Record<string, unknown>
          | unknown[]
          | undefined;
        if (Array.isArray(body)) return { value: body };
        const value = body?.[paging.itemName] as unknown[] | undefined;
        const nextLink = paging.nextLinkName === null ? undefined : (body?.[paging.nextLinkName] as string);
        return { value, nextLink };
      },
    });
  }

  /** Starts a long-running operation; resolves to the (not thenable) poller once the service accepted it. */
  beginOperation(
    spec: ArmOperationSpec,
    args: readonly unknown[],
    options?: ArmCallOptions,
  ): Promise<SimplePollerLike<OperationState<unknown>, unknown>> {
    try {
      const [lro, pollerOptions] = this.lro(spec, args, options);
      return createHttpSimplePoller<unknown>(lro, pollerOptions);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Runs a long-running operation to its end and returns its result. */
  async beginOperationAndWait(
    spec: ArmOperationSpec,
    args: readonly unknown[],
    options?: ArmCallOptions,
  ): Promise<unknown> {
    const poller = await this.beginOperation(spec, args, options);
    return poller.pollUntilDone({ abortSignal: options?.abortSignal });
  }

  /** Starts a long-running operation and returns the awaitable poller (newer-generation plain-named methods). */
  operationPoller(
    spec: ArmOperationSpec,
    args: readonly unknown[],
    options?: ArmCallOptions,
  ): PollerLike<OperationState<unknown>, unknown> {
    let prepared: ReturnType<ArmClientContext["lro"]>;
    try {
      prepared = this.lro(spec, args, options);
    } catch (error) {
      // A bad argument fails the poller (`await poller`, `poller.catch()`), not the call, as the
      // newer-generation peers' pollers do: they serialize inside their initial send.
      return createHttpPoller<unknown>(unsentOperation(spec, error), { abortSignal: options?.abortSignal });
    }
    return createHttpPoller<unknown>(prepared[0], prepared[1]);
  }

  private lro(
    spec: ArmOperationSpec,
    args: readonly unknown[],
    options: ArmCallOptions | undefined,
  ): [RunningOperation, Parameters<typeof createHttpPoller<unknown>>[1]] {
    const initialRequest = this.buildRequest(spec, args, options);
    const sendOptions = this.sendOptions(spec, options, undefined);
    const lro = createPipelineLro({
      sendRequest: (request) => this.client.sendRequest(request, sendOptions),
      initialRequest,
    });
    const resultSchema = successSchema(spec);
    return [
      lro,
      {
        resourceLocationConfig: spec.lro?.finalStateVia,
        processResult: (body) =>
          resultSchema === undefined || body === undefined || body === null || body === ""
            ? undefined
            : deserialize(this.schema(resultSchema), body, "body"),
        intervalInMs: options?.updateIntervalInMs,
        restoreFrom: options?.resumeFrom ?? options?.restoreFrom,
        abortSignal: options?.abortSignal,
      },
    ];
  }

  private sendOptions(
    spec: ArmOperationSpec,
    options: ArmCallOptions | undefined,
    expectedStatuses: number[] | undefined,
  ): ServiceSendOptions {
    return {
      ...options,
      expectedStatuses: expectedStatuses && expectedStatuses.length > 0 ? expectedStatuses : undefined,
      operationOptionNames: factsOf(spec).optionNames,
    };
  }

  private schema(schema: Schema | string): Schema {
    return typeof schema === "string" ? this.schemas.get(schema) : schema;
  }

  /** Builds the request of an operation; throws a SerializationError (nothing sent) for a bad argument. */
  private buildRequest(
    spec: ArmOperationSpec,
    args: readonly unknown[],
    options: ArmCallOptions | undefined,
  ): PipelineRequest {
    let path = spec.path;
    const query: string[] = [];
    const headers = createHttpHeaders();
    let body: string | undefined;
    let position = 0;
    for (const param of spec.params) {
      const positional = param.required && param.client === undefined && param.constant === undefined;
      const value = positional ? args[position++] : this.argumentValue(spec, param, options);
      const fallback = param.in === "body" ? ANY : PLAIN_STRING;
      if (value === undefined || value === null) {
        if (param.required) {
          serialize(
            param.schema === undefined ? fallback : this.schema(param.schema),
            undefined as never,
            param.name,
          );
        }
        continue;
      }
      // A string where the spec gives no schema is sent as it is (what serializing it would return).
      const wireValue =
        param.schema === undefined && typeof value === "string" && param.in !== "body"
          ? value
          : serialize(
              param.schema === undefined ? fallback : this.schema(param.schema),
              value as never,
              param.name,
            );
      const wireName = param.wire ?? param.name;
      if (param.in === "body") {
        body = JSON.stringify(wireValue);
        headers.set("content-type", "application/json");
        continue;
      }
      if (param.in === "path") {
        const text = scalarText(wireValue, param.collectionFormat);
        path = path.replace(`{${wireName}}`, param.skipEncoding ? text : encodeURIComponent(text));
      } else if (param.in === "query") {
        const key = encodeURIComponent(wireName);
        if (param.collectionFormat === "multi" && Array.isArray(wireValue)) {
          for (const item of wireValue)
            query.push(`${key}=${encodeQuery(scalarText(item), param.skipEncoding)}`);
        } else {
          query.push(
            `${key}=${encodeQuery(scalarText(wireValue, param.collectionFormat), param.skipEncoding)}`,
          );
        }
      } else {
        headers.set(wireName, scalarText(wireValue, param.collectionFormat));
      }
    }
    // An id or scope that starts with "/" substituted after the path's own "/".
    path = path.replace(/^\/{2,}/, "/");
    if (spec.responseBody !== "stream" && spec.responseBody !== "text")
      headers.set("accept", "application/json");
    return createPipelineRequest({
      url: `${this.endpoint}${path}${query.length > 0 ? `?${query.join("&")}` : ""}`,
      method: spec.method,
      headers,
      body,
      operationName: spec.id,
    });
  }

  private argumentValue(
    spec: ArmOperationSpec,
    param: ArmParameterSpec,
    options: ArmCallOptions | undefined,
  ): unknown {
    if (param.client === "apiVersion") return this.apiVersion;
    if (param.client === "subscriptionId") {
      if (this.subscriptionId === undefined || this.subscriptionId === "") {
        throw new TypeError(
          `${spec.id}: this operation needs a subscription; pass subscriptionId to the client's constructor.`,
        );
      }
      return this.subscriptionId;
    }
    if (param.constant !== undefined) return param.constant;
    return (options as Record<string, unknown> | undefined)?.[param.name];
  }

  private async readResponse(spec: ArmOperationSpec, response: PipelineResponse): Promise<unknown> {
    if (spec.method === "HEAD") return { body: response.status >= 200 && response.status < 300 };
    if (spec.responseBody === "stream") {
      return { readableStreamBody: response.readableStreamBody };
    }
    const text = response.bodyAsText;
    if (text === undefined || text === null || text === "") return undefined;
    if (spec.responseBody === "text") return text;
    const schema = spec.responses[response.status];
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return text;
    }
    return schema === null || schema === undefined ? json : deserialize(this.schema(schema), json, "body");
  }
}

/** The operation of a poller whose initial request could not be built: it fails with that error, sending nothing. */
function unsentOperation(spec: ArmOperationSpec, error: unknown): RunningOperation {
  return {
    requestMethod: spec.method,
    requestUrl: spec.path,
    sendInitialRequest: () => Promise.reject(error),
    sendPollRequest: () => Promise.reject(error),
  };
}

/** The schema of the body a successful operation ends with (200 first, then 201, then others). */
function successSchema(spec: ArmOperationSpec): Schema | string | undefined {
  const statuses = Object.keys(spec.responses)
    .map(Number)
    .sort((a, b) => a - b);
  for (const status of statuses) {
    const schema = spec.responses[status];
    if (schema !== null && schema !== undefined) return schema;
  }
  return undefined;
}

const SEPARATORS = { csv: ",", ssv: " ", tsv: "\t", pipes: "|", multi: "," } as const;

function scalarText(value: unknown, collectionFormat?: ArmParameterSpec["collectionFormat"]): string {
  if (Array.isArray(value))
    return value.map((v) => scalarText(v)).join(SEPARATORS[collectionFormat ?? "csv"]);
  return typeof value === "string" ? value : JSON.stringify(value);
}

function encodeQuery(text: string, skipEncoding: boolean | undefined): string {
  return skipEncoding ? text : encodeURIComponent(text);
}

function withQueryParameter(link: string, name: string, value: string): string {
  const url = new URL(link);
  url.searchParams.set(name, value);
  return url.href;
}
