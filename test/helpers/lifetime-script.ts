/**
 * A script for a runtime's process lifetime around the client's attempt timeout, run as
 * `run.mjs answer|hang|trickle [url]` beside the bundled client as `client.mjs`. It prints one line:
 * - answer: a ten-minute timeout that must not keep the process for ten minutes once the call is answered;
 *   prints the user's JSON;
 * - hang: a fetch that never settles and holds nothing open, so only the attempt's timeout timer keeps the
 *   process alive to report the TimeoutError; prints the error's name;
 * - trickle: 20 calls with `timeoutMs: 300` to a server at `url` that trickles its body a byte at a time; a second
 *   after they time out, asks the server (`url/open`) how many of its answers are still being sent; prints
 *   `{"errors":[names],"open":n}`. A client that kept those connections would also keep the process alive.
 */
import * as contract from "../../generated/contract.js";
import { type HostileHandler, trickle } from "./hostile-server.js";

export const lifetimeScript = `
import { createSignalZenClient } from "./client.mjs";
const [mode, url] = globalThis.Deno ? Deno.args : process.argv.slice(2);
const answer = async () => new Response('{"id":1}', { headers: { "Content-Type": ${JSON.stringify(contract.mediaType)} } });
if (mode === "trickle") {
  const sz = createSignalZenClient({ apiSecret: "lifetime-secret", baseUrl: url, retry: false, timeoutMs: 300 });
  const results = await Promise.allSettled(Array.from({ length: 20 }, () => sz.users.get(1)));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const open = Number(await (await fetch(url + "/open")).text());
  console.log(JSON.stringify({ errors: [...new Set(results.map((result) => result.reason?.name))], open }));
} else {
  const hang = mode === "hang";
  const sz = createSignalZenClient({ apiSecret: "lifetime-secret", baseUrl: "http://127.0.0.1:9", retry: false,
    timeoutMs: hang ? 200 : 600_000, fetch: hang ? () => new Promise(() => {}) : answer });
  try { console.log(JSON.stringify(await sz.users.get(1))); } catch (error) { console.log(error.name); }
}
`;

/** The trickling server for the script's `trickle` mode: a byte every 100 ms for 30 s; `/open` counts the others. */
export const trickleHandler: HostileHandler = (request, response, server) => {
  if (request.url === "/open") return void response.end(String(server.unfinished() - 1)); // not counting itself
  response.writeHead(200, { "Content-Type": contract.mediaType });
  response.write("{");
  trickle(response, { bytes: 300, everyMs: 100 });
};
