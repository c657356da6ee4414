// Runs every sample, one after another, each service against real Azure when its environment
// variables are set (see storage-blob/connect.ts) and otherwise against an embedded emulator.
import { withServices } from "./embeddedEmulators.js";
import { samples } from "./sampleList.js";

const needs = [...new Set(samples.flatMap((sample) => sample.needs))];
await withServices(needs, async () => {
  for (const sample of samples) {
    console.log(`\n== ${sample.name}`);
    const started = Date.now();
    await sample.run();
    console.log(`== ${sample.name}: ok (${Date.now() - started} ms)`);
  }
});
console.log(`\n${samples.length} samples ran`);
