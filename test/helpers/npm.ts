/**
 * npm for the tests that install from the registry (the packed package's consumer, Bun and Deno).
 * The registry sometimes stalls mid-download (EIDLETIMEOUT), which npm's own retries do not cover,
 * so a failed install is tried again, up to three times, before the test fails with npm's own message.
 * Installs prefer npm's cache: what the project's own `npm ci` fetched is not asked for again.
 */
import { execFileSync } from "node:child_process";

const TRIES = 3;

export function npm(args: string[], cwd: string): string {
  const env = { ...process.env, npm_config_update_notifier: "false" };
  const installing = args[0] === "install";
  const flags = ["--no-audit", "--no-fund", "--loglevel=error", ...(installing ? ["--prefer-offline"] : [])];
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync("npm", [...args, ...flags], {
        cwd,
        encoding: "utf8",
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      if (!installing || attempt === TRIES) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, attempt * 10_000);
    }
  }
}
