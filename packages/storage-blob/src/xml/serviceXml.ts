// The service properties body, through core-http's XML mapping.
import { parseXml, stringifyXml } from "@azkit/core-http";
import type { BlobServiceProperties } from "../models/serviceProperties.js";
import { servicePropertiesSchema } from "./blobSchemas.js";

export function readServiceProperties(body: string): BlobServiceProperties {
  return parseXml(servicePropertiesSchema, body) as BlobServiceProperties;
}

export function writeServiceProperties(properties: BlobServiceProperties): string {
  return stringifyXml(servicePropertiesSchema, properties);
}
