/** `signalzen-api docs`: the self-contained docs page. */
import { parse } from "./options.js";
import { USAGE } from "./usage.js";

export async function docs(args: string[]): Promise<void> {
  const values = parse(args, { output: { type: "string" } });
  if (values.help) return void console.log(USAGE);
  const { buildDocs } = await import("../docs/build.js");
  const output = buildDocs({ ...(values.output !== undefined && { output: values.output }) });
  console.log(`docs: wrote ${output} (self-contained; open it in a browser, no network needed)`);
}
