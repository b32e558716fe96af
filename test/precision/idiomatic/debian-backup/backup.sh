#!/bin/sh
# backup SOURCE DESTINATION: mirror a directory to a remote host over ssh
set -eu
exec rsync --archive --delete --human-readable "$1" "$2"
