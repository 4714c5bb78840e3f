// orval: the fetch client, with a mutator (signalzen-fetch.ts) that adds the base URL and the two headers.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.env.GENERATED_CLIENT_DIR;

export default {
  signalzen: {
    input: { target: path.join(here, "../../../openapi.yaml") },
    output: {
      target: path.join(out, "signalzen.ts"),
      client: "fetch",
      mode: "single",
      prettier: false,
      override: { mutator: { path: path.join(here, "signalzen-fetch.ts"), name: "signalzenFetch" } },
    },
  },
};
