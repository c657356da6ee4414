import type { PollingStrategy, PollStep } from "../../src/index.js";

type Step = Omit<PollStep<string, { n: number }>, "context">;

/** An in-memory strategy: `start` answers `first`, each poll the next of `polls`; counts calls. */
export function scriptedStrategy(first: Step, polls: Step[], kind = "test") {
  const calls = { start: 0, poll: 0, cancel: 0 };
  const strategy: PollingStrategy<string, { n: number }> & { calls: typeof calls } = {
    kind,
    calls,
    async start() {
      calls.start++;
      return { ...first, context: { n: 0 } };
    },
    async poll(context) {
      const step = polls[calls.poll++];
      if (!step) throw new Error(`unexpected poll #${calls.poll}`);
      return { ...step, context: { n: context.n + 1 } };
    },
  };
  return strategy;
}

export const running = (percentComplete?: number): Step =>
  percentComplete === undefined ? { status: "running" } : { status: "running", percentComplete };
export const done = (result: string): Step => ({ status: "succeeded", result });
