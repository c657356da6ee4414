import type { ObjectSchema } from "../schema.js";

/**
 * The XML error body of the storage services (`<Error><Code>..</Code><Message>..</Message></Error>`),
 * open so extra elements such as `AuthenticationErrorDetail` are kept.
 * Use it with {@link parseXml} when mapping a storage error response.
 * @example
 * ```ts
 * const { code, message } = parseXml(storageErrorBodySchema, response.bodyAsText ?? "");
 * ```
 * @public
 */
export const storageErrorBodySchema = {
  type: "object",
  name: "StorageError",
  xml: { name: "Error" },
  additionalProperties: true,
  properties: {
    code: { type: "string", wireName: "Code" },
    message: { type: "string", wireName: "Message" },
  },
} as const satisfies ObjectSchema;
