/**
 * One mock, two hosts: `createMockHandler` checks every option, builds the world once and turns a request into
 * the one response the contract says. Both the Node server (server.ts) and the MSW handlers (msw.ts) call it, so
 * neither keeps a rule or an option check of its own; a host only turns its request into a `MockRequest`
 * (request.ts) and writes the response it gets back (every one made by responses.ts). The order: CORS preflight,
 * the contract's rules (rules.ts), the host's request validator (the server's is Prism; MSW has none), the
 * scenario controls, `Prefer` (prefer.ts), then the world's answer (answer.ts). CORS is cors.ts; the mock's own
 * paths (`/__signalzen/...`) are control.ts.
 */

import { secretRedactor } from "../contract/redact.js";
import { DEFAULT_SEED, type World } from "../world/index.js";
import { type DataCheck, planWorld, type WorldSource } from "../world/source.js";
import { createWorldAnswers, namedExample } from "./answer.js";
import { preflight, withCors } from "./cors.js";
import type { Parameters } from "./parameters.js";
import { checkPreference, PREFERRED_400, type Preference, readPreference } from "./prefer.js";
import { scrubQuotes } from "./quotes.js";
import type { MockRequest } from "./request.js";
import { type MockResponse, madeUpError } from "./responses.js";
import type { Route } from "./route.js";
import {
  bearerToken,
  checkAccept,
  checkAuthorization,
  checkBody,
  checkMethod,
  checkParameters,
  checkPath,
} from "./rules.js";
import {
  checkScenario,
  createScenario,
  MAX_LATENCY_MS,
  type ScenarioControl,
  type ScenarioOptions,
} from "./scenario.js";

/** What every host's mock is made from: the world, the secret and the scenario controls. */
export interface MockHandlerOptions extends ScenarioOptions, WorldSource {
  /** Only this Bearer secret is accepted; any non-empty one when undefined. */
  secret?: string;
  /** For tests of the rate limit. @default Date.now */
  now?: () => number;
}

/** What a host adds to the options: what only it knows or can do. */
export interface MockHost {
  /**
   * Where a generated world's avatars and files are unless `assetsBase` says: the host's own placeholders.
   * @default DEFAULT_ASSETS_BASE, the default mock server's
   */
  assetsBase?: string;
  /** Prism's check, between the rules and the answer (the Node server); none in the browser. */
  validateRequest?: RequestValidator;
}

/** A request that passed every rule, as the host's request validator sees it. */
export interface AcceptedRequest {
  request: MockRequest;
  route: Route;
  parameters: Parameters;
}

/** The host's check between the rules and the answer: a response (a refusal) replaces the answer. */
export type RequestValidator = (
  accepted: AcceptedRequest,
) => Promise<MockResponse | undefined> | MockResponse | undefined;

interface HandledRequest {
  response: MockResponse;
  /** How long the host waits before sending it (the latency control). */
  delayMs: number;
}

/** A Bearer secret is one token68 (RFC 6750): no spaces, so it can be sent and matched at all. */
function checkSecret(secret: string | undefined): void {
  if (secret !== undefined && !/^[A-Za-z0-9\-._~+/]+=*$/.test(secret)) {
    throw new RangeError(
      "secret must be a non-empty Bearer token (letters, digits and -._~+/ only, no spaces); " +
        "leave it out to accept any non-empty secret",
    );
  }
}

export type MockHandler = ReturnType<typeof startHandler>;

/**
 * Checks every option (a RangeError says which and why) before anything is built or taken: the mock server
 * calls this before it listens, and `start` once it knows its URL, the default assets base. `checkData` checks
 * a world given as data (the server's also validates each record with ajv; the default checks the rules).
 */
export function prepareMock(options: MockHandlerOptions, checkData?: DataCheck) {
  checkSecret(options.secret);
  checkScenario(options);
  const world = planWorld(options, checkData);
  return { start: (host: MockHost = {}) => startHandler(options, world(host.assetsBase), host.validateRequest) };
}

/** The mock for a host that knows its default assets base up front (MSW, tests): checked, built, ready. */
export function createMockHandler(options: MockHandlerOptions, host: MockHost = {}): MockHandler {
  return prepareMock(options).start(host);
}

function startHandler(options: MockHandlerOptions, world: World, validateRequest: RequestValidator | undefined) {
  const { secret } = options;
  // The world's seed seeds the scenario's draws too (a world given as data, the default seed's).
  const scenario = createScenario({ ...options, seed: options.seed ?? DEFAULT_SEED }, options.now);
  const answer = createWorldAnswers(world);
  // An answer may quote what was sent (a path, an Accept header); the required secret never goes back out.
  const redact: (text: string) => string = secret === undefined ? (text) => text : secretRedactor(secret);
  const scrub = (response: MockResponse) => (secret === undefined ? response : scrubQuotes(response, redact));
  // Answers, for the latency draws; requests that reach the scenario step, for the failure draws. Preflights
  // count in neither, so a browser (which sends them to a server, never to MSW) sees the same sequence in both.
  let answers = 0;
  let scenarioRequests = 0;

  async function decide(request: MockRequest, preference: Preference): Promise<MockResponse> {
    const route = checkPath(request);
    if ("status" in route) return route;
    const { operation } = route;
    const rejection =
      checkMethod(request, operation) ??
      checkBody(request) ??
      checkAccept(request) ??
      checkAuthorization(request, secret) ??
      checkPreference(operation, preference);
    if (rejection) return rejection;
    const parameters = checkParameters(request, route);
    if ("status" in parameters) return parameters;
    // Numbered in arrival order, before anything asynchronous, so concurrent requests draw as sequential ones do.
    const number = ++scenarioRequests;
    const refused = await validateRequest?.({ request, route, parameters });
    if (refused) return refused;
    const retryAfter = preference.retryAfter === undefined ? undefined : Number(preference.retryAfter);
    const limited = scenario.rateLimited(bearerToken(request)!) ?? scenario.failure(number, retryAfter);
    if (limited) return limited;
    if (preference.code !== undefined && preference.code !== "200") {
      const status = Number(preference.code);
      return madeUpError(status, {
        ...(retryAfter !== undefined && { retryAfter }),
        ...(status === 400 && { details: PREFERRED_400 }),
      });
    }
    if (preference.example !== undefined) return namedExample(operation, preference.example);
    return answer(operation, parameters);
  }

  return {
    /** The world being served. */
    world,
    /** The response to a request, and how long to wait before sending it. */
    async handle(request: MockRequest): Promise<HandledRequest> {
      const early = preflight(request);
      if (early) return { response: scrub(early), delayMs: 0 };
      // The draw is made even when `Prefer: latency=` replaces it, so later requests keep their delays.
      const drawn = scenario.delay(++answers);
      const preference = readPreference(request);
      const response = withCors(request, await decide(request, preference));
      const asked = Number(preference.latency ?? Number.NaN); // checked by checkPreference: a refused one is not used
      const delayMs = /^\d{1,5}$/.test(preference.latency ?? "") && asked <= MAX_LATENCY_MS ? asked : drawn;
      return { response: scrub(response), delayMs };
    },
    /** The scenario controls, to change while the mock runs (control.ts serves them over HTTP). */
    scenario: { get: scenario.get, set: scenario.set, reset: scenario.reset } satisfies ScenarioControl,
    /** Text with the required secret scrubbed, in every form it could take (contract/redact.ts): for log lines. */
    redact,
  };
}
