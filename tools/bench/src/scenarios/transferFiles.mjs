// The data the transfer scenarios move: one source file of random bytes on local disk and the same
// bytes as a blob in Azurite, created once per run by the parent process (not timed).
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blockId, parallel } from "../raw/rawBlobClient.mjs";
import { rawClient } from "./storageClients.mjs";

export const transferContainer = "bench-large";
const sourceBlob = "large-source";
const MiB = 1024 * 1024;

let prepared;

/**
 * Creates (once per run) a temporary directory holding the source file, and the source blob; returns
 * what the transfer sides need. The directory goes away when the bench process exits.
 * @param {import("../harness/measure.mjs").Context} ctx
 */
export async function prepareTransferData(ctx) {
  if (prepared?.bytes === ctx.sizes.transferBytes) return prepared;
  const dir = mkdtempSync(join(tmpdir(), "azkit-bench-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const sourcePath = writeSourceFile(dir, ctx.sizes.transferBytes);
  await uploadSourceBlob(ctx, sourcePath, sourceBlob);
  prepared = { dir, sourcePath, sourceBlob, bytes: ctx.sizes.transferBytes };
  return prepared;
}

/** A file of `bytes` random bytes (one random MiB repeated with a varying first word). */
function writeSourceFile(dir, bytes) {
  const path = join(dir, "source.bin");
  const chunk = randomBytes(Math.min(MiB, bytes));
  const fd = openSync(path, "w");
  try {
    for (let offset = 0; offset < bytes; offset += chunk.length) {
      chunk.writeUInt32LE(offset >>> 0, 0);
      writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - offset));
    }
  } finally {
    closeSync(fd);
  }
  return path;
}

/** Uploads the source file as `blob` with the raw client, 4 blocks in flight. */
async function uploadSourceBlob(ctx, path, blob) {
  const data = await readFile(path);
  const raw = await rawClient(ctx);
  try {
    await raw.createContainer(transferContainer);
    const blockSize = ctx.sizes.transferBlockSize;
    const ids = [];
    const blocks = Math.ceil(data.length / blockSize);
    await parallel(blocks, 4, async (i) => {
      ids[i] = blockId(i);
      await raw.putBlock(transferContainer, blob, ids[i], data.subarray(i * blockSize, (i + 1) * blockSize));
    });
    await raw.putBlockList(transferContainer, blob, ids);
  } finally {
    await raw.close();
  }
}
