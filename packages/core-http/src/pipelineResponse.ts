import type { HttpHeaders } from "./httpHeaders.js";
import type { PipelineRequest } from "./pipelineRequest.js";

/**
 * The response to a {@link PipelineRequest}.
 * @public
 */
export interface PipelineResponse {
  /** The request this answers (after the policies changed it). */
  request: PipelineRequest;
  /** The HTTP status code. */
  status: number;
  /** The response headers, case-insensitive. */
  headers: HttpHeaders;
  /** The body as text, when it was read (`null` when there was none, as for HEAD). */
  bodyAsText?: string | null;
  /** The body as a stream, for statuses the request listed in `streamResponseStatusCodes`. */
  readableStreamBody?: NodeJS.ReadableStream;
}

/**
 * Sends a request and resolves with its response; what each policy calls to pass a request on.
 * @public
 */
export type SendRequest = (request: PipelineRequest) => Promise<PipelineResponse>;

/**
 * Sends requests over the network (the end of every pipeline). Pass your own in the client
 * options to replace azkit's `node:http` transport.
 * @public
 */
export interface HttpClient {
  /** Sends the request and resolves with its response; rejects for network failures only. */
  sendRequest: SendRequest;
}
