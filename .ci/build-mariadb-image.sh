#!/usr/bin/env bash
# Kept for the commands written before there were two images: the MariaDB recipe of
# .ci/build-db-image.sh.   Usage: .ci/build-mariadb-image.sh [IMAGE]
exec "$(dirname "$0")/build-db-image.sh" mariadb "$@"
