// A page's continuation token lives in a WeakMap inside whichever copy of core-http made the
// page (see ../paging/continuationToken.ts), and does not survive the copy to the main thread.
// Every copy of core-http loaded in a process (here: the one the sync bridge's worker loads with
// the async client) adds its reader to one registry shared through Symbol.for, so the worker can
// send the token along with the page without knowing which copy made it.
import { getContinuationToken } from "../paging/continuationToken.js";

type TokenReader = (page: unknown) => string | undefined;

const registryKey = Symbol.for("@azkit/core-http/continuationTokenReaders");
const shared = globalThis as { [registryKey]?: Set<TokenReader> };
shared[registryKey] ??= new Set();
shared[registryKey].add(getContinuationToken);
