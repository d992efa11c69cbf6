#!/usr/bin/env bash
# What the test suite needs beyond npm packages: Debian's Chromium for Playwright and a running
# local PostgreSQL server for the second pass. Idempotent; installs only what is missing.
set -euo pipefail

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
	echo "installing chromium"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
	echo "starting PostgreSQL"
	version="$(ls /etc/postgresql | sort -n | tail -n 1)"
	pg_ctlcluster --skip-systemctl-redirect "$version" main start
	for _ in $(seq 1 30); do
		pg_isready -q -h 127.0.0.1 -p 5432 && break
		sleep 1
	done
fi
pg_isready -h 127.0.0.1 -p 5432
