#!/bin/sh
# latest-release OWNER/REPO: the tag of a GitHub repository's latest release
set -eu
curl -fsSL "https://api.github.com/repos/$1/releases/latest" | jq -r .tag_name
