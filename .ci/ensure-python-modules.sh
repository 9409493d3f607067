#!/usr/bin/env bash
# ensure-python-modules.sh: the Python modules SciCode's programs import in the sandbox (Debian's system Python).
# Installed with apt-get when one is missing; when they cannot be, the SciCode tests skip and say why.
set -u
python=/usr/bin/python3
[ -x "$python" ] || exit 1
"$python" -c 'import numpy, scipy, sympy, h5py, matplotlib' >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "not root: install them with: sudo apt-get install -y python3-numpy python3-scipy python3-sympy python3-h5py python3-matplotlib"
  exit 1
fi
apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy python3-scipy python3-sympy python3-h5py python3-matplotlib >/dev/null 2>&1 || { echo "the Python packages could not be installed"; exit 1; }
