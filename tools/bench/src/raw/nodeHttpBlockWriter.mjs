// Put Block / Put Block List with node:http, a keep-alive agent and an account SAS: the cheapest way
// Node has to push an in-memory block onto a socket (one write of the whole buffer). Measured on this
// machine it costs about half the client CPU of undici's Pool for the same 256 MiB upload, so it is
// the upload transfers' second limit: the table takes the better of the two raw clients per round.
import { Agent, request } from "node:http";
import { accountSas, storageVersion } from "./accountSas.mjs";

export class NodeHttpBlockWriter {
  /** @param {{ blobEndpoint: string, accountName: string, accountKey: string }} azurite */
  constructor(azurite, connections) {
    this.endpoint = azurite.blobEndpoint;
    this.sas = accountSas(azurite.accountName, azurite.accountKey);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  putBlock(container, blob, blockId, data) {
    const query = `comp=block&blockid=${encodeURIComponent(blockId)}`;
    return this.send(container, blob, query, data, 201);
  }

  putBlockList(container, blob, blockIds) {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><BlockList>' +
      blockIds.map((id) => `<Latest>${id}</Latest>`).join("") +
      "</BlockList>";
    return this.send(container, blob, "comp=blocklist", Buffer.from(xml), 201);
  }

  /** One PUT with the whole body in memory; resolves when the response has been read. */
  send(container, blob, query, body, expected) {
    const url = `${this.endpoint}/${container}/${encodeURIComponent(blob)}?${query}&${this.sas}`;
    const headers = { "x-ms-version": storageVersion, "content-length": String(body.length) };
    return new Promise((resolve, reject) => {
      const req = request(url, { method: "PUT", agent: this.agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          res.statusCode === expected
            ? resolve()
            : reject(new Error(`raw node:http PUT ${query}: ${res.statusCode} ${text.slice(0, 300)}`)),
        );
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}
