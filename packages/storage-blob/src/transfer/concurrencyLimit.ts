// A counting semaphore: the one place transfers bound how many blocks/ranges are in flight
// (and so how much memory they hold).

/** The most transfers run at once (each holds a socket and, for uploads, a block of memory). */
export const MAX_CONCURRENCY = 1024;

/** Checks a `concurrency` option: an integer in [1, MAX_CONCURRENCY]. */
export function validateConcurrency(concurrency: number, where: string): void {
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new RangeError(
      `${where}: concurrency must be an integer in [1, ${MAX_CONCURRENCY}]; got ${concurrency}.`,
    );
  }
}

export class ConcurrencyLimit {
  #free: number;
  readonly #waiting: Array<() => void> = [];

  constructor(slots: number) {
    if (!Number.isInteger(slots) || slots < 1)
      throw new RangeError(`concurrency must be an integer >= 1, got ${slots}`);
    this.#free = slots;
  }

  /** Resolves once a slot is free; pair every acquire with one release. */
  async acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

/**
 * Runs `task(i)` for i in [0, count) with at most `concurrency` at once; the first failure stops
 * new tasks from starting and is thrown once the running ones settle.
 */
export async function runInParallel(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure) throw failure.error;
}
