// The "limit" for Azurite scenarios: the same REST calls the SDKs make, sent with undici's Pool and
// an account SAS, with nothing else (no retries, no XML parsing beyond what the call needs).
// undici is imported when the first raw client is made, so child processes running an SDK side
// never load it (their peak RSS and CPU stay the SDK's own).
import { accountSas, storageVersion } from "./accountSas.mjs";

/** @param {{ blobEndpoint: string, accountName: string, accountKey: string }} azurite */
export async function createRawBlobClient(azurite, connections = 4) {
  const { Pool } = await import("undici");
  return new RawBlobClient(
    azurite,
    new Pool(new URL(azurite.blobEndpoint).origin, { connections, pipelining: 1 }),
  );
}

export class RawBlobClient {
  /**
   * @param {{ blobEndpoint: string, accountName: string, accountKey: string }} azurite
   * @param {import("undici").Pool} pool
   */
  constructor(azurite, pool) {
    this.basePath = new URL(azurite.blobEndpoint).pathname;
    this.sas = accountSas(azurite.accountName, azurite.accountKey);
    this.pool = pool;
  }

  path(container, blob, query = "") {
    const name = blob === undefined ? "" : `/${blob.split("/").map(encodeURIComponent).join("/")}`;
    return `${this.basePath}/${container}${name}?${query ? `${query}&` : ""}${this.sas}`;
  }

  async send(method, path, { headers = {}, body, expect = [200, 201, 202], sink } = {}) {
    const res = await this.pool.request({
      method,
      path,
      body,
      headers: { "x-ms-version": storageVersion, ...headers },
    });
    if (!expect.includes(res.statusCode)) {
      const text = await res.body.text();
      throw new Error(`raw ${method} ${path.split("?")[0]}: ${res.statusCode} ${text.slice(0, 300)}`);
    }
    if (sink) {
      await sink(res.body);
      return res;
    }
    await res.body.dump({ limit: Number.MAX_SAFE_INTEGER });
    return res;
  }

  createContainer(container) {
    return this.send("PUT", this.path(container, undefined, "restype=container"), { expect: [201, 409] });
  }

  deleteContainer(container) {
    return this.send("DELETE", this.path(container, undefined, "restype=container"), { expect: [202, 404] });
  }

  getProperties(container, blob) {
    return this.send("HEAD", this.path(container, blob));
  }

  putBlob(container, blob, data) {
    return this.send("PUT", this.path(container, blob), {
      body: data,
      headers: { "x-ms-blob-type": "BlockBlob", "content-length": String(data.length) },
    });
  }

  async getBlob(container, blob) {
    let bytes = 0;
    await this.send("GET", this.path(container, blob), {
      sink: async (body) => {
        for await (const chunk of body) bytes += chunk.length;
      },
    });
    return bytes;
  }

  deleteBlob(container, blob) {
    return this.send("DELETE", this.path(container, blob), { expect: [202, 404] });
  }

  putBlock(container, blob, blockId, data) {
    const query = `comp=block&blockid=${encodeURIComponent(blockId)}`;
    return this.send("PUT", this.path(container, blob, query), {
      body: data,
      headers: { "content-length": String(data.length) },
    });
  }

  putBlockList(container, blob, blockIds) {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><BlockList>' +
      blockIds.map((id) => `<Latest>${id}</Latest>`).join("") +
      "</BlockList>";
    return this.send("PUT", this.path(container, blob, "comp=blocklist"), { body: xml });
  }

  /** Reads bytes [offset, offset + count) and hands each chunk to onChunk(chunk, position). */
  getRange(container, blob, offset, count, onChunk) {
    return this.send("GET", this.path(container, blob), {
      expect: [200, 206],
      headers: { "x-ms-range": `bytes=${offset}-${offset + count - 1}` },
      sink: async (body) => {
        let position = offset;
        for await (const chunk of body) {
          await onChunk(chunk, position);
          position += chunk.length;
        }
      },
    });
  }

  /** Lists every blob of a container page by page; returns the number of <Blob> entries. */
  async countBlobs(container) {
    let marker = "";
    let count = 0;
    do {
      let xml = "";
      const query = `restype=container&comp=list${marker ? `&marker=${encodeURIComponent(marker)}` : ""}`;
      await this.send("GET", this.path(container, undefined, query), {
        sink: async (body) => {
          xml = await body.text();
        },
      });
      count += xml.split("<Blob>").length - 1;
      marker = xml.match(/<NextMarker>([^<]*)<\/NextMarker>/)?.[1] ?? "";
    } while (marker);
    return count;
  }

  close() {
    return this.pool.close();
  }
}

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight. */
export async function parallel(total, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** Block ids of equal length, as Put Block requires. */
export function blockId(i) {
  return Buffer.from(`block-${String(i).padStart(6, "0")}`).toString("base64");
}
