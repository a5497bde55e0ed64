#!/usr/bin/env bash
# The whole test suite, from a clean clone: installs what the tests need, builds, runs every test
# project, and ends with the line `N passed, N failed` (CI reads it).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The age CLI: the interop tests check our envelopes against the reference implementation.
if ! command -v age >/dev/null 2>&1; then
  echo "Installing the age CLI (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq age >/dev/null
fi

# jq: the README walkthrough (run by a test) reads a fingerprint out of `hub device show --json` with it.
if ! command -v jq >/dev/null 2>&1; then
  echo "Installing jq (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
fi

# PostgreSQL on loopback: the PostgreSQL journal store (and cluster) tests need a real server. Each test
# class creates its own throwaway database through the hub_test role and drops it afterwards.
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian package)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
# The first cluster pg_lsclusters lists (the package creates one); its version and port, not hard-coded.
read -r pg_version pg_cluster pg_port pg_status _ < <(pg_lsclusters --no-header | head -n 1)
if [ -z "${pg_version:-}" ]; then
  echo "No PostgreSQL cluster found (pg_lsclusters lists none)." >&2
  exit 1
fi
case "$pg_status" in
  online*) ;;
  *) as_root pg_ctlcluster "$pg_version" "$pg_cluster" start ;;
esac
pg_psql() { as_root runuser -u postgres -- psql -p "$pg_port" -X -q -v ON_ERROR_STOP=1 "$@"; }
for _ in $(seq 1 60); do
  pg_psql -d postgres -c 'SELECT 1' >/dev/null 2>&1 && break
  sleep 0.5
done
pg_psql -d postgres -c 'SELECT 1' >/dev/null
# Idempotent: the role is created once and its password and rights reset on every run.
pg_psql -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hub_test') THEN
    CREATE ROLE hub_test LOGIN CREATEDB PASSWORD 'hub_test';
  ELSE
    ALTER ROLE hub_test LOGIN CREATEDB PASSWORD 'hub_test';
  END IF;
END
$$;
-- Dropping a test database WITH (FORCE) terminates every session in it, and that includes an autovacuum
-- worker that happens to be there: its session has no role, so without pg_signal_backend the drop fails
-- with 42501 now and then. Idempotent (PostgreSQL only notes that the grant exists).
GRANT pg_signal_backend TO hub_test;
SQL
export HUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=hub_test;Password=hub_test;Database=postgres"

results=artifacts/test-results
rm -rf "$results"
dotnet build Hub.sln -c Debug -nologo -clp:ErrorsOnly

# One project at a time, each with its own report file, so no two reports can collide. The cluster tests
# run last: they start many processes and restart the PostgreSQL server the others use.
status=0
for project in $(ls tests/*/*.csproj | grep -v '/Hub.Cluster.Tests/') tests/Hub.Cluster.Tests/Hub.Cluster.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    -- RunConfiguration.TreatNoTestsAsError=true || status=$?
done

# Sum the counters of every project's TRX report.
passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0}))
done

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test results were found." >&2
  status=1
fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit "$status"
