#!/usr/bin/env bash
# Security checks: a static scan of our code (bandit) and a dependency audit
# (pip-audit). Exit status: 0 all clear; 1 a finding to fix or justify;
# 3 bandit clean but the dependency audit could not run (see below).
#
#   tools/security_checks.sh              # both checks
#   STRICT_AUDIT=1 tools/security_checks.sh   # an audit that cannot run fails too
#
# pip-audit is not in the project venv (it would pull in its own pins). It is
# installed on first use into a separate venv, $AUDIT_VENV (default
# /tmp/what-matters-audit-venv), from the package index pip is configured with.
# It needs a vulnerability service: PyPI's JSON API (default) or OSV
# (AUDIT_SERVICE=osv). Where neither is reachable (an offline CI runner, or a
# package mirror without the JSON API) every package comes back "not found"
# and there is nothing to check against: the script says so plainly instead of
# reporting "no known vulnerabilities".
set -uo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
AUDIT_VENV=${AUDIT_VENV:-/tmp/what-matters-audit-venv}
AUDIT_SERVICE=${AUDIT_SERVICE:-pypi}
status=0

echo "== bandit (static security scan of our code)"
targets=()
for dir in careplan actions bot careteam channels components; do
    [ -d "$dir" ] && targets+=("$dir")
done
if ! "$VENV/bin/bandit" -c tools/bandit.yml -r "${targets[@]}" -q; then
    echo "bandit: findings above. Fix them, or add '# nosec BXXX - reason' on the line." >&2
    status=1
else
    echo "bandit: no findings in ${targets[*]}"
fi

echo "== dependency audit (pip-audit)"
if [ ! -x "$AUDIT_VENV/bin/pip-audit" ]; then
    python3 -m venv "$AUDIT_VENV" && "$AUDIT_VENV/bin/pip" install -q pip-audit >/dev/null 2>&1
fi
if [ ! -x "$AUDIT_VENV/bin/pip-audit" ]; then
    echo "dependency audit NOT RUN: pip-audit could not be installed into $AUDIT_VENV" >&2
    [ "$status" -eq 0 ] && status=3
else
    pins=$(mktemp)
    if [ -s requirements.txt ]; then
        cp requirements.txt "$pins"
    else
        "$VENV/bin/pip" freeze --exclude-editable >"$pins"
    fi
    report=$(mktemp)
    "$AUDIT_VENV/bin/pip-audit" -s "$AUDIT_SERVICE" -r "$pins" --no-deps --disable-pip \
        --progress-spinner off >"$report" 2>&1
    audit_status=$?
    grep -v -E "^WARNING:pip_audit" "$report"
    total=$(grep -c -E "^[A-Za-z0-9][A-Za-z0-9_.-]*(\[.*\])? *==" "$pins")
    skipped=$(grep -c "could not be audited" "$report")
    if grep -q -E "(GHSA|PYSEC|CVE)-" "$report"; then
        echo "dependency audit: known vulnerabilities above. Upgrade, or record why they do not apply." >&2
        status=1
    elif [ "$audit_status" -ne 0 ] || [ "$skipped" -ge "$total" ]; then
        echo "dependency audit NOT RUN: the vulnerability service ($AUDIT_SERVICE) could not check any of" >&2
        echo "the $total pinned packages (offline, or a package mirror without PyPI's JSON API)." >&2
        [ "$status" -eq 0 ] && status=3
    else
        echo "dependency audit: no known vulnerabilities; $((total - skipped)) of $total packages checked"
    fi
fi

if [ "$status" -eq 3 ] && [ "${STRICT_AUDIT:-0}" = "1" ]; then
    status=1
fi
exit "$status"
