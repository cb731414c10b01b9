#!/usr/bin/env bash
# Set up and run the whole test suite on a fresh Debian or Ubuntu machine with Python 3.11+.
# Installs what the tests need from Debian when it is missing (as root, or through sudo):
# chromium for the browser tests, jq for a README example, virtuoso-opensource for the SPARQL
# server comparison, a Java runtime for the HermiT reasoner. Then install.sh --test makes the
# virtual environment .venv (installing python3-venv where Debian splits it out) with kg and its
# test extras (the Oxigraph server comes with the `oxigraph` package, the browser driver with
# `playwright`, which uses /usr/bin/chromium and downloads no browser), and pytest runs with it.
# The tests run in up to four worker processes (pytest-xdist), a whole test file to a worker so its
# module fixtures (stores, servers) are made once; `-n 0` after the script runs them in one process.
# Extra arguments go to pytest; --setup-only stops after the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
setup_only=0
if [ "${1:-}" = "--setup-only" ]; then setup_only=1; shift; fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
command -v jq >/dev/null || missing+=(jq)  # a README example pipes kg's JSON through jq
[ -x /usr/bin/virtuoso-t ] || missing+=(virtuoso-opensource)   # tests/test_engines.py
command -v java >/dev/null || missing+=(default-jre-headless)  # HermiT in tests/test_owl.py
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    # virtuoso-opensource asks for a dba password: the tests run their own servers, so none is set.
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
fi
bash install.sh --test
[ "$setup_only" = 1 ] && exit 0
exec .venv/bin/python -m pytest -n auto --maxprocesses 4 --dist loadfile "$@"
