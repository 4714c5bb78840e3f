/**
 * `startMock()`: the SignalZen mock server, for frontend developers and for other repos' test setup.
 *
 * ```ts
 * import { startMock } from "@signalzen/api/mock";
 * const mock = await startMock({ port: 0 });
 * // ... point the client at mock.url ...
 * await mock.close();
 * ```
 */
import type { AddressInfo } from "node:net";
import { createGuard, type GuardOptions } from "./guard.js";
import { createPrismServer } from "./prism.js";
import { packageFile } from "../contract/files.js";

export interface MockOptions {
  /** @default 4010; 0 picks a free port. */
  port?: number;
  /** @default "127.0.0.1" */
  host?: string;
  /** Require exactly this Bearer secret. @default undefined: any non-empty secret is accepted. */
  secret?: string;
  /** Serve data generated from the schemas instead of the spec's examples. @default false */
  dynamic?: boolean;
  /** Seed for dynamic data, so runs repeat. */
  seed?: string;
  /** Called once per request with its method, path, status and duration. @default no logging */
  onResponse?: GuardOptions["onResponse"];
}

export interface RunningMock {
  /** Base URL to give the client, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

export const DEFAULT_MOCK_PORT = 4010;
export const DEFAULT_MOCK_HOST = "127.0.0.1";

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const port = options.port ?? DEFAULT_MOCK_PORT;
  const host = options.host ?? DEFAULT_MOCK_HOST;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer from 0 to 65535 (0 picks a free port); got ${port}`);
  if (options.secret !== undefined && options.secret.trim() === "") throw new RangeError("secret must not be empty; leave it out to accept any non-empty secret");
  const { server, prismHandler } = await createPrismServer({ specPath: packageFile("openapi.yaml"), dynamic: options.dynamic ?? false, ...(options.seed !== undefined && { seed: options.seed }) });
  server.on("request", createGuard(prismHandler, { ...(options.secret !== undefined && { secret: options.secret }), ...(options.onResponse && { onResponse: options.onResponse }) }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
