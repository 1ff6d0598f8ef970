#!/bin/sh
# The container's entrypoint: render the same template with the same script as
# `npm run serve:nginx` and the e2e suite, then run nginx in the foreground as this (non-root) user.
set -eu
run_dir=${NGINX_RUN_DIR:-/tmp/nginx}
NGINX_LISTEN=${NGINX_LISTEN:-8080} sh /opt/console/deploy/render.sh /opt/console/dist "$run_dir"
exec nginx -e stderr -p "$run_dir" -c "$run_dir/nginx.conf" -g 'daemon off;'
