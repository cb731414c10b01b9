#!/usr/bin/env bash
# Set up and run the whole test suite on a fresh machine (Debian or Ubuntu) with Python 3.11+ and pip.
# Installs Debian's chromium for the browser tests when it is missing (as root, or through sudo),
# kg with its test extras (the Oxigraph server comes with the `oxigraph` package, the browser
# driver with `playwright`, which uses /usr/bin/chromium and downloads no browser), then runs
# pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        chromium fonts-liberation >/dev/null
fi
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
exec python3 -m pytest "$@"
