import { createClientLogger } from "@azkit/core-logging";

const logger = createClientLogger("core-http");
const guarded = new WeakSet<object>();

/**
 * Wraps a user's progress callback so that it can never fail or crash a transfer: a throw (or a
 * rejected promise, as a `/sync` callback returns) is logged once at warning level on the
 * `core-http` logger and ignored. Progress is a report, not a part of the transfer; an exception
 * thrown from inside a socket's callback would otherwise be uncaught and end the process.
 *
 * @example
 * ```ts
 * const onProgress = guardProgressCallback(options.onProgress, "BlockBlob.upload");
 * ```
 * @public
 */
export function guardProgressCallback<T>(
  callback: ((progress: T) => unknown) | undefined,
  where: string,
): ((progress: T) => void) | undefined {
  if (callback === undefined || guarded.has(callback)) return callback as ((progress: T) => void) | undefined;
  let warned = false;
  const warn = (error: unknown): void => {
    if (warned) return;
    warned = true;
    logger.warning(
      `${where}: the progress callback failed and was ignored: ${error instanceof Error ? error.message : String(error)}`,
    );
  };
  const wrapped = (progress: T): void => {
    try {
      const result = callback(progress);
      if (
        result !== null &&
        typeof result === "object" &&
        typeof (result as PromiseLike<unknown>).then === "function"
      ) {
        (result as Promise<unknown>).then(undefined, warn);
      }
    } catch (error) {
      warn(error);
    }
  };
  guarded.add(wrapped);
  return wrapped;
}
