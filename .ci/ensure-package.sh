#!/usr/bin/env bash
# ensure-package.sh COMMAND DEBIAN_PACKAGE: installs the package with apt-get unless COMMAND is already on PATH.
# Idempotent. When it cannot install, it says so and fails; the tests that need the command then skip with that
# reason (for example the browser test of compare.html needs chromium, the Python bridge tests python3).
set -u
command="$1"
package="$2"
command -v "$command" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "not root: install it with: sudo apt-get install -y $package"
  exit 1
fi
apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1 || { echo "$package could not be installed"; exit 1; }
