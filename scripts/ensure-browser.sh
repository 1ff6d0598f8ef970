#!/usr/bin/env bash
# Makes sure a Chromium exists for the Playwright suite and the benchmarks. Playwright's own
# browser download is never used: it cannot reach its CDN from the machines this runs on.
#   CHROMIUM_PATH=/path/to/chromium   use that binary instead of /usr/bin/chromium
set -euo pipefail

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [ -x "$browser" ]; then
  echo "ensure-browser: using $browser ($("$browser" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "ensure-browser: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file." >&2
  exit 1
fi

if [ -f /etc/debian_version ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "ensure-browser: /usr/bin/chromium is missing; installing Debian's chromium package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
  echo "ensure-browser: installed $(/usr/bin/chromium --version)"
  exit 0
fi

cat >&2 <<'MSG'
ensure-browser: no Chromium found at /usr/bin/chromium.
  - Debian/Ubuntu: sudo apt-get install chromium   (then run the tests again)
  - elsewhere: install Chromium or Chrome and set CHROMIUM_PATH to its binary, e.g.
      CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test
MSG
exit 1
