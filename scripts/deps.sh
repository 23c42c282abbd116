# Sourced by scripts/run, scripts/test and .ci/run: installs the Debian 12
# packages the build and the tests need, only those that are missing.
# Needs root or sudo (apt-get); says so when neither is available.

SOCKWB_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libgl-dev
  zlib1g-dev libssl-dev openssl ca-certificates liburing-dev
  file appstream desktop-file-utils man-db
  clang clang-format libclang-rt-14-dev
  nginx-light curl python3 socat netcat-openbsd wrk iperf3 iproute2
  xvfb xauth
)

sockwb_install_deps() {
  local missing=()
  local p
  for p in "${SOCKWB_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  echo "sockwb: installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "sockwb: these packages are missing and installing them needs root (or sudo): ${missing[*]}" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q || return 1
  # nginx-light's package scripts start the system nginx on port 80; the
  # tests start their own nginx on a free port, so stop the system one.
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
  if command -v systemctl >/dev/null 2>&1; then "${sudo[@]}" systemctl disable --now nginx >/dev/null 2>&1 || true; fi
  return 0
}

sockwb_configure_and_build() {
  local preset="$1"
  # ccache, when installed (it is not required), makes a second build of
  # the same sources nearly free: a fresh clone, the other preset's CI run.
  # SOCKWB_NO_CCACHE=1 builds without it.
  local launcher=()
  if [ -z "${SOCKWB_NO_CCACHE:-}" ] && command -v ccache >/dev/null 2>&1; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
    # Paths inside the checkout are hashed relative to it, so two clones in
    # different folders share their cached objects.
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$PWD}"
    export CCACHE_NOHASHDIR=1
  fi
  cmake --preset "$preset" "${launcher[@]}" >/dev/null || return 1
  cmake --build --preset "$preset" -j "$(nproc)" || return 1
}
