// The cheapest useful HTTP server: 200 with a 2-byte body to every request, keep-alive. The pipeline
// overhead scenario measures clients against it, so its own cost must be the same for every client.
import { createServer } from "node:http";

const body = Buffer.from("ok");
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "text/plain", "content-length": body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  console.log(`LISTENING ${server.address().port}`);
});
process.on("SIGTERM", () => process.exit(0));
