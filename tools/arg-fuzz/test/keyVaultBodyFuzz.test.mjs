// Hook for the key vault body fuzz of issue #17: 500 seeded corruptions of the usage guide's key
// vault body through KeyVaultManagementClient, each a typed SerializationError naming the path and
// no request sent. It needs @azkit/mgmt-keyvault, which is not in this branch yet: add it as a
// devDependency of this tool, build the body and a client pointed at a counting loopback server,
// and pass them to fuzzArguments as in packages/storage-blob/test/security/argumentFuzz.test.ts.
import { it } from "vitest";

const keyVaultPackage = await import("@azkit/mgmt-keyvault").then(
  () => true,
  () => false,
);

it.skipIf(!keyVaultPackage)(
  "key vault body fuzz: skipped until @azkit/mgmt-keyvault exists (see the comment above)",
  () => {
    throw new Error("fill in the key vault cases before enabling this hook");
  },
);
