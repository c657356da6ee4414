/** The four statuses a strategy step can have. */
export type StepStatus = "running" | "succeeded" | "failed" | "canceled";

/**
 * Maps an ARM status string (`status` of a status monitor, or `provisioningState`) to a step
 * status: Succeeded/Failed/Canceled in any case are terminal, any other value means running, and
 * a missing value means succeeded (the ARM rule: no provisioningState = finished successfully).
 */
export function toStepStatus(value: unknown): StepStatus {
  if (value === undefined || value === null || value === "") return "succeeded";
  switch (String(value).toLowerCase()) {
    case "succeeded":
      return "succeeded";
    case "failed":
      return "failed";
    case "canceled":
    case "cancelled":
      return "canceled";
    default:
      return "running";
  }
}

/** `properties.provisioningState` of a resource body (or a top-level `provisioningState`), if any. */
export function readProvisioningState(body: unknown): unknown {
  if (!isRecord(body)) return undefined;
  const properties = body.properties;
  if (isRecord(properties) && properties.provisioningState !== undefined) return properties.provisioningState;
  return body.provisioningState;
}

/** `percentComplete` of a status monitor body when it is a number. */
export function readPercentComplete(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  const value = body.percentComplete;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The `error` object ARM puts in failed status bodies and error responses. */
export interface ArmErrorBody {
  code?: string;
  message?: string;
  [key: string]: unknown;
}

/** `body.error` (or `body.properties.error`) when it looks like an ARM error. */
export function readArmError(body: unknown): ArmErrorBody | undefined {
  if (!isRecord(body)) return undefined;
  const candidate = isRecord(body.error)
    ? body.error
    : isRecord(body.properties)
      ? body.properties.error
      : undefined;
  return isRecord(candidate) ? (candidate as ArmErrorBody) : undefined;
}

/** Whether `value` is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
