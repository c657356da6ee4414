/**
 * The class of a generated model: `new ResourceGroup({ location: "westus" })` is an object that
 * operations accept exactly like its inline JSON twin, at any depth.
 * @public
 */
export interface ModelClass<T> {
  /** Creates a model object holding the given properties (validated when an operation sends it). */
  new (init: T): T;
  /** The model's name in the service's spec. */
  readonly modelName: string;
}

/**
 * Makes the class of a generated model: a named class whose constructor copies the given properties.
 * No schema is touched here (that happens when an operation serializes the value), so defining
 * hundreds of model classes costs next to nothing at import.
 * @example
 * ```ts
 * export const ResourceGroup: ModelClass<ResourceGroup> = modelClass("ResourceGroup");
 * const group = new ResourceGroup({ location: "westus", tags: { env: "test" } });
 * ```
 * @public
 */
export function modelClass<T>(name: string): ModelClass<T> {
  const model = {
    [name]: class {
      constructor(init: T) {
        if (init !== undefined && init !== null) Object.assign(this, init);
      }
    },
  }[name]!;
  Object.defineProperty(model, "modelName", { value: name });
  return model as unknown as ModelClass<T>;
}
