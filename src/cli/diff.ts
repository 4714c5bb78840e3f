/**
 * `signalzen-api diff BASE HEAD [--json]`: the changes between two contracts that matter to a consumer
 * (src/diff). `runDiff` is the command as a function of its arguments that returns the exit status (0 nothing
 * breaking, 1 something breaking, 2 the documents could not be compared), so that any host (the CLI,
 * `npm run diff`, tests) can run it. Arguments are parsed by node:util's parseArgs, strict: positionals are
 * allowed here, unlike options.ts's `parse`.
 */
import { parseArgs } from "node:util";
import { type DiffReport, diffDocuments } from "../diff/compare-documents.js";
import { DiffInputError, type LoadedDocument, type LoadOptions, loadDocument } from "../diff/load.js";
import { formatDiffReport } from "../diff/report.js";
import { MissingPeerError } from "../node/optional-peer.js";
import { type CommandHelp, formatHelp, parseArgsOptions } from "./help.js";

export interface DiffIO {
  stdout(line: string): void;
  stderr(line: string): void;
}

export const DIFF_HELP = {
  name: "diff",
  synopsis: "BASE HEAD [options]",
  summary: "List the changes between two contracts that matter to consumers, each breaking or compatible.",
  details:
    "Each change comes with its JSON pointer in both documents and a one-line explanation.\n\n" +
    "Exit status: 0 nothing breaking, 1 something breaking, 2 a document could not be read or is not OpenAPI 3.1.",
  arguments: {
    "BASE, HEAD":
      "an OpenAPI 3.1 document: a file (YAML or JSON), or git:REF for this repository's\n" +
      "openapi.yaml at a git ref (git:HEAD, git:main, git:1a2b3c4)",
  },
  options: { json: { type: "boolean", text: "print the report as JSON" } },
  examples: ["signalzen-api diff git:main openapi.yaml", "signalzen-api diff old.yaml new.json --json"],
} as const satisfies CommandHelp;

export const DIFF_USAGE = formatHelp(DIFF_HELP);

export async function runDiff(args: string[], io: DiffIO, options: LoadOptions = {}): Promise<number> {
  let values: { json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: parseArgsOptions(DIFF_HELP.options),
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  if (values.help) {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    return usageError(io, `diff compares two documents, BASE and HEAD; got ${positionals.length}`);
  }
  const [baseSource, headSource] = positionals as [string, string];
  let documents: LoadedDocument[];
  try {
    documents = await Promise.all([loadDocument(baseSource, options), loadDocument(headSource, options)]);
  } catch (error) {
    // A missing YAML parser is input this machine cannot read, said the same way.
    if (!(error instanceof DiffInputError || error instanceof MissingPeerError)) throw error;
    io.stderr(`signalzen-api diff: ${error.message}`);
    return 2;
  }
  const [base, head] = documents as [LoadedDocument, LoadedDocument];
  let report: DiffReport;
  try {
    report = diffDocuments(base.document, head.document);
  } catch (error) {
    // A document the loader accepted but the differ cannot follow: say so rather than print a stack.
    io.stderr(`signalzen-api diff: could not compare ${baseSource} with ${headSource}: ${(error as Error).message}`);
    return 2;
  }
  if (values.json) io.stdout(JSON.stringify({ base: baseSource, head: headSource, ...report }, null, 2));
  else io.stdout(formatDiffReport(report, { base: baseSource, head: headSource }));
  return report.breaking > 0 ? 1 : 0;
}

function usageError(io: DiffIO, message: string): number {
  io.stderr(`signalzen-api diff: ${message}\n\n${DIFF_USAGE}`);
  return 2;
}

export async function diff(args: string[]): Promise<void> {
  process.exitCode = await runDiff(args, {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  });
}
