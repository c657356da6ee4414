export type { IssueTokenOptions } from "./auth.js";
export type { FaultSpec } from "./faults.js";
export type { ArmEmulatorOptions, LroOptions } from "./options.js";
export { type ArmEmulator, startArmEmulator } from "./startArmEmulator.js";
export { loopbackCertificate, type TlsMaterial } from "./certificate.js";
