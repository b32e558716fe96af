#!/bin/sh
exec gosu nobody "$@"
