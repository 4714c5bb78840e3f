/** `npm run diff -- BASE HEAD [--json]`: runs the diff command from source and exits with its status. */
import { runDiff } from "./command.js";

process.exitCode = await runDiff(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
