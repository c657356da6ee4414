/** An ARM-shaped error: thrown by handlers, written by the server as `{ "error": { code, message } }`. */
export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  readonly details: Array<{ code: string; target?: string; message: string }> | undefined;
  /** Where ARM would have produced it: the front door ("gateway") or the resource provider. */
  readonly origin: "gateway" | "provider";

  constructor(
    status: number,
    code: string,
    message: string,
    init: {
      headers?: Record<string, string>;
      details?: Array<{ code: string; target?: string; message: string }>;
      origin?: "gateway" | "provider";
    } = {},
  ) {
    super(message);
    this.name = "ArmError";
    this.status = status;
    this.code = code;
    this.headers = init.headers ?? {};
    this.details = init.details;
    this.origin = init.origin ?? "provider";
  }

  /** The JSON body ARM sends for this error. */
  toBody(): { error: Record<string, unknown> } {
    const error: Record<string, unknown> = { code: this.code, message: this.message };
    if (this.details) error.details = this.details;
    return { error };
  }
}

/** 404 ResourceGroupNotFound, exactly as ARM words it. */
export function resourceGroupNotFound(name: string): ArmError {
  return new ArmError(404, "ResourceGroupNotFound", `Resource group '${name}' could not be found.`, {
    origin: "gateway",
  });
}

/** 404 ResourceNotFound for a resource under a group. */
export function resourceNotFound(type: string, name: string, group: string): ArmError {
  return new ArmError(
    404,
    "ResourceNotFound",
    `The Resource '${type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

/** 400 InvalidResourceLocation: a PUT names another location than the resource already has. */
export function resourceLocationConflict(
  existing: { name: string; location?: string },
  groupName: string,
  location: string,
): ArmError {
  return new ArmError(
    400,
    "InvalidResourceLocation",
    `The resource '${existing.name}' already exists in location '${existing.location}' in resource group '${groupName}'. A resource with the same name cannot be created in location '${location}'. Please select a new resource name.`,
    { origin: "gateway" },
  );
}
