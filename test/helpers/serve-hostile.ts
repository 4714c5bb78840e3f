/** `serve(handler)` for a test file of hostile servers: every server it starts is closed after each test. */
import { afterEach } from "vitest";
import { type HostileHandler, type HostileServer, startHostileServer } from "./hostile-server.js";

export function serveHostile(): (handle: HostileHandler) => Promise<HostileServer> {
  const servers: HostileServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handle) => {
    const server = await startHostileServer(handle);
    servers.push(server);
    return server;
  };
}
