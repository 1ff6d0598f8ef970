#!/usr/bin/env bash
# Makes sure nginx exists for `npm run serve:nginx` and the e2e suite's nginx project, the same
# way ensure-browser.sh does for Chromium: Debian's package when root on Debian, else advice.
#   NGINX_BIN=/path/to/nginx   use that binary instead of the one on PATH or /usr/sbin/nginx
set -euo pipefail

found() {
  if [ -n "${NGINX_BIN:-}" ]; then [ -x "$NGINX_BIN" ] && echo "$NGINX_BIN"; return; fi
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }
}

if nginx=$(found); then
  echo "ensure-nginx: using $nginx ($("$nginx" -v 2>&1))"
  exit 0
fi

if [ -n "${NGINX_BIN:-}" ]; then
  echo "ensure-nginx: NGINX_BIN=$NGINX_BIN is not an executable file." >&2
  exit 1
fi

if [ -f /etc/debian_version ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "ensure-nginx: nginx is missing; installing Debian's nginx package…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # nginx-light would do, but plain "nginx" exists on every Debian and Ubuntu release.
  apt-get install -y -qq --no-install-recommends nginx >/dev/null
  # Only the binary is wanted: the package's own site must not hold port 80.
  if command -v service >/dev/null; then service nginx stop >/dev/null 2>&1 || true; fi
  echo "ensure-nginx: installed $(/usr/sbin/nginx -v 2>&1)"
  exit 0
fi

cat >&2 <<'MSG'
ensure-nginx: nginx is not installed.
  - Debian/Ubuntu: sudo apt-get install nginx   (then run the command again)
  - macOS: brew install nginx
  - elsewhere: install nginx, or set NGINX_BIN to its binary
MSG
exit 1
