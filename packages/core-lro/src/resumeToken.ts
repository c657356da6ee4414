import { isTerminalStatus, type OperationState, type OperationStatus } from "./operationState.js";

/** The resume token format version; bump it when the shape changes, and keep reading the old one. */
export const RESUME_TOKEN_VERSION = 1;

/** What `serialize()` writes: a JSON object with a version, the strategy kind and its context. */
export interface ResumeTokenContents {
  azkitLro: number;
  kind: string;
  status: OperationStatus;
  context: unknown;
  percentComplete?: number;
  result?: unknown;
  error?: { name: string; message: string; code?: string };
}

/** Writes the token for a poller of strategy `kind` in `state` with strategy `context`. */
export function writeResumeToken(kind: string, state: OperationState<unknown>, context: unknown): string {
  const contents: ResumeTokenContents = {
    azkitLro: RESUME_TOKEN_VERSION,
    kind,
    status: state.status,
    context,
  };
  if (state.percentComplete !== undefined) contents.percentComplete = state.percentComplete;
  if (state.status === "succeeded" && state.result !== undefined) contents.result = state.result;
  if (state.error) {
    const code = (state.error as { code?: unknown }).code;
    contents.error = { name: state.error.name, message: state.error.message };
    if (typeof code === "string") contents.error.code = code;
  }
  return JSON.stringify(contents);
}

/** Reads a token written by {@link writeResumeToken}; throws a `TypeError` naming what is wrong. */
export function readResumeToken(token: string, kind: string): ResumeTokenContents {
  let parsed: unknown;
  try {
    parsed = JSON.parse(token);
  } catch {
    throw new TypeError("restoreFrom: expected a token from poller.serialize(), got text that is not JSON.");
  }
  const contents = parsed as Partial<ResumeTokenContents> | null;
  if (typeof contents !== "object" || contents === null || typeof contents.azkitLro !== "number") {
    throw new TypeError("restoreFrom: expected a token from poller.serialize(), got JSON without a version.");
  }
  if (contents.azkitLro > RESUME_TOKEN_VERSION) {
    throw new TypeError(
      `restoreFrom: the token has format version ${contents.azkitLro}; this @azkit/core-lro reads up to ${RESUME_TOKEN_VERSION}. Upgrade @azkit/core-lro.`,
    );
  }
  if (contents.kind !== kind) {
    throw new TypeError(
      `restoreFrom: the token belongs to a "${String(contents.kind)}" operation, not to this "${kind}" one.`,
    );
  }
  const status = contents.status;
  if (status !== "running" && (status === undefined || !isTerminalStatus(status))) {
    throw new TypeError(`restoreFrom: the token has an unknown status ${JSON.stringify(status)}.`);
  }
  return contents as ResumeTokenContents;
}
