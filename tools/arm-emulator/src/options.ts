import { randomBytes } from "node:crypto";
import type { FaultSpec } from "./faults.js";

/** How long-running operations behave. */
export interface LroOptions {
  /** Polls answered "in progress" before the operation completes (default 2). */
  polls?: number;
  /** Value of the `Retry-After` header on LRO responses, in seconds (default 0; samples use more). */
  retryAfterSeconds?: number;
  /** Minimum wall time an operation stays in progress, in ms, on top of the poll count (default 0). */
  minDurationInMs?: number;
  /** Also send `Azure-AsyncOperation` on vault/serverfarm/site PUT (default false). */
  asyncOperationHeader?: boolean;
}

/** Options of {@link startArmEmulator}. */
export interface ArmEmulatorOptions {
  /** TCP port; 0 picks a free one (default 0). */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Serve HTTPS with a generated self-signed certificate (default true); false serves plain HTTP. */
  https?: boolean;
  /** The one subscription that exists (default 00000000-0000-0000-0000-000000000000). */
  subscriptionId?: string;
  /** The tenant of the subscription and of the service principal. */
  tenantId?: string;
  /** Client id of the service principal the token endpoint accepts. */
  clientId?: string;
  /** Secret of that service principal (default: random per start). */
  clientSecret?: string;
  /** Client id of the managed identity served by the IMDS endpoint. */
  managedIdentityClientId?: string;
  /** Long-running operation pacing. */
  lro?: LroOptions;
  /** Items per list page before a `nextLink` (default 100). */
  pageSize?: number;
  /** Lifetime of issued access tokens, in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /** Faults armed at start (see {@link FaultSpec}). */
  faults?: FaultSpec[];
  /** JSON file that keeps state across restarts (read at start, written after each change). */
  statePath?: string;
  /** Receives one line per request (default: silent). */
  log?: (line: string) => void;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  https: boolean;
  subscriptionId: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  managedIdentityClientId: string;
  lro: Required<LroOptions>;
  pageSize: number;
  tokenLifetimeSeconds: number;
  faults: FaultSpec[];
  statePath: string | undefined;
  log: ((line: string) => void) | undefined;
}

/** Resolves options once; every default lives here. */
export function resolveOptions(options: ArmEmulatorOptions = {}): ResolvedOptions {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new RangeError("pageSize must be a positive integer");
  const polls = options.lro?.polls ?? 2;
  if (!Number.isInteger(polls) || polls < 0) throw new RangeError("lro.polls must be a non-negative integer");
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    https: options.https ?? true,
    subscriptionId: options.subscriptionId ?? "00000000-0000-0000-0000-000000000000",
    tenantId: options.tenantId ?? "88888888-8888-8888-8888-888888888888",
    clientId: options.clientId ?? "11111111-1111-1111-1111-111111111111",
    clientSecret: options.clientSecret ?? randomBytes(18).toString("base64url"),
    managedIdentityClientId: options.managedIdentityClientId ?? "22222222-2222-2222-2222-222222222222",
    lro: {
      polls,
      retryAfterSeconds: options.lro?.retryAfterSeconds ?? 0,
      minDurationInMs: options.lro?.minDurationInMs ?? 0,
      asyncOperationHeader: options.lro?.asyncOperationHeader ?? false,
    },
    pageSize,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    faults: options.faults ?? [],
    statePath: options.statePath,
    log: options.log,
  };
}
