#!/usr/bin/env bash
# The deadline-day load test (benchmarks/README.md): a fresh PostgreSQL database with the national
# synthetic data, gunicorn with two workers as in production, then 10, 50 and 100 virtual users
# from generate.py on 127.0.0.1, then verify.py. Not part of `make test`. Usage:
#   benchmarks/load/run.sh                       # everything, results in var/load-test/
#   LOAD_SKIP_SETUP=1 benchmarks/load/run.sh     # reuse the database made by an earlier run
# LOAD_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/chiso_load) is DROPPED and made again.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
DB_URL=${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/chiso_load}
PORT=${LOAD_PORT:-8790}
OUT=$(realpath -m "${LOAD_OUT:-var/load-test}")
mkdir -p "$OUT/var/static"

export DATABASE_URL=$DB_URL DEBUG=0 SECRET_KEY=load-test-$RANDOM-$RANDOM-not-for-production-use-only-here
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0 STATIC_MANIFEST=0 LOG_LEVEL=WARNING
export CHISO_VAR_DIR=$OUT/var MEDIA_ROOT=$OUT/var/media CHISO_TODAY=2023-11-30
export REDIS_URL=${LOAD_REDIS_URL:-redis://127.0.0.1:6379/9}

if [ -z "${LOAD_SKIP_SETUP:-}" ]; then
  name=${DB_URL##*/}
  psql "${DB_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" -c "CREATE DATABASE \"$name\""
  $BIN/chiso migrate --noinput -v 0
  $BIN/chiso generate_synthetic --seed 1
  $BIN/chiso import-results "${CHISO_SHARED_DIR:-../shared}/data/papi-subdimensions"
fi
redis-cli -u "$REDIS_URL" flushdb >/dev/null   # fragments of an earlier database must not be served
$BIN/python benchmarks/load/prepare.py --users 100 --out "$OUT/plan.json"

WEB_CONCURRENCY=2 CHISO_BIND=127.0.0.1:$PORT $BIN/gunicorn -c deploy/gunicorn.conf.py \
  --access-logfile /dev/null >"$OUT/gunicorn.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 1
done

$BIN/python benchmarks/load/generate.py --plan "$OUT/plan.json" --base "http://127.0.0.1:$PORT" \
  --levels "${LOAD_LEVELS:-10,50,100}" --seconds "${LOAD_SECONDS:-45}" --out "$OUT/results.json"
$BIN/python benchmarks/load/verify.py "$OUT/results.json"
