/** An ARM emulator in a child process (sync clients block this thread, so the server must live elsewhere). */
export interface EmulatorProcess {
  env: Record<string, string>;
  stop(): void;
}

/** Starts tools/arm-emulator's CLI over plain HTTP on a free port and reads the environment it prints. */
export function startEmulatorProcess(): Promise<EmulatorProcess>;
