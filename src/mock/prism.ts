/**
 * Prism, run in this process: its request handler serves the spec's examples and validates
 * requests; the guard wraps that handler. In-process (rather than a proxy in front of a Prism child
 * process) means no second HTTP hop on every request.
 *
 * Prism is an optional peer dependency: a project that only imports the types or the client never
 * installs it, and `mock` says how to add it.
 */
import http from "node:http";
import { createRequire } from "node:module";

export const PRISM_PACKAGE = "@stoplight/prism-cli";
export const PRISM_VERSION = "5.14.2"; // 5.15+ needs Node >= 24

export class PrismMissingError extends Error {
  constructor() {
    super(`The mock server needs ${PRISM_PACKAGE}, which is not installed. Install it with: npm install --save-dev ${PRISM_PACKAGE}@${PRISM_VERSION}`);
    this.name = "PrismMissingError";
  }
}

interface PrismModules {
  getHttpOperationsFromSpec(spec: string | object): Promise<unknown[]>;
  createServer(operations: unknown[], options: object): { listen(port: number, host: string): Promise<string>; close(): Promise<void> };
  createLogger(name: string, options: object): unknown;
  /** The json-schema-faker instance Prism's generator uses (prism-http's own copy). */
  faker: { option(options: object): void };
}

function loadPrism(): PrismModules {
  const require = createRequire(import.meta.url);
  let cliPackage: string;
  try {
    cliPackage = require.resolve(`${PRISM_PACKAGE}/package.json`);
  } catch {
    throw new PrismMissingError();
  }
  // Prism's own packages are resolved from prism-cli, so whatever versions it brought are the ones used.
  const fromCli = createRequire(cliPackage);
  // json-schema-faker is configured where prism-http resolves it: npm may give prism-cli and prism-http
  // separate copies, and then prism-cli's own `--json-schema-faker-*` setup never reaches the generator.
  const fromHttp = createRequire(fromCli.resolve("@stoplight/prism-http/package.json"));
  return {
    getHttpOperationsFromSpec: fromCli("@stoplight/prism-http").getHttpOperationsFromSpec,
    createServer: fromCli("@stoplight/prism-http-server").createServer,
    createLogger: fromCli("@stoplight/prism-core").createLogger,
    faker: fromHttp("json-schema-faker").JSONSchemaFaker,
  };
}

export interface PrismOptions {
  specPath: string;
  /** Generate data from the schemas instead of serving the examples. */
  dynamic: boolean;
  seed?: string;
}

/**
 * Builds Prism's HTTP server without listening, and hands back the underlying node:http server so the
 * guard can take over its "request" listener. Prism's server factory (micri) calls
 * `http.createServer` at call time, so it is captured by swapping that function for the one call.
 */
export async function createPrismServer(options: PrismOptions): Promise<{ server: http.Server; prismHandler: http.RequestListener }> {
  const prism = loadPrism();
  const operations = await prism.getHttpOperationsFromSpec(options.specPath);
  // Dynamic data must not invent properties the schemas do not declare (Prism's faker does by default).
  prism.faker.option({ fillProperties: false });
  const config = {
    validateRequest: true,
    validateResponse: false, // the spec's own examples are tested elsewhere; re-validating each one costs throughput
    checkSecurity: true,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: options.dynamic, ignoreExamples: false, ...(options.seed !== undefined && { seed: options.seed }) },
  };
  const logger = prism.createLogger("MOCK", { level: "silent" });

  const originalCreateServer = http.createServer;
  let captured: http.Server | undefined;
  (http as { createServer: unknown }).createServer = (...args: Parameters<typeof http.createServer>) => (captured = originalCreateServer(...args));
  try {
    prism.createServer(operations, { cors: true, config, components: { logger } });
  } finally {
    (http as { createServer: unknown }).createServer = originalCreateServer;
  }
  if (!captured) throw new Error(`could not take over Prism's HTTP server; is ${PRISM_PACKAGE} ${PRISM_VERSION} installed?`);
  const [prismHandler] = captured.listeners("request") as http.RequestListener[];
  captured.removeAllListeners("request");
  return { server: captured, prismHandler: prismHandler! };
}
