#!/usr/bin/env bash
# Debian's Chromium, for the test that opens compare.html in a real headless browser. Idempotent; when it cannot
# be installed, that test skips and says so.
set -u
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || { echo "chromium could not be installed"; exit 1; }
else
  echo "not root: install chromium with: sudo apt-get install -y chromium"; exit 1
fi
