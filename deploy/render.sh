#!/bin/sh
# Renders deploy/nginx.conf.template into a runnable nginx configuration. The container's
# entrypoint and `npm run serve:nginx` (and so the e2e suite) both run exactly this script.
#
#   sh deploy/render.sh <dist dir> <output dir>
#
# Environment:
#   NGINX_LISTEN        what nginx listens on: "8080" (container) or "127.0.0.1:4319"
#   SKYVERN_UPSTREAM    Skyvern's URL as nginx reaches it; turns on the same-origin proxy at
#                       /skyvern-api/, and config.json says {"apiBaseUrl": "/skyvern-api"}
#   SKYVERN_API_URL     otherwise: Skyvern's URL as browsers reach it (CORS, ALLOWED_ORIGINS)
#   CONSOLE_CONNECT_SRC extra connect-src origins, space-separated (as with vite preview)
#   NGINX_MIME_TYPES    default /etc/nginx/mime.types
#
# Writes <output dir>/nginx.conf, <output dir>/config.json and nginx's temp folders, so nginx
# runs as any user: nginx -e stderr -p <output dir> -c <output dir>/nginx.conf
# POSIX sh and sed only: the nginx image has no Node.
set -eu

die() {
  echo "render.sh: $*" >&2
  exit 1
}

[ $# -eq 2 ] || die "usage: render.sh <dist dir> <output dir>"
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "$1" && pwd) || die "no dist folder at $1 (run npm run build)"
mkdir -p "$2"
out=$(cd "$2" && pwd)
template="$here/nginx.conf.template"
headers="$dist/security-headers.conf"

[ -f "$dist/index.html" ] || die "$dist/index.html is missing (run npm run build)"
[ -f "$headers" ] || die "$headers is missing: it is written by vite build (run npm run build)"

listen=${NGINX_LISTEN:-8080}
upstream=$(printf '%s' "${SKYVERN_UPSTREAM:-}" | sed 's#/*$##')
api_url=$(printf '%s' "${SKYVERN_API_URL:-}" | sed 's#/*$##')
mime_types=${NGINX_MIME_TYPES:-/etc/nginx/mime.types}
[ -f "$mime_types" ] || die "no mime.types at $mime_types (set NGINX_MIME_TYPES)"

# Values end up in nginx directives and in JSON: refuse anything that could break out of them.
for value in "$listen" "$upstream" "$api_url" "${CONSOLE_CONNECT_SRC:-}" "$dist" "$out"; do
  case "$value" in
    *'"'* | *"'"* | *'\'* | *';'* | *'{'* | *'}'* | *'$'*)
      die "refusing a value with quotes, backslashes, ';', braces or '\$': $value" ;;
  esac
done
case "$upstream" in "" | http://* | https://*) ;; *) die "SKYVERN_UPSTREAM must start with http:// or https://" ;; esac

connect_src=""
if [ -n "$upstream" ]; then
  # Same origin: the console calls /skyvern-api/ on its own origin, and 'self' covers it.
  [ -z "$api_url" ] || echo "render.sh: SKYVERN_UPSTREAM is set, so SKYVERN_API_URL is ignored" >&2
  config='{"apiBaseUrl":"/skyvern-api"}'
elif [ -n "$api_url" ]; then
  case "$api_url" in
    http://* | https://*)
      # The origin, as contentSecurityPolicy() puts it into connect-src: scheme://host[:port].
      origin=$(printf '%s' "$api_url" | sed -E 's#^(https?://[^/?\#]*).*#\1#' | tr 'A-Z' 'a-z')
      connect_src=" $origin" ;;
    /*) ;; # a path on this origin (another proxy in front): 'self' covers it
    *) die "SKYVERN_API_URL must be an absolute http(s) URL or a path: $api_url" ;;
  esac
  config="{\"apiBaseUrl\":\"$api_url\"}"
else
  echo "render.sh: neither SKYVERN_UPSTREAM nor SKYVERN_API_URL is set; the console will default to http://localhost:8000" >&2
  connect_src=" http://localhost:8000"
  config='{"apiBaseUrl":"http://localhost:8000"}'
fi
for extra in ${CONSOLE_CONNECT_SRC:-}; do connect_src="$connect_src $extra"; done

# config.json never carries a sandboxApiKey: production hands out no key (see the README).
printf '%s\n' "$config" >"$out/config.json"

for dir in client_body proxy fastcgi uwsgi scgi; do mkdir -p "$out/tmp/$dir"; done

# sed replacement text: escape the delimiter (#), & and backslashes.
esc() { printf '%s' "$1" | sed -e 's/[#&\\]/\\&/g'; }

if [ -n "$upstream" ]; then
  keep_proxy='s/^#@PROXY@//' # uncomment the proxy block
else
  keep_proxy='/^#@PROXY@/d' # drop it
fi

sed -e "$keep_proxy" \
  -e "s#@LISTEN@#$(esc "$listen")#g" \
  -e "s#@DIST@#$(esc "$dist")#g" \
  -e "s#@OUT@#$(esc "$out")#g" \
  -e "s#@HEADERS@#$(esc "$headers")#g" \
  -e "s#@MIME_TYPES@#$(esc "$mime_types")#g" \
  -e "s#@CONNECT_SRC@#$(esc "$connect_src")#g" \
  -e "s#@SKYVERN_UPSTREAM@#$(esc "$upstream")#g" \
  "$template" >"$out/nginx.conf"

echo "render.sh: wrote $out/nginx.conf and $out/config.json ($config)"
