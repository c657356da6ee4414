import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AbortError, type AbortSignalLike } from "@azkit/core-http";
import { AuthenticationError } from "../errors/authenticationError.js";

/** What the browser brought back to the redirect URI. */
export interface RedirectResult {
  code: string;
}

/** A one-shot HTTP listener on the loopback address for the authorization code redirect. */
export interface LoopbackRedirectListener {
  /** The redirect URI to send to the authorize endpoint (`http://localhost:<port><path>`). */
  redirectUri: string;
  /** Resolves with the code of the redirect carrying `state`; rejects with the service's error. */
  waitForCode(state: string, abortSignal?: AbortSignalLike): Promise<RedirectResult>;
  close(): void;
}

/** The pages the browser shows after the redirect. */
export interface RedirectPages {
  successMessage?: string;
  errorMessage?: string;
}

/**
 * Listens on 127.0.0.1 for the redirect: the port of `redirectUri` (or any free port when it has none),
 * as Microsoft Entra ID lets public clients register `http://localhost` and use any port. Only requests
 * to the redirect path with the expected `state` count; other requests get a 404.
 */
export async function listenForRedirect(
  credentialName: string,
  redirectUri: string,
  pages: RedirectPages,
): Promise<LoopbackRedirectListener> {
  const wanted = new URL(redirectUri);
  if (wanted.protocol !== "http:" || !["localhost", "127.0.0.1"].includes(wanted.hostname)) {
    throw new TypeError(
      `${credentialName}: redirectUri must be a loopback http URI such as http://localhost (got ${wanted.origin}).`,
    );
  }
  let settle: ((result: RedirectResult | Error) => void) | undefined;
  let expectedState: string | undefined;
  const early: Array<RedirectResult | Error> = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const samePath = url.pathname === (wanted.pathname || "/");
    const state = url.searchParams.get("state");
    if (!samePath || (expectedState !== undefined && state !== expectedState)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not the sign-in redirect.");
      return;
    }
    const code = url.searchParams.get("code");
    const error = url.searchParams.get("error");
    const outcome: RedirectResult | Error = code
      ? { code }
      : new AuthenticationError(
          `${credentialName}: the sign-in failed: ${error ?? "no code"}: ${url.searchParams.get("error_description") ?? ""}`.trim(),
          {
            statusCode: 400,
            errorResponse: {
              error: error ?? "invalid_request",
              errorDescription: url.searchParams.get("error_description") ?? "",
            },
          },
        );
    const message = code
      ? (pages.successMessage ?? "Authentication complete. You can close this window.")
      : (pages.errorMessage ?? "Authentication failed. You can close this window and try again.");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", connection: "close" });
    res.end(`<!doctype html><meta charset="utf-8"><title>Sign-in</title><p>${escapeHtml(message)}</p>`);
    if (settle) settle(outcome);
    else early.push(outcome);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(wanted.port ? Number(wanted.port) : 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const path = wanted.pathname === "/" && !redirectUri.endsWith("/") ? "" : wanted.pathname;
  return {
    redirectUri: `http://localhost:${port}${path}`,
    waitForCode(state, abortSignal) {
      expectedState = state;
      return new Promise((resolve, reject) => {
        const finish = (outcome: RedirectResult | Error) => {
          abortSignal?.removeEventListener("abort", onAbort);
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        };
        const onAbort = () => finish(new AbortError(`${credentialName}: the sign-in was aborted.`));
        if (abortSignal?.aborted) return onAbort();
        abortSignal?.addEventListener("abort", onAbort);
        const first = early.shift();
        if (first) finish(first);
        else settle = finish;
      });
    },
    close() {
      server.close();
      server.closeAllConnections();
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
