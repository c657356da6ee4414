import type { HttpClient, PipelineResponse, SendRequest } from "./pipelineResponse.js";
import type { PipelineRequest } from "./pipelineRequest.js";

/**
 * A step of the pipeline: it may change the request, call `next`, and look at or replace the
 * response. Made by an `xxxPolicy(options)` factory.
 * @public
 */
export interface PipelinePolicy {
  /** A unique name; other policies order themselves against it. */
  name: string;
  /** Handles one request; call `next(request)` to pass it on. */
  sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse>;
}

/**
 * The phases a pipeline runs in order: Serialize, (policies without a phase), Deserialize, Retry,
 * Sign. Policies inside Retry run once per attempt.
 * @public
 */
export type PipelinePhase = "Deserialize" | "Serialize" | "Retry" | "Sign";

/**
 * Where {@link Pipeline.addPolicy} places a policy.
 * @public
 */
export interface AddPolicyOptions {
  /** The phase the policy belongs to. */
  phase?: PipelinePhase;
  /** For a policy without a phase: run after every policy of this phase. */
  afterPhase?: PipelinePhase;
  /** Names of policies this one must run before (missing names are ignored). */
  beforePolicies?: string[];
  /** Names of policies this one must run after (missing names are ignored). */
  afterPolicies?: string[];
}

/**
 * An ordered set of policies that ends in an {@link HttpClient}.
 * @public
 */
export interface Pipeline {
  /** Adds a policy; throws when the name is taken or `phase` and `afterPhase` are both given. */
  addPolicy(policy: PipelinePolicy, options?: AddPolicyOptions): void;
  /** Removes the policies with this name and/or phase; returns what it removed. */
  removePolicy(options: { name?: string; phase?: PipelinePhase }): PipelinePolicy[];
  /** Sends a request through the policies and then `httpClient`. */
  sendRequest(httpClient: HttpClient, request: PipelineRequest): Promise<PipelineResponse>;
  /** The policies in the order a request meets them; throws on cyclic or conflicting constraints. */
  getOrderedPolicies(): PipelinePolicy[];
  /** A copy that can change without changing this one. */
  clone(): Pipeline;
}

interface PolicyEntry {
  policy: PipelinePolicy;
  options: AddPolicyOptions;
}

const PHASES: readonly (PipelinePhase | undefined)[] = [
  "Serialize",
  undefined,
  "Deserialize",
  "Retry",
  "Sign",
];

/** Sort key: phases at even ranks, "right after phase X" at the odd rank that follows it. */
function rankOf(options: AddPolicyOptions): number {
  if (options.phase) return 2 * PHASES.indexOf(options.phase);
  if (options.afterPhase && options.afterPhase !== "Serialize")
    return 2 * PHASES.indexOf(options.afterPhase) + 1;
  return 2;
}

function describe(entry: PolicyEntry): string {
  const { phase, afterPhase } = entry.options;
  return `"${entry.policy.name}" (${phase ? `phase ${phase}` : afterPhase ? `after phase ${afterPhase}` : "no phase"})`;
}

class PipelineImpl implements Pipeline {
  private entries: PolicyEntry[];
  private ordered: PipelinePolicy[] | undefined;
  private chainClient: HttpClient | undefined;
  private chain: SendRequest | undefined;

  constructor(entries: PolicyEntry[] = []) {
    this.entries = entries;
  }

  addPolicy(policy: PipelinePolicy, options: AddPolicyOptions = {}): void {
    if (options.phase && options.afterPhase) {
      throw new Error(`addPolicy("${policy.name}"): a policy inside a phase cannot also set afterPhase.`);
    }
    if (this.entries.some((e) => e.policy.name === policy.name)) {
      throw new Error(`addPolicy: a policy named "${policy.name}" is already in the pipeline.`);
    }
    this.entries.push({ policy, options: { ...options } });
    this.invalidate();
  }

  removePolicy(options: { name?: string; phase?: PipelinePhase }): PipelinePolicy[] {
    const removed: PipelinePolicy[] = [];
    this.entries = this.entries.filter((entry) => {
      const matches =
        (options.name !== undefined && entry.policy.name === options.name) ||
        (options.phase !== undefined && entry.options.phase === options.phase);
      if (matches) removed.push(entry.policy);
      return !matches;
    });
    this.invalidate();
    return removed;
  }

  sendRequest(httpClient: HttpClient, request: PipelineRequest): Promise<PipelineResponse> {
    if (this.chain === undefined || this.chainClient !== httpClient) {
      // Built once per (pipeline, client) so sending allocates no closures per request.
      const policies = this.getOrderedPolicies();
      let next: SendRequest = (req) => httpClient.sendRequest(req);
      for (let i = policies.length - 1; i >= 0; i--) {
        const policy = policies[i]!;
        const inner = next;
        next = (req) => policy.sendRequest(req, inner);
      }
      this.chain = next;
      this.chainClient = httpClient;
    }
    return this.chain(request);
  }

  getOrderedPolicies(): PipelinePolicy[] {
    this.ordered ??= orderPolicies(this.entries);
    return this.ordered.slice();
  }

  clone(): Pipeline {
    return new PipelineImpl(this.entries.map((e) => ({ policy: e.policy, options: { ...e.options } })));
  }

  private invalidate(): void {
    this.ordered = undefined;
    this.chain = undefined;
    this.chainClient = undefined;
  }
}

/**
 * Kahn's topological sort over the before/after constraints, taking the eligible policy with the
 * lowest (phase rank, insertion index) at each step; a constraint that would pull a policy out of
 * its phase is a conflict, reported like a cycle.
 */
function orderPolicies(entries: PolicyEntry[]): PipelinePolicy[] {
  const byName = new Map(entries.map((e, i) => [e.policy.name, i]));
  const predecessors = entries.map(() => new Set<number>());
  entries.forEach((entry, i) => {
    for (const name of entry.options.afterPolicies ?? []) {
      const j = byName.get(name);
      if (j !== undefined && j !== i) predecessors[i]!.add(j);
    }
    for (const name of entry.options.beforePolicies ?? []) {
      const j = byName.get(name);
      if (j !== undefined && j !== i) predecessors[j]!.add(i);
    }
  });
  const ranks = entries.map((e) => rankOf(e.options));
  const done = new Set<number>();
  const result: number[] = [];
  while (done.size < entries.length) {
    let pick = -1;
    for (let i = 0; i < entries.length; i++) {
      if (done.has(i)) continue;
      if ([...predecessors[i]!].some((p) => !done.has(p))) continue;
      if (pick === -1 || ranks[i]! < ranks[pick]!) pick = i;
    }
    if (pick === -1) {
      const stuck = entries.filter((_, i) => !done.has(i)).map(describe);
      throw new Error(`Pipeline: cyclic policy order among ${stuck.join(", ")}.`);
    }
    const previous = result.at(-1);
    if (previous !== undefined && ranks[previous]! > ranks[pick]!) {
      throw new Error(
        `Pipeline: ${describe(entries[previous]!)} is constrained to run before ${describe(entries[pick]!)}, which its phase forbids.`,
      );
    }
    done.add(pick);
    result.push(pick);
  }
  return result.map((i) => entries[i]!.policy);
}

/**
 * Creates a pipeline without policies.
 *
 * @example
 * ```ts
 * const pipeline = createEmptyPipeline();
 * pipeline.addPolicy({ name: "stamp", sendRequest: (req, next) => { req.headers.set("x-stamp", "1"); return next(req); } });
 * ```
 * @public
 */
export function createEmptyPipeline(): Pipeline {
  return new PipelineImpl();
}
