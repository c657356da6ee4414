// The `exists`, `createIfNotExists` and `deleteIfExists` shapes: one expected error becomes an
// answer, every other error is thrown.
import { isResourceExistsError, isResourceNotFoundError } from "@azkit/core-http";
import type { BlobRequestConditions } from "../models/conditions.js";

/** What a `*IfExists` / `*IfNotExists` call reports when the expected error happened. */
export interface NotSucceeded {
  succeeded: false;
  errorCode?: string;
}

/** Whether `probe` finds the resource: true when it resolves, false on 404. */
export async function existsUnlessNotFound(probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await probe();
    return true;
  } catch (error) {
    if (isResourceNotFoundError(error)) return false;
    throw error;
  }
}

/** `{ succeeded: true, ...result }`, or `{ succeeded: false, errorCode }` when `isExpected(error)`. */
export async function succeededUnless<T extends object>(
  call: () => Promise<T>,
  isExpected: (error: unknown) => boolean,
): Promise<(T & { succeeded: true }) | NotSucceeded> {
  try {
    return { succeeded: true, ...(await call()) };
  } catch (error) {
    if (isExpected(error)) return { succeeded: false, errorCode: (error as { code?: string }).code };
    throw error;
  }
}

/** Runs `create` with `If-None-Match: *`; `{ succeeded: false }` when a blob of that name exists. */
export function createUnlessExists<T extends object, O extends { conditions?: BlobRequestConditions }>(
  create: (options: O) => Promise<T>,
  options: O,
): Promise<(T & { succeeded: true }) | NotSucceeded> {
  const conditions = { ...options.conditions, ifNoneMatch: "*" };
  return succeededUnless(() => create({ ...options, conditions }), isResourceExistsError);
}
