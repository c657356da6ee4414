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

/** A `WebResource` whose fields read and write `request`'s. */
export function toWebResource(request: PipelineRequest): WebResource {
  const view: WebResource = {
    get url() {
      return request.url;
    },
    set url(value) {
      request.url = value;
    },
    get method() {
      return request.method;
    },
    set method(value) {
      request.method = value.toUpperCase() as HttpMethods;
    },
    get body() {
      return request.body;
    },
    set body(value) {
      request.body = value;
    },
    headers: toHttpHeadersLike(request.headers),
    get streamResponseStatusCodes() {
      return request.streamResponseStatusCodes;
    },
    set streamResponseStatusCodes(value) {
      request.streamResponseStatusCodes = value;
    },
    get timeout() {
      return request.timeout;
    },
    set timeout(value) {
      request.timeout = value;
    },
    get requestId() {
      return request.requestId;
    },
    set requestId(value) {
      request.requestId = value;
    },
    get abortSignal() {
      return request.abortSignal;
    },
    set abortSignal(value) {
      request.abortSignal = value;
    },
    withCredentials: false,
    get onUploadProgress() {
      return request.onUploadProgress;
    },
    set onUploadProgress(value) {
      request.onUploadProgress = value;
    },
    get onDownloadProgress() {
      return request.onDownloadProgress;
    },
    set onDownloadProgress(value) {
      request.onDownloadProgress = value;
    },
    clone: () => toWebResource(clonePipelineRequest(request)),
  };
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
