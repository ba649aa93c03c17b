#!/bin/sh
# Starts Redis requiring REDIS_PASSWORD, which stays out of the image and of the config file.
set -eu
: "${REDIS_PASSWORD:?REDIS_PASSWORD must be set}"
exec redis-server /etc/redis/stack.conf --requirepass "$REDIS_PASSWORD"
