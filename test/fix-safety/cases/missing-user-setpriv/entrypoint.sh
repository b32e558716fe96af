#!/bin/sh
# drops root for the command, as gosu does
exec setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
