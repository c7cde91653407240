#!/usr/bin/env bash
# Set up (virtualenv only) and run the helper on 127.0.0.1. Extra arguments go to `tousu serve`,
# e.g. scripts/run.sh --port 47322 --data-dir /tmp/tousu
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --python
exec .venv/bin/tousu serve "$@"
