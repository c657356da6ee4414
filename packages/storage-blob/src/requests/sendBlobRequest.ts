import type { PipelineResponse } from "@azkit/core-http";
import { contextOf, type StorageOperation } from "../clients/storageContext.js";
import type { CommonOptions } from "../models/options.js";

/** An operation on the client's own URL, unless it names another. */
export type ClientOperation = Omit<StorageOperation, "url"> & {
  url?: string;
  /** An XML request body, sent with the XML content type. */
  xmlBody?: string;
};

/**
 * Sends one operation through the context (pipeline, credential, service version) `client` was
 * built with, at `client.url` unless the operation names another URL.
 */
export function sendBlobRequest(
  client: { readonly url: string },
  operation: ClientOperation,
  options: CommonOptions,
): Promise<PipelineResponse> {
  const { xmlBody, ...op } = operation;
  const sent: StorageOperation = { ...op, url: op.url ?? client.url };
  if (xmlBody !== undefined) {
    sent.headers = { "content-type": "application/xml; charset=utf-8", ...op.headers };
    sent.body = xmlBody;
  }
  return contextOf(client).send(sent, options);
}
