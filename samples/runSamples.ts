// Runs every sample, one after another. Samples that need a service get the embedded emulator
// unless the usual environment variables point at real Azure (see each sample's header).
import { samples } from "./sampleList.js";

for (const sample of samples) {
  console.log(`\n== ${sample.name}`);
  const started = Date.now();
  await sample.run();
  console.log(`== ${sample.name}: ok (${Date.now() - started} ms)`);
}
console.log(`\n${samples.length} samples ran`);
