import type { Schema } from "./schema.js";
import type { SerdeContext } from "./serdeContext.js";

/** @internal A schema turned into the two functions that walk values of it; built once per schema object. */
export interface CompiledSchema {
  readonly schema: Schema;
  /** Code value -> wire JSON value; records problems on the context and returns undefined for bad parts. */
  ser(value: unknown, ctx: SerdeContext): unknown;
  /** Wire JSON value -> code value; tolerant of additions, strict on the types relied on. */
  de(wire: unknown, ctx: SerdeContext): unknown;
  /** What the schema expects, for error messages (built on first use). */
  expected(): string;
}

/** @internal Compiles (or returns the cached compilation of) a schema. */
export type Compile = (schema: Schema) => CompiledSchema;

/** @internal One property of a compiled object schema. */
export interface CompiledProperty {
  /** The property name in code. */
  readonly name: string;
  /** The wire path: one name, or several for flattened properties. */
  readonly wirePath: readonly string[];
  /** The first step of the wire path. */
  readonly wireName: string;
  readonly required: boolean;
  readonly readOnly: boolean;
  /** Null is kept (the schema is nullable or `any`). */
  readonly nullable: boolean;
  readonly node: CompiledSchema;
}

/** @internal The two walkers of a compiled schema. */
export interface Walkers {
  ser(value: unknown, ctx: SerdeContext): unknown;
  de(wire: unknown, ctx: SerdeContext): unknown;
}
