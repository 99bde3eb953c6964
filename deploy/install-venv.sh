#!/bin/sh
# Install VvE Warmteplan into a new virtual environment from the hashed lock files.
#
#   sh deploy/install-venv.sh /opt/vve [SOURCE]      (SOURCE: the source tree, default .)
#
# The container image (Dockerfile) and the systemd route (docs/deploy.md) both use it:
# 1. the build requirements (requirements/build.txt: setuptools, wheel, Babel) go into a
#    throw-away venv, every file checked against its hash;
# 2. the wheel is built there without build isolation, so nothing unhashed is fetched;
# 3. the target venv gets the runtime dependencies from requirements/deploy.txt (hashes
#    required, binary wheels only: no compiler is needed or used), then the wheel without
#    dependencies, and `pip check` proves the lock file covered everything.
# PYTHON chooses the interpreter (default python3.11).
set -eu

target=${1:?usage: install-venv.sh TARGET_VENV [SOURCE]}
source=${2:-.}
python=${PYTHON:-python3.11}
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$python" -m venv "$work/build"
"$work/build/bin/pip" install -q --require-hashes --only-binary=:all: \
    -r "$source/requirements/build.txt"
"$work/build/bin/pip" wheel -q --no-deps --no-build-isolation -w "$work/dist" "$source"

"$python" -m venv "$target"
"$target/bin/pip" install -q --require-hashes --only-binary=:all: \
    -r "$source/requirements/deploy.txt"
"$target/bin/pip" install -q --no-deps "$work"/dist/vve_warmteplan-*.whl
"$target/bin/pip" check
