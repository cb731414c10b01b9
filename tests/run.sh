#!/usr/bin/env bash
# Set up and run the whole test suite on a fresh machine with Python 3.11+ and pip.
# Installs kg with its test extras (the Oxigraph server comes with the `oxigraph` package),
# then runs pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
exec python3 -m pytest "$@"
