#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# This source file is part of the Care Connect ward device project.
#
# Makes .build/fhir-venv with fhir.resources (the FHIR validator the tests use), once: does nothing when the venv
# already imports it. Usage: Scripts/fhir-venv.sh [venv directory]
set -euo pipefail
VERSION=8.3.0
VENV=${1:-"$(cd "$(dirname "$0")/.." && pwd)/.build/fhir-venv"}
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import fhir.resources.R4B.bundle' 2>/dev/null; then
  exit 0
fi
PYTHON=$(command -v python3 || true)
[ -n "$PYTHON" ] || { echo "fhir-venv: python3 is not installed" >&2; exit 1; }
"$PYTHON" -m venv "$VENV" || { echo "fhir-venv: cannot make a venv (install python3-venv)" >&2; exit 1; }
"$VENV/bin/pip" install --quiet --disable-pip-version-check "fhir.resources==$VERSION"
"$VENV/bin/python" -c 'import fhir.resources.R4B.bundle'
echo "fhir-venv: fhir.resources $VERSION in $VENV"
