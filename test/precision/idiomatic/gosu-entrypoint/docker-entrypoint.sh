#!/bin/sh
set -eu

# the volume may be mounted from the host: give it to the rsync user, then step down from root
if [ "$(id -u)" = '0' ]; then
    chown -R rsync:rsync /data
    exec gosu rsync "$@"
fi

exec "$@"
