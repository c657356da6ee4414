import type { PipelineRequest } from "../pipelineRequest.js";

/**
 * Whether `request` can be sent again with the same body: strings, bytes and stream factories
 * (`() => Readable`) can; a bare stream was consumed by the first attempt. One rule for every
 * policy that sends a request twice (retry, the bearer policy answering a 401 challenge), so a new
 * body kind cannot become re-sendable in one and not in the other.
 */
export function canResendBody(request: PipelineRequest): boolean {
  const body = request.body;
  return (
    body === undefined || typeof body === "string" || typeof body === "function" || body instanceof Uint8Array
  );
}
