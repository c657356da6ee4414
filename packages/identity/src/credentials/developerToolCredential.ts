import type { AccessToken, GetTokenOptions } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";
import { CredentialUnavailableError } from "../errors/credentialUnavailableError.js";
import { checkTenantId, resolveTenant } from "../http/entraAuthority.js";
import { normalizeScopes, TokenCache } from "../tokenCache.js";
import { firstLine, runDeveloperTool, type ToolFailure, toolAborted } from "./developerToolProcess.js";

/** What a developer tool's failures mean, so the credential can tell the user what to do. */
export interface DeveloperTool {
  /** The credential's name, which starts every message. */
  credentialName: string;
  /** The tool's name in messages ("az", "azd", "PowerShell"). */
  toolName: string;
  /** Said when the tool is not installed. */
  notFound: string;
  /** Error output that also means the tool is not installed (a shell's "not recognized"). */
  notFoundInStderr?: RegExp;
  /** Error output that means the user has to do something first (log in, install a module), in order. */
  userActions: ReadonlyArray<{ when: (stderr: string) => boolean; message: string }>;
  /** Any other failure: unavailable (the chain tries the next credential) unless the tool says otherwise. */
  otherFailure?: "unavailable" | "authentication";
}

/** The options every developer tool credential takes. */
export interface DeveloperToolOptions {
  tenantId?: string;
  additionallyAllowedTenants?: string[];
  processTimeoutInMs?: number;
}

/** How to start the tool: the files to try in order (the next one only when a file is missing). */
export interface ToolInvocation {
  files: readonly string[];
  args: string[];
  windowsCmd?: boolean;
  cwd?: string;
}

/**
 * The part az, azd and PowerShell credentials share: the tenant they ask for, the token cache, and
 * running the tool with its failures turned into errors that say what to do.
 */
export class DeveloperToolSession {
  readonly #tool: DeveloperTool;
  readonly #tenantId: string | undefined;
  readonly #allowedTenants: readonly string[];
  readonly #cache: TokenCache;
  /** How long the tool may run before it is stopped and the credential reported unavailable. */
  readonly timeoutInMs: number;

  constructor(
    tool: DeveloperTool,
    options: DeveloperToolOptions,
    requestToken: (scopes: string[], options: GetTokenOptions) => Promise<AccessToken>,
  ) {
    this.#tool = tool;
    this.#tenantId = options.tenantId ? checkTenantId(tool.credentialName, options.tenantId) : undefined;
    this.#allowedTenants = options.additionallyAllowedTenants ?? [];
    this.timeoutInMs = options.processTimeoutInMs ?? 10_000;
    this.#cache = new TokenCache(requestToken);
  }

  getToken(scopes: string | string[], options: GetTokenOptions): Promise<AccessToken> {
    return this.#cache.getToken(normalizeScopes(this.#tool.credentialName, scopes), options);
  }

  clear(): void {
    this.#cache.clear();
  }

  /** The tenant to ask the tool for: the request's (if allowed) or the configured one, or the tool's default. */
  tenantFor(options: GetTokenOptions): string | undefined {
    if (this.#tenantId === undefined && options.tenantId === undefined) return undefined;
    return resolveTenant(
      this.#tool.credentialName,
      this.#tenantId ?? options.tenantId!,
      options.tenantId,
      this.#allowedTenants,
    );
  }

  /** Runs the tool and resolves with what it printed; rejects with an error that says what to do. */
  async run(invocation: ToolInvocation, options: GetTokenOptions): Promise<string> {
    let lastFailure: ToolFailure | undefined;
    for (const file of invocation.files) {
      try {
        const { stdout } = await runDeveloperTool(
          file,
          invocation.args,
          this.timeoutInMs,
          options.abortSignal,
          { windowsCmd: invocation.windowsCmd, cwd: invocation.cwd },
        );
        return stdout;
      } catch (failure) {
        if (!isToolFailure(failure)) throw failure;
        lastFailure = failure;
        if (lastFailure.error.code !== "ENOENT") break;
      }
    }
    throw this.#toError(lastFailure!);
  }

  /** The tool's output as JSON. */
  parseJson<T>(stdout: string): T {
    try {
      return JSON.parse(stdout) as T;
    } catch {
      throw new AuthenticationError(
        `${this.#tool.credentialName}: ${this.#tool.toolName} printed something other than JSON.`,
      );
    }
  }

  #toError({ error, stderr, aborted }: ToolFailure): Error {
    const { credentialName: name, toolName } = this.#tool;
    if (aborted) return toolAborted(name);
    if (error.code === "ENOENT" || this.#tool.notFoundInStderr?.test(stderr)) {
      return new CredentialUnavailableError(`${name}: ${this.#tool.notFound}`);
    }
    if (error.killed) {
      return new CredentialUnavailableError(
        `${name}: ${toolName} did not answer within ${this.timeoutInMs} ms.`,
      );
    }
    const action = this.#tool.userActions.find(({ when }) => when(stderr));
    if (action) return new CredentialUnavailableError(`${name}: ${action.message}`);
    const message = `${name}: ${toolName} failed: ${firstLine(stderr, `exit code ${String(error.code)}`)}`;
    return this.#tool.otherFailure === "authentication"
      ? new AuthenticationError(message)
      : new CredentialUnavailableError(message);
  }
}

function isToolFailure(value: unknown): value is ToolFailure {
  return typeof value === "object" && value !== null && "error" in value && "stderr" in value;
}
