#!/usr/bin/env bash
# Install kg into a virtual environment, .venv, on a stock Debian or Ubuntu machine: nothing needs
# installing by hand first. A stock Debian Python refuses `pip install` outside a virtual
# environment ("externally-managed-environment"), and Debian ships the venv module's pip apart,
# in python3-venv: when it is missing it is installed with apt (as root, or through sudo).
#
#   bash install.sh            kg and what it needs to run (the Oxigraph server of `kg serve` too)
#   bash install.sh --test     also the test tools (pytest, playwright, ruff, mypy)
#
# Then `. .venv/bin/activate` puts `kg` on your PATH (or call .venv/bin/kg). PYTHON chooses
# the interpreter: PYTHON=python3.12 bash install.sh.
set -euo pipefail
cd "$(dirname "$0")"
python="${PYTHON:-python3}"
extras=""
if [ "${1:-}" = "--test" ]; then extras="[test]"; shift; fi

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    found="$("$python" --version 2>&1 || echo "no $python")"
    echo "Error: kg needs Python 3.11 or newer; found: $found." >&2
    echo "Install one (Debian 12 and Ubuntu 24.04 have it) and run: PYTHON=python3.11 bash install.sh" >&2
    exit 1
fi
if [ ! -x .venv/bin/python ] && ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    package="python${version}-venv"
    [ "$python" = python3 ] && package="python3-venv"
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    echo "Installing $package with apt (the venv module's pip)..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$package" >/dev/null
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".$extras"
echo "Installed kg in .venv: run '. .venv/bin/activate' to put kg on your PATH." >&2
