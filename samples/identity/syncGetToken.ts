// The blocking twin: `@azkit/identity/sync` has the same credentials, but getToken returns the token
// itself (no await), for scripts and CLIs. Set AZURE_* variables before the first sync credential:
// its worker thread starts then (`pnpm samples` points them at an embedded ARM emulator).
import { DefaultAzureCredential } from "@azkit/identity/sync";

export function main(): { expiresOn: Date; tokenLength: number } {
  const credential = new DefaultAzureCredential();
  const { token, expiresOnTimestamp } = credential.getToken("https://management.azure.com/.default");
  credential.close();
  const expiresOn = new Date(expiresOnTimestamp);
  console.log(`  got an ARM token (blocking) valid until ${expiresOn.toISOString()}`);
  return { expiresOn, tokenLength: token.length };
}

if (import.meta.url === `file://${process.argv[1]}`) main();
