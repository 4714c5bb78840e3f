/**
 * A script for a runtime's process lifetime around the client's attempt timeout, run as
 * `run.mjs answer|hang` beside the bundled client as `client.mjs`. It prints the user's JSON or the error's name.
 * - answer: a ten-minute timeout that must not keep the process for ten minutes once the call is answered;
 * - hang: a fetch that never settles and holds nothing open, so only the attempt's timeout timer keeps the
 *   process alive to report the TimeoutError.
 */
import * as contract from "../../generated/contract.js";

export const lifetimeScript = `
import { createSignalZenClient } from "./client.mjs";
const hang = (globalThis.Deno ? Deno.args : process.argv.slice(2))[0] === "hang";
const answer = async () => new Response('{"id":1}', { headers: { "Content-Type": ${JSON.stringify(contract.mediaType)} } });
const sz = createSignalZenClient({ apiSecret: "lifetime-secret", baseUrl: "http://127.0.0.1:9", retry: false,
  timeoutMs: hang ? 200 : 600_000, fetch: hang ? () => new Promise(() => {}) : answer });
try { console.log(JSON.stringify(await sz.users.get(1))); } catch (error) { console.log(error.name); }
`;
