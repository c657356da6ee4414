// Ranged GETs with node:http and synchronous 'data' handlers: the cheapest way Node has to pull bytes
// off a socket, used as the limit for large downloads (undici's async-iterated body costs more CPU).
import { Agent, request } from "node:http";
import { accountSas, storageVersion } from "./accountSas.mjs";

export class HttpRangeReader {
  /** @param {{ blobEndpoint: string, accountName: string, accountKey: string }} azurite */
  constructor(azurite, connections) {
    this.endpoint = azurite.blobEndpoint;
    this.sas = accountSas(azurite.accountName, azurite.accountKey);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** GETs bytes [offset, offset + count) and calls onChunk(chunk, position) synchronously per chunk. */
  read(container, blob, offset, count, onChunk) {
    return new Promise((resolve, reject) => {
      const url = `${this.endpoint}/${container}/${encodeURIComponent(blob)}?${this.sas}`;
      const headers = {
        "x-ms-version": storageVersion,
        "x-ms-range": `bytes=${offset}-${offset + count - 1}`,
      };
      const req = request(url, { agent: this.agent, headers }, (res) => {
        if (res.statusCode !== 206 && res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`raw ranged GET: ${res.statusCode}`));
        }
        let position = offset;
        res.on("data", (chunk) => {
          onChunk(chunk, position);
          position += chunk.length;
        });
        res.on("end", () =>
          position === offset + count
            ? resolve()
            : reject(new Error(`short read: ${position - offset}/${count}`)),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}
