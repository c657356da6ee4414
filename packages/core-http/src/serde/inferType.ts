import type { Schema } from "./schema.js";

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type WithNull<S, T> = S extends { readonly nullable: true } ? T | null : T;

type StringOf<S> = S extends { readonly enum: readonly (infer E extends string)[] }
  ? S extends { readonly extensible: true }
    ? E | (string & {})
    : E
  : string;

type NumberOf<S> = S extends { readonly enum: readonly (infer E extends number)[] } ? E : number;

type IsRequired<P> = P extends { readonly required: true } ? true : false;
type IsReadOnly<P> = P extends { readonly readOnly: true } ? true : false;

type RequiredOutputKeys<P> = { [K in keyof P]: IsRequired<P[K]> extends true ? K : never }[keyof P];
type RequiredInputKeys<P> = {
  [K in keyof P]: IsRequired<P[K]> extends true ? (IsReadOnly<P[K]> extends true ? never : K) : never;
}[keyof P];

type Extra<S, TInput extends boolean> = S extends { readonly additionalProperties: infer A }
  ? A extends true
    ? { [key: string]: unknown }
    : A extends Schema
      ? { [key: string]: unknown }
      : {}
  : {};

type ObjectOf<S, P, TInput extends boolean> = Simplify<
  {
    -readonly [K in keyof P as K extends (TInput extends true ? RequiredInputKeys<P> : RequiredOutputKeys<P>)
      ? K
      : never]: Convert<P[K], TInput>;
  } & {
    -readonly [K in keyof P as K extends (TInput extends true ? RequiredInputKeys<P> : RequiredOutputKeys<P>)
      ? never
      : K]?: Convert<P[K], TInput>;
  } & Extra<S, TInput>
>;

type PolymorphicOf<D extends string, Subs, TInput extends boolean> = {
  [V in keyof Subs & string]: Simplify<{ -readonly [K in D]: V } & Convert<Subs[V], TInput>>;
}[keyof Subs & string];

type DateIn<TInput extends boolean> = TInput extends true ? Date | string : Date;
type UnixIn<TInput extends boolean> = TInput extends true ? Date | number : Date;
type BytesIn<TInput extends boolean> = TInput extends true ? Uint8Array | string : Uint8Array;

type Base<S, TInput extends boolean> = S extends { readonly type: "string" }
  ? StringOf<S>
  : S extends { readonly type: "number" | "integer" }
    ? NumberOf<S>
    : S extends { readonly type: "boolean" }
      ? boolean
      : S extends { readonly type: "date-time" | "date" }
        ? DateIn<TInput>
        : S extends { readonly type: "unix-time" }
          ? UnixIn<TInput>
          : S extends { readonly type: "duration" }
            ? string
            : S extends { readonly type: "bytes" }
              ? BytesIn<TInput>
              : S extends { readonly type: "array"; readonly items: infer I }
                ? Convert<I, TInput>[]
                : S extends { readonly type: "dictionary"; readonly values: infer V }
                  ? { [key: string]: Convert<V, TInput> }
                  : S extends { readonly type: "object"; readonly properties: infer P }
                    ? ObjectOf<S, P, TInput>
                    : S extends {
                          readonly type: "polymorphic";
                          readonly discriminator: infer D extends string;
                          readonly subtypes: infer Subs;
                        }
                      ? PolymorphicOf<D, Subs, TInput>
                      : unknown;

type Convert<S, TInput extends boolean> = WithNull<S, Base<S, TInput>>;

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
export type Infer<S> = Convert<S, false>;

/**
 * The TypeScript type `serialize` accepts for a schema: like {@link Infer}, but read-only properties
 * are optional and dates/bytes may also be given as their wire strings (inline JSON).
 * @public
 */
export type InferInput<S> = Convert<S, true>;
