#!/usr/bin/env bash
# Starts the build engines that `tslint-docker verify` and its integration tests use, on a
# fresh Debian 12 machine, with local base images so that no registry is ever contacted:
#   Docker Engine (Debian's docker.io, BuildKit built into its 20.10 client) and Buildah.
#   debian:bookworm (+ bookworm-slim, 12)  a debootstrap'ed Debian 12 minbase rootfs
#   busybox:latest (+ 1.35)                a static busybox on scratch
# And a local OCI registry for the image-resolution tests (src/images, test/images): Debian's
# docker-registry on 127.0.0.1 only, twice over one storage folder: open on REGISTRY_PORT, where
# small images built from busybox are pushed, and read-only behind basic auth (htpasswd, user
# `tslint`, password `tslint-test`) on REGISTRY_AUTH_PORT.
# Idempotent: a running daemon and existing images are kept. Runs as root, non-interactively.
# The daemon has no bridge network (no private-range addresses): always build with
# `--network host`, which verify does.
# Env: ENGINE_CACHE (default /var/cache/tslint-docker-engine) keeps the rootfs tarball;
#      DEBIAN_MIRROR (default http://deb.debian.org/debian) for debootstrap;
#      REGISTRY_PORT (5140), REGISTRY_AUTH_PORT (5141), REGISTRY_DIR (/var/lib/tslint-docker-registry);
#      the tests find the registries at TSLINT_DOCKER_REGISTRY / TSLINT_DOCKER_AUTH_REGISTRY
#      (default 127.0.0.1:5140 / 127.0.0.1:5141).
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
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v curl >/dev/null || need+=(curl)
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

# ---- the local registry (127.0.0.1 only)
REGISTRY_PORT=${REGISTRY_PORT:-5140}
REGISTRY_AUTH_PORT=${REGISTRY_AUTH_PORT:-5141}
REGISTRY_DIR=${REGISTRY_DIR:-/var/lib/tslint-docker-registry}
REG=127.0.0.1:$REGISTRY_PORT
# Debian's unit serves every interface on :5000 with the package's config: not ours to run
if [ -d /run/systemd/system ] && systemctl is-enabled docker-registry >/dev/null 2>&1; then
  systemctl disable --now docker-registry >/dev/null 2>&1 || true
fi
mkdir -p "$REGISTRY_DIR/data"
[ -s "$REGISTRY_DIR/htpasswd" ] || htpasswd -Bbn tslint tslint-test >"$REGISTRY_DIR/htpasswd"
registry_config() { # port, extra yaml
  printf 'version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: %s/data\n%bhttp:\n  addr: 127.0.0.1:%s\n' "$REGISTRY_DIR" "$2" "$1"
}
registry_config "$REGISTRY_PORT" '  delete:\n    enabled: true\n' >"$REGISTRY_DIR/open.yml"
registry_config "$REGISTRY_AUTH_PORT" '  maintenance:\n    readonly:\n      enabled: true\n' >"$REGISTRY_DIR/auth.yml"
printf 'auth:\n  htpasswd:\n    realm: tslint-docker-test\n    path: %s/htpasswd\n' "$REGISTRY_DIR" >>"$REGISTRY_DIR/auth.yml"
start_registry() { # name, port, status /v2/ answers when it runs
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$2/v2/" || true)
  [ "$code" = "$3" ] && return 0
  log "starting the $1 registry on 127.0.0.1:$2"
  nohup docker-registry serve "$REGISTRY_DIR/$1.yml" </dev/null >>"/var/log/tslint-docker-registry-$1.log" 2>&1 &
  for _ in $(seq 1 40); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$2/v2/" || true)
    [ "$code" = "$3" ] && return 0
    sleep 0.25
  done
  log "the $1 registry did not start; see /var/log/tslint-docker-registry-$1.log"; exit 1
}
start_registry open "$REGISTRY_PORT" 200
start_registry auth "$REGISTRY_AUTH_PORT" 401

