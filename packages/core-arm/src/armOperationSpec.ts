import type { HttpMethods, Schema } from "@azkit/core-http";
import type { ResourceLocationConfig } from "@azkit/core-lro";

/**
 * One parameter of a generated operation: where it goes on the wire and how it is checked.
 * Required parameters that are neither client-level nor constant are the method's positional
 * arguments, in this order; the others are read from the options bag by `name`.
 * @public
 */
export interface ArmParameterSpec {
  /** The name in code (argument or option name). */
  readonly name: string;
  /** The name on the wire, when it differs from `name` (`api-version`, `$filter`). */
  readonly wire?: string;
  /** Where the value goes. */
  readonly in: "path" | "query" | "header" | "body";
  /** The value must be given. */
  readonly required?: boolean;
  /** The value comes from the client, not from the call. */
  readonly client?: "subscriptionId" | "apiVersion";
  /** The schema the value must fit (constraints, wire format); a string names a schema of the registry. */
  readonly schema?: Schema | string;
  /** The value is put in the path as is (an ARM id or scope, whose slashes are part of the path). */
  readonly skipEncoding?: boolean;
  /** The value is always this (a single-value enum in the spec). */
  readonly constant?: string | number | boolean;
  /** How an array is written in a query or header (`csv` joins with commas; `multi` repeats the parameter). */
  readonly collectionFormat?: "csv" | "ssv" | "tsv" | "pipes" | "multi";
}

/**
 * What a generated operation is, as data: the generated method passes it, with its arguments, to
 * the {@link ArmClientContext}, which builds, checks, sends and reads the request.
 * @public
 */
export interface ArmOperationSpec {
  /** The spec's operationId, used in error messages and logs (`ResourceGroups_CreateOrUpdate`). */
  readonly id: string;
  /** The HTTP method. */
  readonly method: HttpMethods;
  /** The path template, with `{wireName}` placeholders. */
  readonly path: string;
  /** The parameters, positional ones first in argument order. */
  readonly params: readonly ArmParameterSpec[];
  /** The success statuses and the schema of their body (a registry name, an inline schema, or null for none). */
  readonly responses: Readonly<Record<number, Schema | string | null>>;
  /** A long-running operation, with the spec's `final-state-via`. */
  readonly lro?: { readonly finalStateVia?: ResourceLocationConfig };
  /** A pageable operation: the code names of the elements and next-link properties, and the page-size parameter. */
  readonly paging?: {
    readonly itemName: string;
    readonly nextLinkName: string | null;
    readonly maxPageSizeParam?: string;
  };
  /** How the success body is read: JSON (default), a stream (files, zips) or text (XML). */
  readonly responseBody?: "json" | "stream" | "text";
}
