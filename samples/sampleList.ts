// The samples `pnpm samples` runs and the test suite executes, in order.
import { main as turnOnLogging } from "./logging/turnOnLogging.js";

export interface Sample {
  name: string;
  run: () => Promise<unknown>;
}

export const samples: Sample[] = [{ name: "logging/turnOnLogging", run: turnOnLogging }];
