#!/usr/bin/env bash
# Starts the build engines that `tslint-docker verify` and its integration tests use, on a
# fresh Debian 12 machine, with local base images so that no registry is ever contacted:
#   Docker Engine (Debian's docker.io, BuildKit built into its 20.10 client) and Buildah.
#   debian:bookworm (+ bookworm-slim, 12)  a debootstrap'ed Debian 12 minbase rootfs
#   busybox:latest (+ 1.35)                a static busybox on scratch
# Idempotent: a running daemon and existing images are kept. Runs as root, non-interactively.
# The daemon has no bridge network (no private-range addresses): always build with
# `--network host`, which verify does.
# Env: ENGINE_CACHE (default /var/cache/tslint-docker-engine) keeps the rootfs tarball;
#      DEBIAN_MIRROR (default http://deb.debian.org/debian) for debootstrap.
set -euo pipefail
CACHE=${ENGINE_CACHE:-/var/cache/tslint-docker-engine}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# Debian's client: it talks to this daemon and carries BuildKit without the buildx plugin
DOCKER=/usr/bin/docker
log() { printf '[start-engine] %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || { log "must run as root"; exit 2; }
export DEBIAN_FRONTEND=noninteractive

need=()
[ -x "$DOCKER" ] && command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v buildah >/dev/null || need+=(buildah)
command -v podman >/dev/null || need+=(podman)
# busybox-static: the Debian `busybox` package is dynamically linked and useless on scratch
{ [ -x /bin/busybox ] && file -L /bin/busybox 2>/dev/null | grep -q 'statically linked'; } || need+=(busybox-static file)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq </dev/null >/dev/null
  apt-get install -y -qq --no-install-recommends "${need[@]}" </dev/null >/dev/null
fi

if ! $DOCKER info >/dev/null 2>&1; then
  log "starting dockerd (no bridge, no iptables)"
  mkdir -p /var/log
  nohup dockerd --bridge=none --iptables=false --ip-masq=false </dev/null >/var/log/tslint-docker-dockerd.log 2>&1 &
  for _ in $(seq 1 60); do $DOCKER info >/dev/null 2>&1 && break; sleep 0.5; done
  $DOCKER info >/dev/null 2>&1 || { log "dockerd did not start; see /var/log/tslint-docker-dockerd.log"; exit 1; }
fi

mkdir -p "$CACHE"
if ! $DOCKER image inspect debian:bookworm >/dev/null 2>&1; then
  if [ ! -s "$CACHE/debian-bookworm.tar" ]; then
    log "debootstrap bookworm minbase (a few minutes)"
    root=$(mktemp -d)
    debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
      || { log "debootstrap failed; see $CACHE/debootstrap.log"; exit 1; }
    rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
    tar -C "$root" -cf "$CACHE/debian-bookworm.tar.part" . && mv "$CACHE/debian-bookworm.tar.part" "$CACHE/debian-bookworm.tar"
    rm -rf "$root"
  fi
  log "importing debian:bookworm into docker"
  $DOCKER import -c 'CMD ["bash"]' "$CACHE/debian-bookworm.tar" debian:bookworm >/dev/null
fi
$DOCKER tag debian:bookworm debian:bookworm-slim
$DOCKER tag debian:bookworm debian:12

if ! $DOCKER image inspect busybox:latest >/dev/null 2>&1; then
  log "making busybox:latest from busybox-static"
  ctx=$(mktemp -d)
  cp "$(readlink -f /bin/busybox)" "$ctx/busybox"
  printf 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\nCMD ["sh"]\n' >"$ctx/Dockerfile"
  DOCKER_BUILDKIT=0 $DOCKER build -q --network host -t busybox:latest "$ctx" >/dev/null
  rm -rf "$ctx"
fi
$DOCKER tag busybox:latest busybox:1.35

# Buildah keeps its own store (/var/lib/containers/storage): copy the images from the daemon
# (a local transport, no registry) under the names Dockerfiles use.
for image in debian:bookworm busybox:latest; do
  if ! buildah inspect --type image "docker.io/library/$image" >/dev/null 2>&1; then
    log "copying $image into buildah's store"
    buildah pull --quiet "docker-daemon:$image" >/dev/null
  fi
done
for alias in debian:bookworm-slim debian:12; do buildah tag docker.io/library/debian:bookworm "docker.io/library/$alias"; done
buildah tag docker.io/library/busybox:latest docker.io/library/busybox:1.35

log "ready: $($DOCKER version --format 'docker engine {{.Server.Version}}') at ${DOCKER_HOST:-unix:///var/run/docker.sock}; $(buildah --version)"
$DOCKER images --format '{{.Repository}}:{{.Tag}} {{.Size}}' >&2
buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' >&2
