#!/usr/bin/env bash
# Installs the Debian packages glossary needs when they are missing: the system ICU
# (libicu-dev), libxml2 (libxml2-dev) and SQLite (libsqlite3-dev: the alignment store and the
# concordance index), with pkg-config to find them, all required, and, with
# --dev, xmllint (libxml2-utils, for the TBX tests).
# Uses sudo when not root.
set -euo pipefail
need=()
dpkg -s libicu-dev >/dev/null 2>&1 || need+=(libicu-dev)
dpkg -s libxml2-dev >/dev/null 2>&1 || need+=(libxml2-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${1:-}" = --dev ]; then command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils); fi
((${#need[@]})) || exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
