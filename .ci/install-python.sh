#!/usr/bin/env bash
# python3 for the Python verifier bridge's tests (standard library only). Idempotent.
set -u
command -v python3 >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null 2>&1 || { echo "python3 could not be installed"; exit 1; }
else
  echo "not root: install python3 with: sudo apt-get install -y python3"; exit 1
fi
