// The child process that runs Verdaccio, so the registry's logger, timers and sockets never share a
// process with the tests that publish to it. Reads its config path from argv, listens on a port the
// OS picks on 127.0.0.1 and prints `{"port": n}` once it accepts connections.
import { runServer } from "verdaccio";

const app = await runServer(process.argv[2]);
app.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: app.address().port })}\n`);
});
