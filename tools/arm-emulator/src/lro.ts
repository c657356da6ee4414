import { randomUUID } from "node:crypto";

/** A long-running operation: in progress for N polls (and a minimum time), then it completes. */
export interface Operation {
  id: string;
  status: "InProgress" | "Succeeded" | "Failed";
  startTime: string;
  endTime?: string;
  /** Polls still answered "in progress". */
  remainingPolls: number;
  /** Epoch ms before which the operation stays in progress. */
  notBefore: number;
  /** Runs once when the operation succeeds (e.g. the cascade delete of a group). */
  complete: () => void;
  /** Runs once when the operation fails (an injected `lroFailure` fault). */
  fail: (() => void) | undefined;
  /** Set when the operation is to fail, and once it has: ARM's error for it. */
  error: { code: string; message: string } | undefined;
  /** For `Azure-AsyncOperation` status URLs: subscription and namespace it belongs to. */
  scope: string;
  /** What the operation's Location URL answers once it has succeeded: a body (200) or a status alone. */
  result?: unknown;
  resultStatus?: number;
}

/** Paces long-running operations by poll count and time (tests: fast; samples: realistic). */
export class OperationTracker {
  private readonly operations = new Map<string, Operation>();

  constructor(private readonly pacing: { polls: number; minDurationInMs: number }) {}

  /**
   * Starts an operation; `complete` runs on the poll that finishes it, or `fail` when `failure`
   * says it is to fail.
   */
  start(
    scope: string,
    complete: () => void,
    failure?: { error: { code: string; message: string }; fail: () => void },
  ): Operation {
    const op: Operation = {
      id: randomUUID(),
      status: "InProgress",
      startTime: new Date().toISOString(),
      remainingPolls: this.pacing.polls,
      notBefore: Date.now() + this.pacing.minDurationInMs,
      complete,
      fail: failure?.fail,
      error: failure?.error,
      scope: scope.toLowerCase(),
    };
    this.operations.set(op.id, op);
    if (op.remainingPolls === 0 && this.pacing.minDurationInMs === 0) this.finish(op);
    return op;
  }

  /** Looks an operation up by id. */
  get(id: string): Operation | undefined {
    return this.operations.get(id);
  }

  /** Counts one poll; returns whether the operation is now done (succeeded or failed). */
  poll(op: Operation): boolean {
    if (op.status !== "InProgress") return true;
    if (op.remainingPolls > 0) {
      op.remainingPolls -= 1;
      return false;
    }
    if (Date.now() < op.notBefore) return false;
    this.finish(op);
    return true;
  }

  private finish(op: Operation): void {
    op.endTime = new Date().toISOString();
    if (op.error) {
      op.status = "Failed";
      op.fail?.();
    } else {
      op.status = "Succeeded";
      op.complete();
    }
  }

  /** Forgets every operation (state reset). */
  clear(): void {
    this.operations.clear();
  }
}
