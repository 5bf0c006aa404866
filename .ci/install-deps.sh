#!/usr/bin/env bash
# Installs every Debian package the build and the tests need. Idempotent:
# when everything is present it does no network access and returns at once.
set -euo pipefail
PKGS=(
  cmake ninja-build g++ clang-14 libclang-rt-14-dev clang-format clang-tidy
  libboost-dev libyaml-cpp-dev libabsl-dev libsimdjson-dev zlib1g-dev libssl-dev
  libbenchmark-dev libgtest-dev libgmock-dev googletest
  pybind11-dev python3-dev python3-dask python3-distributed python3-pandas python3-pytest
  python3-yaml python3-jsonschema
  time
)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
