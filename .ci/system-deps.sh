#!/usr/bin/env bash
# What the tests need that npm cannot install: Debian's Chromium (browser tests), Ruby with HTTParty and curl (the
# docs' Ruby and Shell samples are run). Shared by `npm test` (README's test command) and .ci/run, so a fresh machine needs only
# README's two commands. Installs what is missing when it can (root with apt-get); otherwise stops at once with the
# one command to run. Prints nothing when everything is there.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v ruby >/dev/null 2>&1 || missing+=(ruby)
if ! ruby -e 'require "httparty"' >/dev/null 2>&1; then missing+=(ruby-httparty); fi
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get update && apt-get install -y ${missing[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need Debian packages that are not installed: ${missing[*]}." >&2
  echo "Install them with: sudo sh -c '$command_line'" >&2
  exit 1
fi
. .ci/retry.sh
echo "== installing Debian packages the tests need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
retry 3 apt-get update -qq
retry 3 apt-get install -y -qq "${missing[@]}" >/dev/null
