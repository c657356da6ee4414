import type { Schema } from "./schema.js";

// Both types are written as one self-referencing expression each (no helper aliases) so the public
// API report needs no extra exported names.

/**
 * The TypeScript type of a value described by a schema, as `deserialize` returns it (dates as `Date`,
 * bytes as `Uint8Array`, optional properties optional).
 * @example
 * ```ts
 * const SkuSchema = s.object({ family: s.required(s.enum(["A"])), name: s.required(s.enum(["standard", "premium"])) });
 * type Sku = Infer<typeof SkuSchema>; // { family: "A"; name: "standard" | "premium" }
 * ```
 * @public
 */
export type Infer<S> =
  | (S extends { readonly nullable: true } ? null : never)
  | (S extends { readonly type: "string" }
      ? S extends { readonly enum: readonly (infer E extends string)[] }
        ? S extends { readonly extensible: true }
          ? E | (string & {})
          : E
        : string
      : S extends { readonly type: "number" | "integer" }
        ? S extends { readonly enum: readonly (infer E extends number)[] }
          ? E
          : number
        : S extends { readonly type: "boolean" }
          ? boolean
          : S extends { readonly type: "date-time" | "date" | "unix-time" }
            ? Date
            : S extends { readonly type: "duration" }
              ? string
              : S extends { readonly type: "bytes" }
                ? Uint8Array
                : S extends { readonly type: "array"; readonly items: infer I }
                  ? Infer<I>[]
                  : S extends { readonly type: "dictionary"; readonly values: infer V }
                    ? { [key: string]: Infer<V> }
                    : S extends { readonly type: "object"; readonly properties: infer P }
                      ? {
                          -readonly [K in keyof P as P[K] extends { readonly required: true }
                            ? K
                            : never]: Infer<P[K]>;
                        } & {
                          -readonly [K in keyof P as P[K] extends { readonly required: true }
                            ? never
                            : K]?: Infer<P[K]>;
                        } & (S extends { readonly additionalProperties: true | Schema }
                            ? { [key: string]: unknown }
                            : {}) extends infer O
                        ? { [K in keyof O]: O[K] }
                        : never
                      : S extends {
                            readonly type: "polymorphic";
                            readonly discriminator: infer D extends string;
                            readonly subtypes: infer Subs;
                          }
                        ? {
                            [V in keyof Subs & string]: { -readonly [K in D]: V } & Infer<
                              Subs[V]
                            > extends infer O
                              ? { [K in keyof O]: O[K] }
                              : never;
                          }[keyof Subs & string]
                        : unknown);

/**
 * The TypeScript type `serialize` accepts for a schema: like {@link Infer}, but read-only properties
 * are optional, dates, bytes and unix times may also be given in their wire form (inline JSON), and
 * dictionaries as a `Map`.
 * @public
 */
export type InferInput<S> =
  | (S extends { readonly nullable: true } ? null : never)
  | (S extends { readonly type: "string" }
      ? S extends { readonly enum: readonly (infer E extends string)[] }
        ? S extends { readonly extensible: true }
          ? E | (string & {})
          : E
        : string
      : S extends { readonly type: "number" | "integer" }
        ? S extends { readonly enum: readonly (infer E extends number)[] }
          ? E
          : number
        : S extends { readonly type: "boolean" }
          ? boolean
          : S extends { readonly type: "date-time" | "date" }
            ? Date | string
            : S extends { readonly type: "unix-time" }
              ? Date | number
              : S extends { readonly type: "duration" }
                ? string
                : S extends { readonly type: "bytes" }
                  ? Uint8Array | string
                  : S extends { readonly type: "array"; readonly items: infer I }
                    ? InferInput<I>[]
                    : S extends { readonly type: "dictionary"; readonly values: infer V }
                      ? { [key: string]: InferInput<V> } | ReadonlyMap<string, InferInput<V>>
                      : S extends { readonly type: "object"; readonly properties: infer P }
                        ? {
                            -readonly [K in keyof P as P[K] extends { readonly required: true }
                              ? P[K] extends { readonly readOnly: true }
                                ? never
                                : K
                              : never]: InferInput<P[K]>;
                          } & {
                            -readonly [K in keyof P as P[K] extends { readonly required: true }
                              ? P[K] extends { readonly readOnly: true }
                                ? K
                                : never
                              : K]?: InferInput<P[K]>;
                          } & (S extends { readonly additionalProperties: true | Schema }
                              ? { [key: string]: unknown }
                              : {}) extends infer O
                          ? { [K in keyof O]: O[K] }
                          : never
                        : S extends {
                              readonly type: "polymorphic";
                              readonly discriminator: infer D extends string;
                              readonly subtypes: infer Subs;
                            }
                          ? {
                              [V in keyof Subs & string]: { -readonly [K in D]: V } & InferInput<
                                Subs[V]
                              > extends infer O
                                ? { [K in keyof O]: O[K] }
                                : never;
                            }[keyof Subs & string]
                          : unknown);
