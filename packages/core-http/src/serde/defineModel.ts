import type { InferInput } from "./inferType.js";
import type { ObjectSchema } from "./schema.js";

/**
 * A model class made by {@link defineModel}: `new Sku({ name: "standard", family: "A" })` is a typed
 * value object that serializes exactly like its inline JSON twin.
 * @public
 */
export interface ModelClass<S extends ObjectSchema> {
  /** Creates a model object holding the given properties. */
  new (init: InferInput<S>): InferInput<S>;
  /** The schema the model follows. */
  readonly schema: S;
  /** The model's name (the schema's `name`). */
  readonly name: string;
}

/**
 * Makes a model class from an object schema, with no per-model code: the constructor copies the
 * given properties onto the new object; validation happens when the object is serialized (with a path
 * through whatever contains it). Use it where users construct values (`Sku`, `VaultProperties`).
 * @example
 * ```ts
 * const Sku = defineModel(SkuSchema);
 * const sku = new Sku({ name: "standard", family: "A" });
 * serialize(SkuSchema, sku); // same JSON as serialize(SkuSchema, { name: "standard", family: "A" })
 * ```
 * @public
 */
export function defineModel<const S extends ObjectSchema>(
  schema: S,
  name = schema.name ?? "Model",
): ModelClass<S> {
  const model = class {
    constructor(init: InferInput<S>) {
      if (init !== undefined && init !== null) Object.assign(this, init);
    }
  };
  Object.defineProperty(model, "name", { value: name });
  Object.defineProperty(model, "schema", { value: schema, enumerable: true });
  return model as unknown as ModelClass<S>;
}
