// The samples `pnpm samples` runs, in the order of the usage guide, and the test suite executes.
import { main as uploadFile } from "./storage-blob/uploadFile.js";
import { main as uploadFileSync } from "./storage-blob/uploadFileSync.js";

export interface Sample {
  /** Its file under samples/, without `.ts`; `pnpm samples <name>` runs it (the last part is enough). */
  name: string;
  /** One line: what it shows. */
  shows: string;
  run: () => unknown;
}

export const samples: Sample[] = [
  { name: "storage-blob/uploadFile", shows: "upload a file with DefaultAzureCredential, print its URL", run: uploadFile },
  { name: "storage-blob/uploadFileSync", shows: "the same upload on the blocking /sync surface", run: uploadFileSync },
];
