#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, on a fresh machine of this kind (Debian, root):
# Debian's Chromium for the browser journeys and a running local PostgreSQL for the integration suite.
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  echo "test-setup: installing Debian chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

pg_ready() { pg_isready -h 127.0.0.1 -p 5432 -q; }
if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_ready; then
  echo "test-setup: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  pg_ready || { echo "test-setup: PostgreSQL did not start" >&2; exit 1; }
fi
