#!/usr/bin/env bash
# Debian packages the tests use: Chromium (browser tests, no browser download),
# DejaVu fonts (PDF text in any script), PostgreSQL, Redis and nginx (the
# two-replica test). Installed only if missing; needs root (or sudo).
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null || need+=(redis-server)
command -v nginx >/dev/null || need+=(nginx)
[ ${#need[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
