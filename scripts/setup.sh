#!/usr/bin/env bash
# Set up a development machine: Python virtualenv with Tousu installed, and (for the browser
# tests) Debian's chromium and CJK fonts. Safe to run again; it only installs what is missing.
#   scripts/setup.sh            everything
#   scripts/setup.sh --python   only the virtualenv (enough to run the helper)
set -euo pipefail
cd "$(dirname "$0")/.."

python_only=false
[[ "${1:-}" == "--python" ]] && python_only=true

if ! $python_only; then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  # The extension's zh_CN screens need Chromium's own zh-CN locale, which Debian ships apart.
  dpkg -s chromium-l10n >/dev/null 2>&1 || missing+=(chromium-l10n)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
  # ESLint, node --test and the mock shop's React need Node.js and npm (Debian's are enough).
  command -v npm >/dev/null || missing+=(nodejs npm)
  if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    echo "Installing ${missing[*]} with apt (Playwright never downloads a browser here)..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The mock shop's forms are React components; React comes from npm, never from the repository.
  if [[ ! -d tousu-testing/node_modules/react-dom ]]; then
    echo "Installing the mock shop's React (npm ci in tousu-testing/)..."
    (cd tousu-testing && npm ci --no-audit --no-fund --silent)
  fi
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.tousu-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp || tousu-testing/pyproject.toml -nt $stamp ]]; then
  .venv/bin/python -m pip install -q --upgrade pip
  # The product (helper/) and the QA toolkit (tousu-testing/) are two distributions; a checkout
  # installs both, editable.
  .venv/bin/python -m pip install -q -e ".[dev]" -e ./tousu-testing
  touch "$stamp"
fi

# The extension's lint and unit-test tools (ESLint; node --test needs nothing), from the root
# package-lock.json. Only when npm is there: the helper itself needs no Node.
if command -v npm >/dev/null && [[ ! -d node_modules || package-lock.json -nt node_modules ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
