export type { IssueTokenOptions } from "./auth.js";
export type { FaultSpec } from "./faults.js";
export type { ArmEmulatorOptions, LroOptions } from "./options.js";
export { type ArmEmulator, startArmEmulator } from "./startArmEmulator.js";
export {
  DEVELOPER_SIGN_ON_CLIENT_ID,
  type DirectoryUser,
  EntraDirectory,
  type FederatedCredentialSpec,
  type RegisteredCertificate,
} from "./entraDirectory.js";
export { loopbackCertificate, type TlsMaterial } from "./certificate.js";
