/**
 * The mock's own paths, beside the API's and never among them (every one starts with `/__signalzen`, which no
 * contract path can; WireMock's `/__admin` is the model): the scenario control and the placeholders for the
 * world's avatars and files. Both hosts answer them with these functions.
 *
 * - `GET /__signalzen/scenario`: the controls in force, as JSON.
 * - `PATCH /__signalzen/scenario` with a JSON object: changes the controls it names (`null` turns one off),
 *   from the next request on; answers the controls now in force. A bad value changes nothing (400, why).
 * - `DELETE /__signalzen/scenario`: back to the controls the mock started with.
 */
import { ASSETS_PATH, MOCK_PATH } from "../world/index.js";
import { placeholder } from "./assets.js";
import { preflight, withCors } from "./cors.js";
import type { MockRequest } from "./request.js";
import { type ContentResponse, controlResponse, errorResponse, type MockResponse } from "./responses.js";
import type { ScenarioChange, ScenarioControl } from "./scenario.js";

export const SCENARIO_PATH = `${MOCK_PATH}/scenario`;
const SCENARIO_METHODS = "GET, PATCH, DELETE";
const CONTROLS = ["latency", "failRate", "failStatus", "rateLimit"];
/** A scenario change is a few fields: a larger body is refused unread. */
export const MAX_CONTROL_BODY_BYTES = 16 * 1024;

const bad = (message: string) => errorResponse(400, message, [{ location: "body", message: message.slice(0, 200) }]);

function changeScenario(method: string, body: string | undefined, scenario: ScenarioControl): MockResponse {
  if (method === "GET" || method === "HEAD") return controlResponse(scenario.get());
  if (method === "DELETE") return controlResponse(scenario.reset());
  if (method !== "PATCH") {
    const message = `${method.slice(0, 20)} is not allowed on ${SCENARIO_PATH}: GET reads the controls, PATCH changes them, DELETE resets them.`;
    return errorResponse(405, message, undefined, { Allow: SCENARIO_METHODS });
  }
  if (body === undefined)
    return bad(`The body is larger than ${MAX_CONTROL_BODY_BYTES} bytes; send only the controls to change.`);
  let change: unknown;
  try {
    change = JSON.parse(body);
  } catch {
    return bad(`The body is not JSON; send an object such as {"failRate": 1, "failStatus": 503}.`);
  }
  if (typeof change !== "object" || change === null || Array.isArray(change)) {
    return bad(`The body must be a JSON object of controls (${CONTROLS.join(", ")}), such as {"failRate": 1}.`);
  }
  const unknown = Object.keys(change).filter((key) => !CONTROLS.includes(key));
  if (unknown.length) {
    return bad(`Unknown control ${JSON.stringify(unknown[0]!.slice(0, 50))}; the controls are ${CONTROLS.join(", ")}.`);
  }
  try {
    return controlResponse(scenario.set(change as ScenarioChange));
  } catch (error) {
    if (error instanceof RangeError) return bad(error.message);
    throw error;
  }
}

/**
 * The answer to a request on the mock's own paths (`request.path` relative to where the host serves the API),
 * or undefined when the path is the API's. `readControlBody` gives the body as text, or undefined when it is larger
 * than MAX_CONTROL_BODY_BYTES; it is called only for a PATCH of the scenario.
 */
export async function ownPathAnswer(
  request: MockRequest,
  handler: { scenario: ScenarioControl; redact(text: string): string },
  readControlBody: () => Promise<string | undefined>,
): Promise<ContentResponse | undefined> {
  const answer = await answerOwnPath(request, handler.scenario, readControlBody);
  // A message may quote what was sent (a control's name); the required secret never goes back out.
  return answer && typeof answer.body === "string" ? { ...answer, body: handler.redact(answer.body) } : answer;
}

async function answerOwnPath(
  request: MockRequest,
  scenario: ScenarioControl,
  readControlBody: () => Promise<string | undefined>,
): Promise<ContentResponse | undefined> {
  const { method, path } = request;
  if (path === SCENARIO_PATH) {
    const early = preflight(request, SCENARIO_METHODS);
    if (early) return early;
    return withCors(
      request,
      changeScenario(method, method === "PATCH" ? await readControlBody() : undefined, scenario),
    );
  }
  if (path.startsWith(`${ASSETS_PATH}/`)) return placeholder(method, path.slice(ASSETS_PATH.length));
  if (path === MOCK_PATH || path.startsWith(`${MOCK_PATH}/`)) {
    return errorResponse(
      404,
      `No such path: ${path.slice(0, 200)}. The mock's own paths are ${SCENARIO_PATH} and ${ASSETS_PATH}/.`,
    );
  }
  return undefined;
}
