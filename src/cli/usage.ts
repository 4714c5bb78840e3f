/** The help text every command prints with `--help`, and with a usage error. */
import { VERIFY_DEFAULTS } from "../verify/defaults.js";

export const USAGE = `Usage: signalzen-api <command> [options]

Commands:
  mock      Run the SignalZen API mock server (Prism, with the contract's rules enforced).
            --port N      port to listen on (default 4010; 0 picks a free port)
            --host H      address to listen on (default 127.0.0.1)
            --secret S    accept only this Bearer secret (default: any non-empty secret)
            --dynamic     serve data generated from the schemas instead of the examples
            --seed S      seed for --dynamic, so runs repeat
            --quiet       do not log each request
  verify    Check any server against the contract and print a report (exit 0 only when all pass);
            a line per finished check goes to stderr.
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
            --verbose            list passing checks too
  docs      Write the self-contained API docs page.
            --output F    where to write it (default docs/index.html)

Run 'signalzen-api <command> --help' for a command's options.`;
