// An ARM-style long-running PUT, scripted: PUT /resources/<id> answers 201 with Azure-AsyncOperation
// pointing at /operations/<id>; that answers {"status":"InProgress"} once, then {"status":"Succeeded"};
// the final GET /resources/<id> returns the resource. Every client sends the same 4 requests.
import { createServer } from "node:http";

const polls = new Map();

function json(res, status, value, headers = {}) {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { "content-type": "application/json", "content-length": body.length, ...headers });
  res.end(body);
}

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const origin = `http://${req.headers.host}`;
    const [, kind, id] = (req.url ?? "").split("?")[0].split("/");
    if (kind === "resources" && req.method === "PUT") {
      polls.set(id, 0);
      return json(
        res,
        201,
        { id: `/resources/${id}`, name: id, properties: { provisioningState: "Accepted" } },
        { "azure-asyncoperation": `${origin}/operations/${id}` },
      );
    }
    if (kind === "operations" && req.method === "GET" && polls.has(id)) {
      const seen = polls.get(id) + 1;
      polls.set(id, seen);
      return json(res, 200, { id, status: seen < 2 ? "InProgress" : "Succeeded" });
    }
    if (kind === "resources" && req.method === "GET") {
      polls.delete(id);
      return json(res, 200, {
        id: `/resources/${id}`,
        name: id,
        properties: { provisioningState: "Succeeded" },
      });
    }
    json(res, 404, { error: { code: "NotFound", message: `${req.method} ${req.url}` } });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`LISTENING ${server.address().port}`);
});
process.on("SIGTERM", () => process.exit(0));
