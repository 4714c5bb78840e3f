/** The help text every command prints with `--help`, and with a usage error. */
import { VERIFY_DEFAULTS } from "../verify/defaults.js";

export const USAGE = `Usage: signalzen-api <command> [options]

Commands:
  mock      Run the SignalZen API mock server: a seeded world of users and chats, every contract rule enforced.
            --port N          port to listen on (default 4010; 0 picks a free port)
            --host H          address to listen on (default 127.0.0.1)
            --secret S        accept only this Bearer secret (default: any non-empty secret)
            --seed S          the world's seed (default: a fixed one, the same world everywhere)
            --users N         how many users the world has, 0 to 1000000 (default 250)
            --data FILE       serve the world in FILE (written by 'world', hand-edited or not)
            --latency MS      delay each answer: MS, or MIN-MAX drawn per request
            --fail-rate P     that fraction (0 to 1) of answers fail: 500 or 503 (503 with Retry-After: 1)
            --fail-status N   the status failures get instead: 400, 401, 403, 405, 406, 429, 500 or 503
            --rate-limit N    at most N requests per second per secret; the rest get 429
            --assets-base URL where the world's avatars and files point (default: the server's own
                              /__signalzen/assets, which it answers with placeholders)
            --quiet           do not log each request
  world     Write the world as JSON in the load format that 'mock --data' serves.
            --seed S          the world's seed (default: the mock's)
            --users N         how many users (default 250)
            --assets-base URL where avatars and files point (default http://127.0.0.1:4010/__signalzen/assets)
            --output FILE     where to write it (default: standard output)
  verify    Check any server against the contract and print a report; a line per finished check goes to stderr.
            Exit 0 when every check that ran passed (checks not run, such as the POST ones without
            --probe-methods, are listed with why), 1 when one failed or the run stopped early.
            --base-url URL       the server, e.g. https://api.signalzen.com/external (required)
            --secret S           the API secret (or set SIGNALZEN_API_SECRET)
            --json               print the report as JSON
            --user-id N          start from this user instead of the first listed one
            --message-id N       start from this message instead of the first listed one
            --max-requests N     stop after N requests (default ${VERIFY_DEFAULTS.maxRequests})
            --timeout-ms N       per request (default ${VERIFY_DEFAULTS.timeoutMs})
            --deadline-ms N      for the whole run, after which checks stop (default ${VERIFY_DEFAULTS.deadlineMs})
            --max-body-bytes N   read at most N bytes of a body (default ${VERIFY_DEFAULTS.maxBodyBytes})
            --seed N             seed of the generated requests (default ${VERIFY_DEFAULTS.seed})
            --probe-methods      also send POST, for the 405 checks (otherwise only GET is sent)
            --strict             exit 1 unless every check ran and passed (not run counts as failed)
            --verbose            list passing checks too
  diff      List the changes between two contracts that matter to consumers, each breaking or compatible.
            BASE HEAD     openapi.yaml files (YAML or JSON), or git:REF for this repository's openapi.yaml
            --json        print the changes as JSON
            Exit 0 when nothing is breaking, 1 when something is, 2 on bad input.
  docs      Write the self-contained API docs page.
            --output F    where to write it (default docs/index.html)

Run 'signalzen-api <command> --help' for a command's options.`;
