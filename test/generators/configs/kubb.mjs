// kubb through its API (@kubb/core's build) rather than its CLI: the CLI checks the npm registry for a newer
// version on every run, whatever DO_NOT_TRACK says; build() does not. Types, the fetch client (its default is
// axios), zod schemas.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, defineConfig } from "@kubb/core";
import { pluginClient } from "@kubb/plugin-client";
import { pluginOas } from "@kubb/plugin-oas";
import { pluginTs } from "@kubb/plugin-ts";
import { pluginZod } from "@kubb/plugin-zod";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.GENERATED_CLIENT_DIR;
process.chdir(out); // kubb writes some of its files (and a .kubb/ folder) under the working directory

const config = defineConfig({
  root: out,
  input: { path: path.join(here, "../../../openapi.yaml") },
  output: { path: ".", clean: true, format: false, lint: false },
  plugins: [
    pluginOas({ generators: [] }),
    pluginTs(),
    pluginClient({ client: "fetch", dataReturnType: "full" }),
    pluginZod(),
  ],
});

const { error } = await build({ config });
if (error) {
  console.error(error);
  process.exit(1);
}
