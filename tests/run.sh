#!/usr/bin/env bash
# Set up and run the whole test suite on a fresh Debian or Ubuntu machine with Python 3.11+.
# Installs what the tests need from Debian when it is missing (as root, or through sudo):
# chromium for the browser tests, virtuoso-opensource for the SPARQL server comparison, a Java
# runtime for the HermiT reasoner, python3-venv where Debian splits it out. Creates a virtual
# environment in .venv (a stock Debian Python refuses pip installs outside one), installs kg with
# its test extras into it (the Oxigraph server comes with the `oxigraph` package, the browser
# driver with `playwright`, which uses /usr/bin/chromium and downloads no browser), then runs
# pytest with it. Extra arguments go to pytest; --setup-only stops after the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
setup_only=0
if [ "${1:-}" = "--setup-only" ]; then setup_only=1; shift; fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
[ -x /usr/bin/virtuoso-t ] || missing+=(virtuoso-opensource)   # tests/test_engines.py
command -v java >/dev/null || missing+=(default-jre-headless)  # HermiT in tests/test_owl.py
python3 -c 'import ensurepip, venv' 2>/dev/null || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    # virtuoso-opensource asks for a dba password: the tests run their own servers, so none is set.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
[ "$setup_only" = 1 ] && exit 0
exec .venv/bin/python -m pytest "$@"
