// The first thing every azkit program does: get a credential. DefaultAzureCredential tries, in order,
// AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET, workload identity, managed identity and `az login`
// (`pnpm samples` sets the variables for its embedded ARM emulator's token endpoint).
import { DefaultAzureCredential } from "@azkit/identity";

export async function main(): Promise<{ expiresOn: Date }> {
  const credential = new DefaultAzureCredential();
  try {
    // azkit clients call getToken for you; here by hand, for Azure Resource Manager.
    const { expiresOnTimestamp } = await credential.getToken("https://management.azure.com/.default");
    const expiresOn = new Date(expiresOnTimestamp);
    console.log(`  got an ARM token valid until ${expiresOn.toISOString()}`); // never print the token itself
    return { expiresOn };
  } finally {
    // Releases the credential's keep-alive sockets so the process can exit at once.
    // Or let the block do it: `await using credential = new DefaultAzureCredential();`
    await credential.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
