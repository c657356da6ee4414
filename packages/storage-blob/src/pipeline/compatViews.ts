// Live views between core-http's request/response and the older generation's WebResource /
// HttpOperationResponse, so a request policy's changes reach the wire without copying back.
import {
  createHttpHeaders,
  createPipelineRequest,
  type HttpHeaders as CoreHttpHeaders,
  type HttpMethods,
  type PipelineRequest,
  type PipelineResponse,
} from "@azkit/core-http";
import type { HttpHeaders, HttpOperationResponse, WebResource } from "./requestPolicy.js";

/** The older generation's header collection over core-http's (changes go through). */
export function toHttpHeadersLike(headers: CoreHttpHeaders): HttpHeaders {
  const raw = (): Record<string, string> => headers.toJSON();
  return {
    set: (name, value) => headers.set(name, value),
    get: (name) => headers.get(name),
    contains: (name) => headers.has(name),
    remove: (name) => {
      const had = headers.has(name);
      headers.delete(name);
      return had;
    },
    rawHeaders: raw,
    headersArray: () => Object.entries(raw()).map(([name, value]) => ({ name, value })),
    headerNames: () => Object.keys(raw()),
    headerValues: () => Object.values(raw()),
    clone: () => toHttpHeadersLike(createHttpHeaders(raw())),
    toJson: (options) => headers.toJSON(options),
  };
}

const requests = new WeakMap<WebResource, PipelineRequest>();

/** The `WebResource` fields that are core-http request fields of the same name and type. */
const REQUEST_FIELDS = [
  "url",
  "body",
  "streamResponseStatusCodes",
  "timeout",
  "requestId",
  "abortSignal",
  "onUploadProgress",
  "onDownloadProgress",
] as const satisfies ReadonlyArray<keyof WebResource & keyof PipelineRequest>;

type RequestFields = Pick<PipelineRequest, (typeof REQUEST_FIELDS)[number]>;

/** Adds `REQUEST_FIELDS` to `view` as accessors that read and write `request`'s own. */
function withRequestFields<T extends object>(view: T, request: PipelineRequest): T & RequestFields {
  for (const key of REQUEST_FIELDS) {
    Object.defineProperty(view, key, {
      get: () => request[key],
      set: (value: unknown) => {
        (request as Record<typeof key, unknown>)[key] = value;
      },
      enumerable: true,
      configurable: true,
    });
  }
  return view as T & RequestFields;
}

/** A `WebResource` whose fields read and write `request`'s. */
export function toWebResource(request: PipelineRequest): WebResource {
  const view: WebResource = withRequestFields(
    {
      get method() {
        return request.method;
      },
      set method(value: string) {
        request.method = value.toUpperCase() as HttpMethods;
      },
      headers: toHttpHeadersLike(request.headers),
      withCredentials: false,
      clone: () => toWebResource(clonePipelineRequest(request)),
    },
    request,
  );
  requests.set(view, request);
  return view;
}

/** The core-http request behind a `WebResource` (or a new one built from a foreign object). */
export function toPipelineRequest(resource: WebResource, template?: PipelineRequest): PipelineRequest {
  const known = requests.get(resource);
  if (known) return known;
  const request = template ? clonePipelineRequest(template) : createPipelineRequest({ url: resource.url });
  request.url = resource.url;
  request.method = resource.method.toUpperCase() as HttpMethods;
  request.body = resource.body;
  request.headers = createHttpHeaders(resource.headers.rawHeaders());
  request.timeout = resource.timeout ?? 0;
  request.abortSignal = resource.abortSignal;
  if (resource.requestId) request.requestId = resource.requestId;
  return request;
}

function clonePipelineRequest(request: PipelineRequest): PipelineRequest {
  return { ...request, headers: createHttpHeaders(request.headers.toJSON({ preserveCase: true })) };
}

const responses = new WeakMap<HttpOperationResponse, PipelineResponse>();

/** An `HttpOperationResponse` over core-http's response. */
export function toHttpOperationResponse(
  response: PipelineResponse,
  request: WebResource,
): HttpOperationResponse {
  const view: HttpOperationResponse = {
    request,
    status: response.status,
    headers: toHttpHeadersLike(response.headers),
    bodyAsText: response.bodyAsText,
    readableStreamBody: response.readableStreamBody,
  };
  responses.set(view, response);
  return view;
}

/** The core-http response for what a policy returned, with the policy's changes applied. */
export function toPipelineResponse(
  response: HttpOperationResponse,
  request: PipelineRequest,
): PipelineResponse {
  const original = responses.get(response);
  const headers = original?.headers ?? createHttpHeaders(response.headers.rawHeaders());
  return {
    ...(original ?? {}),
    request: original?.request ?? request,
    status: response.status,
    headers,
    bodyAsText: response.bodyAsText,
    readableStreamBody: response.readableStreamBody,
  };
}
