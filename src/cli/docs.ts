/** `signalzen-api docs`: the self-contained docs page. */
import { buildDocs, defaultDocsOutput } from "../docs/build.js";
import { type CommandHelp, formatHelp } from "./help.js";
import { parse } from "./options.js";

export const DOCS_HELP = {
  name: "docs",
  synopsis: "[options]",
  summary: "Write the self-contained API docs page (it works offline: nothing is loaded from another host).",
  options: {
    output: { type: "string", value: "FILE", text: `where to write it (default ${defaultDocsOutput})` },
  },
  examples: ["signalzen-api docs --output public/api.html"],
} as const satisfies CommandHelp;

export async function docs(args: string[]): Promise<void> {
  const values = parse(args, DOCS_HELP.options);
  if (values.help) return void console.log(formatHelp(DOCS_HELP));
  const output = buildDocs({ ...(values.output !== undefined && { output: values.output }) });
  console.log(`docs: wrote ${output} (self-contained; open it in a browser, no network needed)`);
}
