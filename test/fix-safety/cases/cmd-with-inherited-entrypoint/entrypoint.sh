#!/bin/sh
echo "$# arguments: $*"
