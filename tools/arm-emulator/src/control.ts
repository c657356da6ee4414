import type { EmulatorContext } from "./context.js";
import type { FaultSpec } from "./faults.js";

/** The answer of a control endpoint. */
export interface ControlResponse {
  status: number;
  body?: unknown;
}

/**
 * The unauthenticated control endpoint under `/__emulator/`:
 * `GET health`, `GET|POST|DELETE faults` (POST a FaultSpec or `{ faults: [...] }`), `POST reset`.
 */
export function handleControl(
  ctx: EmulatorContext,
  method: string,
  action: string,
  body: unknown,
): ControlResponse {
  switch (`${method} ${action.toLowerCase()}`) {
    case "GET health":
      return { status: 200, body: { status: "ok" } };
    case "GET faults":
      return { status: 200, body: { faults: ctx.faults.list() } };
    case "POST faults": {
      const specs = (body as { faults?: FaultSpec[] })?.faults ?? [body as FaultSpec];
      try {
        for (const spec of specs) ctx.faults.add(spec);
      } catch (error) {
        return { status: 400, body: { error: { code: "InvalidFault", message: (error as Error).message } } };
      }
      return { status: 204 };
    }
    case "DELETE faults":
      ctx.faults.clear();
      return { status: 204 };
    case "POST reset":
      ctx.store.clear();
      ctx.operations.clear();
      ctx.faults.clear();
      ctx.seenApiVersions.clear();
      return { status: 204 };
    default:
      return {
        status: 404,
        body: { error: { code: "NotFound", message: `no control action '${method} ${action}'` } },
      };
  }
}
