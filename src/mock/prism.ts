/**
 * Prism as a function: `prism-http`'s `createInstance(...).request(input, operations)` routes and validates
 * a request against openapi.yaml without any HTTP server of Prism's. The mock server gives it to the handler as
 * its request validator, run after the contract's own rules as a second, independent check: a request Prism
 * finds invalid is a 400 in the contract's body (responses.ts), with Prism's violations as `details`.
 *
 * Prism is an optional peer dependency: a project that only imports the types or the client never
 * installs it, and `mock` says how to add it.
 */
import { createRequire } from "node:module";
import * as contract from "../contract/facts.js";
import { resolvePeer } from "../node/optional-peer.js";
import { boundedMemo, stringBytes } from "../shared/memo.js";
import { fillPath } from "../shared/path-template.js";
import type { AcceptedRequest, RequestValidator } from "./handler.js";
import { errorResponse, invalidRequest, type MockResponse } from "./responses.js";

const PRISM_PACKAGE = "@stoplight/prism-cli";

/**
 * The Prism this project pins (package.json's devDependencies, read here, not repeated): the one it tests on
 * Node 20 and 22. Read by the package's own name, which resolves from src/ and from dist/ alike.
 */
const PINNED_PRISM: string = createRequire(import.meta.url)("@signalzen/api/package.json").devDependencies[
  PRISM_PACKAGE
];

/**
 * The newest Prism that runs on each Node, newest first (their `engines`: 5.15 needs Node >= 24.14, 5.16 >= 24.18;
 * the pin runs on Node 20 and 22). The peer range admits all three; the install hint names the one for the Node in use.
 */
const PRISM_BY_NODE: readonly [minimum: readonly [major: number, minor: number], version: string][] = [
  [[24, 18], "5.16.0"],
  [[24, 14], "5.15.11"],
  [[0, 0], PINNED_PRISM],
];

/** The Prism version to install on this Node (`process.versions.node` unless given). */
export function prismVersionFor(nodeVersion: string = process.versions.node): string {
  const [major = 0, minor = 0] = nodeVersion.split(".").map(Number);
  const fits = PRISM_BY_NODE.find(([[m, n]]) => major > m || (major === m && minor >= n));
  return (fits ?? PRISM_BY_NODE.at(-1)!)[1];
}

interface PrismViolation {
  /** Where (`["query", "limit"]`); a violation of no one place (security) has none. */
  path?: string[];
  message: string;
  severity: number | string;
}

interface PrismInstance {
  request(
    input: object,
    operations: unknown[],
  ): () => Promise<
    { _tag: "Left"; left: unknown } | { _tag: "Right"; right: { validations: { input: PrismViolation[] } } }
  >;
}

interface PrismModules {
  getHttpOperationsFromSpec(spec: string | object): Promise<unknown[]>;
  createInstance(config: object, components: { logger: unknown }): PrismInstance;
  createLogger(name: string, options: object): unknown;
}

function loadPrism(): PrismModules {
  const cliPackage = resolvePeer(`${PRISM_PACKAGE}/package.json`, {
    need: `The mock server needs ${PRISM_PACKAGE}`,
    install: [`${PRISM_PACKAGE}@${prismVersionFor()}`],
  });
  // Prism's own packages are resolved from prism-cli, so whatever versions it brought are the ones used.
  const fromCli = createRequire(cliPackage);
  const http = fromCli("@stoplight/prism-http");
  return {
    getHttpOperationsFromSpec: http.getHttpOperationsFromSpec,
    createInstance: http.createInstance,
    createLogger: fromCli("@stoplight/prism-core").createLogger,
  };
}

// Prism's DiagnosticSeverity: 0 is Error; warnings and hints do not make a request invalid.
const isError = (violation: PrismViolation) => violation.severity === 0 || violation.severity === "Error";

type Verdict = MockResponse | undefined;

/**
 * How many of Prism's verdicts are remembered, and their bytes. A verdict is on the canonical request (the path
 * with its integers, offset and limit), so a hostile stream of distinct ids makes as many keys as it likes: the
 * oldest are forgotten. A verdict weighs its key and its body (none for a valid request).
 */
