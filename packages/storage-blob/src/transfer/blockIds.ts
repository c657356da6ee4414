// Block ids: base64 of a fixed-width string, so ids of one blob have equal length (the service
// requires it) and sort in upload order.
import { randomBytes } from "node:crypto";

export function createBlockIdFactory(): (index: number) => string {
  const prefix = randomBytes(6).toString("hex");
  return (index) => Buffer.from(`${prefix}-${String(index).padStart(6, "0")}`).toString("base64");
}
