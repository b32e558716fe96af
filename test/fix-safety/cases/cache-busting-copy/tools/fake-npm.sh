#!/bin/sh
# stands in for npm ci (busybox has no node): it reads only the manifests, as npm ci does
set -e
mkdir -p node_modules
cat package.json package-lock.json > node_modules/.installed-from
