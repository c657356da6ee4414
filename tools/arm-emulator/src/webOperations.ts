import { ArmError } from "./armError.js";
import { apiVersionedUrl, type ArmRequest, type ArmResponse, retryAfter, startOperation } from "./context.js";
import type { Operation } from "./lro.js";
import { methodNotAllowed } from "./resourceGroups.js";

/**
 * Starts a Microsoft.Web long-running operation and returns it with the status and headers to
 * answer: 202 with what App Service sends (the examples): `Azure-AsyncOperation` on `statusPath`
 * (+ `Location` when asked), both answered by {@link handleWebOperationResult}, and `Retry-After`;
 * or a plain 200 when the operation already succeeded (`lro.polls: 0`), the spec's other answer.
 * Store what the operation works on before starting it: a failure may remove it at once.
 */
export function startWebOperation(
  r: ArmRequest,
  sub: string,
  statusPathOf: (opId: string) => string,
  work: {
    complete: () => void;
    fail: () => void;
    error: { code: string; message: string };
    withLocation?: boolean;
  },
): { op: Operation; status: 200 | 202; headers: Record<string, string> } {
  const op = startOperation(r, `${sub}/microsoft.web`, work.complete, { error: work.error, fail: work.fail });
  const statusUrl = apiVersionedUrl(r, statusPathOf(op.id));
  const headers: Record<string, string> = { "Azure-AsyncOperation": statusUrl, ...retryAfter(r.ctx) };
  if (work.withLocation) headers.Location = statusUrl;
  if (op.status === "Succeeded") return { op, status: 200, headers: {} };
  return { op, status: 202, headers };
}

/**
 * GET of an App Service operation status URL (`.../operationresults/{id}`): 200 with `status`
 * InProgress, Succeeded or Failed (+ `error`), as ARM's Azure-AsyncOperation protocol has it.
 */
export function handleWebOperationResult(r: ArmRequest, opId: string): ArmResponse {
  if (r.method !== "GET") throw methodNotAllowed(r.method);
  const op = r.ctx.operations.get(opId);
  if (!op) throw new ArmError(404, "NotFound", `Operation '${opId}' was not found.`);
  const done = r.ctx.operations.poll(op);
  const body: Record<string, unknown> = {
    id: r.url.pathname,
    name: op.id,
    status: op.status,
    startTime: op.startTime,
  };
  if (op.endTime) body.endTime = op.endTime;
  if (op.status === "Failed") body.error = op.error;
  return { status: 200, body, headers: done ? {} : retryAfter(r.ctx), provider: "web" };
}
