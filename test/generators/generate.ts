/**
 * The six generators people point at openapi.yaml, each run once as its README says, into
 * test/generators/.out/<name>/ (ignored by git). Each runs offline: DO_NOT_TRACK=1 and the like, and
 * offline.cjs preloaded to refuse and log any attempt.
 *
 * Why these devDependencies (pinned exact, so a generator's release cannot change the verdict unseen): orval,
 * @hey-api/openapi-ts, openapi-zod-client, typed-openapi, swagger-typescript-api and @kubb/core with its plugins
 * (oas, ts, client, zod) are the generators under test; zod 3.25 and @zodios/core are what their output imports.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { mediaType } from "../../generated/contract.js";
import { repoRoot } from "../helpers/cli.js";

const run = promisify(execFile);
const here = path.join(repoRoot, "test/generators");
export const OUT_DIR = path.join(here, ".out");
const bin = (name: string) => path.join(repoRoot, "node_modules/.bin", name);
const spec = path.join(repoRoot, "openapi.yaml");

export interface Generator {
  name: string;
  /** The commands that write the client into `out`, in order. */
  commands: (out: string) => [string, ...string[]][];
}

export const GENERATORS: Generator[] = [
  { name: "orval", commands: () => [[bin("orval"), "--config", path.join(here, "configs/orval.config.mjs")]] },
  { name: "hey-api", commands: (out) => [[bin("openapi-ts"), "-i", spec, "-o", out]] },
  {
    name: "openapi-zod-client",
    commands: (out) => [
      [
        bin("openapi-zod-client"),
        spec,
        "-o",
        path.join(out, "client.ts"),
        "--export-schemas",
        "--strict-objects",
        // Its default keeps only application/json: without this every response schema is z.void().
        "--media-type-expr",
        `mediaType === "${mediaType}"`,
      ],
    ],
  },
  {
    name: "typed-openapi",
    // The typed client (no runtime), and the zod schemas alone: its zod client's types need zod 4, while
    // openapi-zod-client's zodios needs zod 3. It joins -o to the working directory even when absolute.
    commands: (out) => [
      [bin("typed-openapi"), spec, "-o", path.relative(repoRoot, path.join(out, "api.ts"))],
      [
        bin("typed-openapi"),
        spec,
        "-o",
        path.relative(repoRoot, path.join(out, "schemas.ts")),
        "-r",
        "zod",
        "--schemas-only",
      ],
    ],
  },
  {
    name: "swagger-typescript-api",
    commands: (out) => [[bin("swagger-typescript-api"), "generate", "-p", spec, "-o", out, "-n", "api.ts"]],
  },
  { name: "kubb", commands: () => [[process.execPath, path.join(here, "configs/kubb.mjs")]] },
];

/** Generates every client, two at a time (CI has two cores). Returns what each tried to reach on the network. */
export async function generateAll(): Promise<string[]> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const networkLog = path.join(OUT_DIR, "network.log");
  const queue = [...GENERATORS];
  const worker = async () => {
    for (let generator = queue.shift(); generator; generator = queue.shift()) {
      const out = path.join(OUT_DIR, generator.name);
      mkdirSync(out, { recursive: true });
      for (const [file, ...args] of generator.commands(out)) {
        await run(file, args, {
          cwd: repoRoot,
          timeout: 60_000,
          env: {
            ...process.env,
            GENERATED_CLIENT_DIR: out,
            GENERATOR_NETWORK_LOG: networkLog,
            NODE_OPTIONS: `--require ${path.join(here, "offline.cjs")}`,
            DO_NOT_TRACK: "1",
            KUBB_DISABLE_TELEMETRY: "1",
            NO_UPDATE_NOTIFIER: "1",
            CI: "1", // no prompts, no interactive update checks
          },
        }).catch((error: { stderr?: string; message: string }) => {
          throw new Error(`${generator.name} failed: ${error.stderr || error.message}`);
        });
      }
    }
  };
  await Promise.all([worker(), worker()]);
  return existsSync(networkLog) ? readFileSync(networkLog, "utf8").split("\n").filter(Boolean) : [];
}