export const VERDICT_BOUNDS = { entries: 10_000, bytes: 16 << 20 };

/**
 * Prism validating the request, for the mock server: undefined when Prism finds the request valid, else the contract's 400.
 * Prism's judgement costs more than the rest of a request together (a profile under load: about 40% of the
 * mock's CPU); it reads only the canonical request, so the same canonical request always has the same verdict,
 * and it is remembered within `bounds`.
 */
export async function createPrismValidator(
  specPath: string,
  bounds: { entries: number; bytes: number } = VERDICT_BOUNDS,
): Promise<RequestValidator> {
  const judge = await createPrismJudge(specPath);
  // A verdict still being made weighs more than any bound, so boundedMemo hands it back without remembering it;
  // once settled, it is remembered with its true weight. Concurrent first requests each ask Prism: rare and harmless.
  const remember = boundedMemo<string, Promise<Verdict> | { verdict: Verdict; weight: number }>({
    ...bounds,
    weigh: (known) => (known instanceof Promise ? Number.POSITIVE_INFINITY : known.weight),
  });
  // Not an async function: a remembered verdict is given back at once, without a promise (handler.ts awaits either).
  return (accepted) => {
    const { route, parameters } = accepted;
    const key = `${route.operation.operationId} ${Object.values(parameters.path).join("/")} ${parameters.offset} ${parameters.limit}`;
    const known = remember(key, () => judge(canonicalInput(accepted)));
    return known instanceof Promise ? known.then((verdict) => settled(key, verdict)) : known.verdict;
  };

  function settled(key: string, verdict: Verdict): Verdict {
    // Prism failing to answer (a 500) may not be its last word on the request: not remembered.
    if (verdict?.status !== 500) {
      const weight = stringBytes(key) + (verdict ? stringBytes(verdict.body) + 200 : 0) + 100;
      remember(key, () => ({ verdict, weight }));
    }
    return verdict;
  }
}

/**
 * What Prism sees: what the rules read, not the raw request. Prism reads query names case-insensitively and takes
 * `/users/` for `/users/{id}`, so handing it the raw request would judge a request the rules did not.
 */
function canonicalInput({ route, parameters }: AcceptedRequest) {
  const { operation } = route;
  const path = fillPath(operation.path, parameters.path);
  const query: { offset?: string; limit?: string } = operation.listKey
    ? { offset: String(parameters.offset), limit: String(parameters.limit) }
    : {};
  return {
    method: "get",
    url: { path, query },
    // The canonical forms of what the rules already accepted: Prism matches the scheme case-sensitively.
    headers: { accept: contract.mediaType, authorization: "Bearer checked-by-the-rules" },
    body: null,
  };
}

/** Prism's verdict on a canonical request, asked anew each time. */
async function createPrismJudge(
  specPath: string,
): Promise<(input: ReturnType<typeof canonicalInput>) => Promise<Verdict>> {
  const prism = loadPrism();
  const operations = await prism.getHttpOperationsFromSpec(specPath);
  const logger = prism.createLogger("MOCK", { level: "silent" });
  const instance = prism.createInstance(
    {
      validateRequest: true,
      validateResponse: false, // the world's records are validated by the tests; re-validating each costs throughput
      checkSecurity: true,
      errors: false,
      mock: { dynamic: false },
    },
    { logger },
  );
  return async (input) => {
    const result = await instance.request(input, operations)();
    // Prism refusing a request the rules accepted is a disagreement between the two, not the caller's fault:
    // the contract's 500, never a crash (the server's listener also answers 500 to anything thrown).
    if (result._tag === "Left")
      return errorResponse(500, `The mock's engine (Prism) could not answer: ${String(result.left).slice(0, 300)}`);
    const violations = result.right.validations.input.filter(isError);
    if (!violations.length) return undefined;
    const details = violations.map((violation) => ({
      location: (violation.path ?? []).join(".").slice(0, 200),
      message: violation.message.slice(0, 1000),
    }));
    return invalidRequest(details);
  };
}
