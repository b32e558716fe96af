#!/bin/sh
mkdir -p /opt/tool && echo installed > /opt/tool/state
