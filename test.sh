#!/usr/bin/env bash
# The one test command (README, CI): installs the Debian packages the tests need (tests/system-packages.txt,
# idempotently; sudo only when not root), then runs `dotnet test EdgeSensor.sln` and ends with the summary
# line "N passed, N failed". Arguments are passed to `dotnet test` (e.g. --filter ...). Exit status: dotnet
# test's, or 1 when no test project reported.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is required (dotnet is not on PATH)" >&2; exit 1; }

# package<TAB>why, from the list (comments and blank lines dropped).
mapfile -t wanted < <(sed -e 's/^[[:space:]]*//' -e '/^#/d' -e '/^$/d' tests/system-packages.txt)
missing=()
for line in "${wanted[@]}"; do
    pkg=${line%%[[:space:]]*}
    why=$(printf '%s' "$line" | sed -n 's/^[^#]*#[[:space:]]*//p')
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        continue
    fi
    echo "test.sh: installing Debian package '$pkg': $why"
    missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "test.sh: not root and no sudo: install ${missing[*]} yourself (apt-get install ${missing[*]})" >&2; exit 1; }
        sudo="sudo"
    fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    # The tests start their own brokers on free ports; the distribution's service would only hold port 1883.
    if [[ " ${missing[*]} " == *" mosquitto "* ]] && command -v systemctl >/dev/null 2>&1; then
        $sudo systemctl disable --now mosquitto >/dev/null 2>&1 || true
    fi
else
    echo "test.sh: Debian packages present: $(printf '%s\n' "${wanted[@]}" | awk '{print $1}' | xargs)"
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
set +e
dotnet test EdgeSensor.sln "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

# Sum the per-project VSTest summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, ...").
read -r passed failed projects < <(awk '
    /(Passed|Failed)! +- Failed: / {
        line = $0
        gsub(/,/, "", line)
        n = split(line, f, " ")
        for (i = 1; i < n; i++) {
            if (f[i] == "Failed:") failed += f[i+1]
            if (f[i] == "Passed:") passed += f[i+1]
        }
        projects++
    }
    END { printf "%d %d %d\n", passed, failed, projects }' "$out")

if [ "$projects" -eq 0 ]; then
    echo "test.sh: no test project reported a summary"
    [ "$status" -eq 0 ] && status=1
fi
# The browser test's screenshots of the HTML reports (docs/report.md), kept by CI as an artifact.
if [ -d artifacts/report-screenshots ]; then
    echo "report screenshots: $(pwd)/artifacts/report-screenshots"
fi
echo "test projects reporting: $projects"
echo "$passed passed, $failed failed"
exit "$status"
