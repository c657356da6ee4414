import type { PipelineResponse } from "@azkit/core-http";
import { contextOf, type StorageOperation } from "../clients/storageContext.js";
import type { CommonOptions } from "../models/options.js";

/** An operation on the client's own URL, unless it names another. */
export type ClientOperation = StorageOperation;

/**
 * Sends one operation through the context (pipeline, credential, service version) `client` was
 * built with, at `client.url` unless the operation names another URL.
 */
export function sendBlobRequest(
  client: { readonly url: string },
  operation: ClientOperation,
  options: CommonOptions,
): Promise<PipelineResponse> {
  return contextOf(client).send(operation, options, client.url);
}
