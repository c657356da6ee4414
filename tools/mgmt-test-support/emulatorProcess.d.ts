/** An ARM emulator in a child process (sync clients block this thread, so the server must live elsewhere). */
export interface EmulatorProcess {
  env: Record<string, string>;
  stop(): void;
}

/** How the emulator behaves: polls an LRO stays in progress (1 by default), items per list page (all by default). */
export interface EmulatorProcessOptions {
  lroPolls?: number;
  pageSize?: number;
}

/** Starts tools/arm-emulator's CLI over plain HTTP on a free port and reads the environment it prints. */
export function startEmulatorProcess(options?: EmulatorProcessOptions): Promise<EmulatorProcess>;