has_manifest() { curl -sf -o /dev/null --max-time 5 -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json' "http://$REG/v2/$1/manifests/$2"; }
# the last image made below marks a complete set
if ! has_manifest tslint/multi-oci 1; then
  log "pushing the test images to $REG"
  ctx=$(mktemp -d)
  # `docker manifest` keeps lists under DOCKER_CONFIG: a folder of its own, not root's ~/.docker
  manifests=$(mktemp -d)
  build() { # tag, Dockerfile text, [platform]
    printf '%b' "$2" >"$ctx/Dockerfile"
    DOCKER_BUILDKIT=1 $DOCKER build -q --network host ${3:+--platform "$3"} -t "$REG/$1" "$ctx" >/dev/null
    $DOCKER push -q "$REG/$1" >/dev/null
  }
  echo hello >"$ctx/hello"
  # every field a Dockerfile sets in the image config
  build tslint/app:1 'FROM busybox:latest\nUSER 1000:1000\nENV APP_HOME=/srv/app GREETING=hello\nWORKDIR /srv/app\nSHELL ["/bin/sh", "-ec"]\nEXPOSE 8080/tcp 53/udp\nLABEL org.opencontainers.image.title=app\nENTRYPOINT ["/bin/sh"]\nCMD ["-c", "echo hi"]\n'
  build tslint/root:1 'FROM busybox:latest\nENV ROOT_IMAGE=1\n'
  # one image under latest and three version tags, an older version, and a tag that is no version
  build tslint/tool:1.35.0 'FROM busybox:latest\nLABEL version=1.35.0\n'
  build tslint/tool:1.36.1 'FROM busybox:latest\nLABEL version=1.36.1\n'
  for tag in 1.36 1 latest edge; do $DOCKER tag "$REG/tslint/tool:1.36.1" "$REG/tslint/tool:$tag"; $DOCKER push -q "$REG/tslint/tool:$tag" >/dev/null; done
  # two platforms (FROM scratch and COPY only: no emulation needed), in a Docker manifest list and an OCI index
  build tslint/multi:amd64 'FROM scratch\nCOPY hello /hello\nUSER 65532\n' linux/amd64
  build tslint/multi:arm64 'FROM scratch\nCOPY hello /hello\nUSER 65532\n' linux/arm64
  DOCKER_CONFIG=$manifests $DOCKER manifest create --insecure "$REG/tslint/multi:1" "$REG/tslint/multi:amd64" "$REG/tslint/multi:arm64" >/dev/null
  DOCKER_CONFIG=$manifests $DOCKER manifest push --insecure --purge "$REG/tslint/multi:1" >/dev/null
  buildah manifest rm tslint-docker-oci-index >/dev/null 2>&1 || true
  buildah manifest create tslint-docker-oci-index >/dev/null
  for platform in amd64 arm64; do buildah manifest add --tls-verify=false tslint-docker-oci-index "docker://$REG/tslint/multi:$platform" >/dev/null; done
  buildah manifest push --quiet --all --format oci --tls-verify=false tslint-docker-oci-index "docker://$REG/tslint/multi-oci:1" >/dev/null
  buildah manifest rm tslint-docker-oci-index >/dev/null
  # only the registry has them: a lookup must not find them in the daemon's store
  $DOCKER image rm "$REG/tslint/app:1" "$REG/tslint/root:1" "$REG/tslint/multi:amd64" "$REG/tslint/multi:arm64" \
    "$REG/tslint/tool:1.35.0" "$REG/tslint/tool:1.36.1" "$REG/tslint/tool:1.36" "$REG/tslint/tool:1" "$REG/tslint/tool:latest" "$REG/tslint/tool:edge" >/dev/null
  rm -rf "$ctx" "$manifests"
fi

log "ready: $($DOCKER version --format 'docker engine {{.Server.Version}}') at ${DOCKER_HOST:-unix:///var/run/docker.sock}; $(buildah --version)"
$DOCKER images --format '{{.Repository}}:{{.Tag}} {{.Size}}' >&2
buildah images --format '{{.Name}}:{{.Tag}} {{.Size}}' >&2
log "registries: http://$REG (open), http://127.0.0.1:$REGISTRY_AUTH_PORT (basic auth, read-only): $(curl -s --max-time 5 "http://$REG/v2/_catalog")"
