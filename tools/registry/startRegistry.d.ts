/** A started throwaway registry. */
export interface StartedRegistry {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:40123/ */
  url: string;
  /** The throwaway user's token (allowed to publish). */
  token: string;
  /** The .npmrc line that authenticates npm and pnpm against this registry. */
  authLine: string;
  /** Stops Verdaccio and deletes its storage. */
  stop(): Promise<void>;
}

/** Starts Verdaccio 6.8 on a free loopback port with its storage in a new temporary folder. */
export declare function startRegistry(options?: { startTimeoutInMs?: number }): Promise<StartedRegistry>;
