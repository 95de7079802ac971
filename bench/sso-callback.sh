#!/usr/bin/env bash
# Single sign-on callback benchmark: ROUNDS sign-ins (default 40) of one
# rostered student through the real OpenID provider of the tests
# (crates/testkit/oidc, `npm ci --prefix crates/testkit` first), printing the
# server's own time of each callback: the request's Server-Timing `app`
# duration less its `provider` duration (discovery, key set, token
# endpoint). The first sign-in links the account; the others find the link.
# SQLite by default; PostgreSQL with SSP_TEST_DATABASE_URL set. PROFILE=release
# builds optimised (slow to build on a small machine); the default is the test
# profile the suite uses, an upper bound.
#
#   bench/sso-callback.sh
#   ROUNDS=100 SSP_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ssp_bench bench/sso-callback.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PROFILE_FLAG=()
if [ "${PROFILE:-}" = release ]; then PROFILE_FLAG=(--release); fi
ROUNDS=${ROUNDS:-40} cargo test -q "${PROFILE_FLAG[@]}" -p ssp-testkit --test it \
    sso::bench_sso_callback_server_time -- --ignored --nocapture 2>&1 | grep -E "^sso callback|panicked|skipped"
