/**
 * The Shell and Ruby samples of the published reference (test/contract/fixtures/signalzen-api-v1.md), keyed by
 * the URL their curl line calls, so that each can be set beside the operation whose example path it names.
 */
import { readFileSync } from "node:fs";

export interface ReferenceSample {
  /** The curl line's URL: `https://api.signalzen.com/external/users/123`. */
  url: string;
  shell: string;
  ruby: string;
}

const fixture = new URL("../contract/fixtures/signalzen-api-v1.md", import.meta.url);

/** The reference's code sits four spaces in; its blank lines keep the four spaces. */
function dedent(block: string): string {
  return block
    .split("\n")
    .map((line) => line.replace(/^ {1,4}/, ""))
    .join("\n");
}

/** Every Ruby sample, each followed by its curl sample, in the order the reference shows them. */
export function referenceSamples(): ReferenceSample[] {
  const text = readFileSync(fixture, "utf8");
  // A Ruby sample runs to its JSON.parse line without reaching another sample's `require`; its curl sample
  // follows after blank or comment lines.
  const notAnotherSample = String.raw`(?:(?! {4}require ).*\n)*?`;
  const ruby = String.raw`( {4}require 'httparty'\n${notAnotherSample} {4}result = JSON\.parse\(response\.body\))`;
  const between = String.raw`(?: *\n| {4}#.*\n)*`;
  const shell = String.raw`( {4}curl "([^"]+)" \\\n {6}-H .* \\\n {6}-H .*)`;
  const pairs = [...text.matchAll(new RegExp(`^${ruby}\\n${between}${shell}$`, "gm"))];
  if (pairs.length === 0)
    throw new Error(`no Ruby and curl samples found in ${fixture.pathname}: has its layout changed?`);
  return pairs.map((match) => ({ url: match[3]!, ruby: dedent(match[1]!), shell: dedent(match[2]!) }));
}

/** The reference's samples for one URL (the Authentication section repeats the users list's). */
export function referenceSampleFor(url: string): ReferenceSample {
  const found = referenceSamples().filter((sample) => sample.url === url);
  if (found.length === 0) throw new Error(`the reference has no Shell and Ruby sample calling ${url}`);
  if (new Set(found.map((sample) => sample.shell + sample.ruby)).size > 1)
    throw new Error(`the reference's samples for ${url} differ`);
  return found[0]!;
}
