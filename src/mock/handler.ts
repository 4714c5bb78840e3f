/**
 * One mock, two hosts: `createMockHandler` turns a request into the one response the contract says,
 * and both the Node server (server.ts) and the MSW handlers (msw.ts) call it, so neither keeps a rule of
 * its own. The order: CORS preflight, the contract's rules (rules.ts), the host's engine (the server
 * asks Prism to validate; MSW has none), the scenario controls, `Prefer`, then the world's answer.
 */
import type { World } from "../world/index.js";
import { createWorldAnswers, namedExample, preferredError } from "./answer.js";
import type { MockRequest, MockResponse } from "./exchange.js";
import type { Parameters } from "./parameters.js";
import { scrubQuotes } from "./quotes.js";
import type { Route } from "./route.js";
import {
  bearerToken,
  checkAccept,
  checkAuthorization,
  checkBody,
  checkMethod,
  checkParameters,
  checkPath,
  checkPreference,
  readPreference,
} from "./rules.js";
import { createScenario, type ScenarioOptions } from "./scenario.js";
import { secretRedactor } from "../contract/redact.js";

// Browser apps on another origin send these; `Prefer` lets a frontend ask the mock for an error state.
const CORS_ALLOWED_HEADERS = "Authorization, Accept, Prefer";
const CORS_EXPOSED_HEADERS = "Retry-After, WWW-Authenticate, Allow";

export interface HandlerOptions extends ScenarioOptions {
  world: World;
  /** Only this Bearer secret is accepted; any non-empty one when undefined. */
  secret?: string;
  /** Seeds the scenario controls' draws. */
  seed: string;
  /** For tests of the rate limit. @default Date.now */
  now?: () => number;
}

/** A request that passed every rule, as the host's engine sees it. */
export interface AcceptedRequest {
  request: MockRequest;
  route: Route;
  parameters: Parameters;
}

/** The host's extra check between the rules and the answer: a response replaces the answer. */
export type Engine = (accepted: AcceptedRequest) => Promise<MockResponse | undefined> | MockResponse | undefined;

export interface HandledRequest {
  response: MockResponse;
  /** How long the host waits before sending it (the latency control). */
  delayMs: number;
}

function withCors(request: MockRequest, response: MockResponse): MockResponse {
  const origin = request.header("origin");
  const cors: Record<string, string> = {
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS,
    ...(origin && { Vary: "Origin" }),
  };
  return { ...response, headers: { ...response.headers, ...cors } };
}

/** A CORS preflight: the API is read-only, so only GET with these headers is admitted. */
function preflight(request: MockRequest): MockResponse | undefined {
  const origin = request.header("origin");
  if (request.method !== "OPTIONS" || !origin || !request.header("access-control-request-method")) return undefined;
  const headers = {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": CORS_ALLOWED_HEADERS,
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
  return { status: 204, headers, body: "" };
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

export function createMockHandler(options: HandlerOptions) {
  const { world, secret } = options;
  checkSecret(secret);
  const scenario = createScenario(options, options.now);
  const answer = createWorldAnswers(world);
  // An answer may quote what was sent (a path, an Accept header); the required secret never goes back out.
  const redact: (text: string) => string = secret === undefined ? (text) => text : secretRedactor(secret);
  const scrub = (response: MockResponse) => (secret === undefined ? response : scrubQuotes(response, redact));
  // Answers, for the latency draws; requests that reach the scenario step, for the failure draws. Preflights
  // count in neither, so a browser (which sends them to a server, never to MSW) sees the same sequence in both.
  let answers = 0;
  let scenarioRequests = 0;

  async function decide(request: MockRequest, engine: Engine | undefined): Promise<MockResponse> {
    const route = checkPath(request);
    if ("status" in route) return route;
    const { operation } = route;
    const preference = readPreference(request);
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
    const fromEngine = await engine?.({ request, route, parameters });
    if (fromEngine) return fromEngine;
    const limited = scenario.rateLimited(bearerToken(request)!) ?? scenario.failure(number);
    if (limited) return limited;
    if (preference.code !== undefined && preference.code !== "200") return preferredError(Number(preference.code));
    if (preference.example !== undefined) return namedExample(operation, preference.example);
    return answer(operation, parameters);
  }

  return {
    /** The response to a request, and how long to wait before sending it. */
    async handle(request: MockRequest, engine?: Engine): Promise<HandledRequest> {
      const early = preflight(request);
      if (early) return { response: scrub(early), delayMs: 0 };
      const delayMs = scenario.delay(++answers);
      return { response: scrub(withCors(request, await decide(request, engine))), delayMs };
    },
    /** Text with the required secret scrubbed, in every form it could take (contract/redact.ts): for log lines. */
    redact,
  };
}
