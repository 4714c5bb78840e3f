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
import type { Route } from "./route.js";
import {
  bearerToken,
  checkAccept,
  checkAuthorization,
  checkMethod,
  checkParameters,
  checkPath,
  checkPreference,
  readPreference,
} from "./rules.js";
import { createScenario, type ScenarioOptions } from "./scenario.js";

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

export function createMockHandler(options: HandlerOptions) {
  const { world, secret } = options;
  const scenario = createScenario(options, options.now);
  const answer = createWorldAnswers(world);
  let requests = 0;

  async function decide(request: MockRequest, engine: Engine | undefined): Promise<MockResponse> {
    const route = checkPath(request);
    if ("status" in route) return route;
    const { operation } = route;
    const preference = readPreference(request);
    const rejection =
      checkMethod(request, operation) ??
      checkAccept(request) ??
      checkAuthorization(request, secret) ??
      checkPreference(operation, preference);
    if (rejection) return rejection;
    const parameters = checkParameters(request, route);
    if ("status" in parameters) return parameters;
    const fromEngine = await engine?.({ request, route, parameters });
    if (fromEngine) return fromEngine;
    const limited = scenario.rateLimited(bearerToken(request)!) ?? scenario.failure(requests);
    if (limited) return limited;
    if (preference.code !== undefined && preference.code !== "200") return preferredError(Number(preference.code));
    if (preference.example !== undefined) return namedExample(operation, preference.example);
    return answer(operation, parameters);
  }

  return {
    /** The response to a request, and how long to wait before sending it. */
    async handle(request: MockRequest, engine?: Engine): Promise<HandledRequest> {
      const number = ++requests;
      const response = preflight(request) ?? withCors(request, await decide(request, engine));
      return { response, delayMs: scenario.delay(number) };
    },
  };
}

export type MockHandler = ReturnType<typeof createMockHandler>;
