/** Runs the CLI from source (through tsx) as a user would, and stops it by its PID. */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const cliArgs = ["--import", "tsx", "src/cli/index.ts"];

export function startCli(
  args: string[],
  env: Record<string, string> = {},
): {
  child: ChildProcessWithoutNullStreams;
  /** Standard output and standard error together, in the order they came. */
  output: () => string;
  /** Standard output alone. */
  stdout: () => string;
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>;
} {
  const { SIGNALZEN_API_SECRET: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, [...cliArgs, ...args], {
    cwd: repoRoot,
    env: { ...inherited, FORCE_COLOR: "0", ...env },
  });
  let output = "";
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = (pattern: RegExp, ms = 20_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = output.match(pattern);
        if (match) {
          clearInterval(timer);
          clearTimeout(deadline);
          resolve(match);
        }
      }, 20);
      const deadline = setTimeout(() => {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${pattern}; output so far:\n${output}`));
      }, ms);
    });
  return { child, output: () => output, stdout: () => stdout, waitFor };
}

export function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}
