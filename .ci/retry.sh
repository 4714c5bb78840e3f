# Sourced by .ci scripts. The registry is the only network CI has, and it sometimes stalls mid-download
# (seen: EIDLETIMEOUT on a packument during `npm ci`), which npm's own fetch retries do not cover.
# `retry N CMD...` runs CMD up to N times, pausing longer between tries; the last failure's exit code stands.
retry() {
  local tries=$1 attempt=1 code=0
  shift
  while true; do
    "$@" && return 0 || code=$?
    if [ "$attempt" -ge "$tries" ]; then
      echo "retry: '$*' failed $attempt times (last exit $code)" >&2
      return "$code"
    fi
    echo "retry: '$*' failed (exit $code), try $((attempt + 1)) of $tries in $((attempt * 15)) s" >&2
    sleep $((attempt * 15))
    attempt=$((attempt + 1))
  done
}

# npm's own per-request retries, a little more patient than its defaults (2 retries, 60 s cap).
export npm_config_fetch_retries=5
export npm_config_fetch_retry_maxtimeout=120000
