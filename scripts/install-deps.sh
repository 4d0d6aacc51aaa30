#!/usr/bin/env bash
# Installs the Debian packages glossary needs when they are missing: the system ICU
# (libicu-dev, required) and, with --dev, xmllint (libxml2-utils, for the TBX tests).
# Uses sudo when not root.
set -euo pipefail
need=()
dpkg -s libicu-dev >/dev/null 2>&1 || need+=(libicu-dev)
if [ "${1:-}" = --dev ]; then command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils); fi
((${#need[@]})) || exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
