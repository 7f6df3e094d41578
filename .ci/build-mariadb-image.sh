#!/usr/bin/env bash
# Builds (or reuses) the local MySQL-protocol image that the container test legs run on.
#
# Our machines reach no image registry, so the image is made here: a minimal Debian bookworm root
# with mariadb-server (debootstrap, from the mirror apt is already configured with), an entrypoint
# that honours the MYSQL_* / MARIADB_* variables Testcontainers sets, then `docker import` with that
# entrypoint and port 3306. Testcontainers uses it as a compatible substitute for "mysql".
#
# Usage: .ci/build-mariadb-image.sh [IMAGE]   (default: sqlstudy/mariadb:10.11)
# Then: STUDY_CONTAINER_IMAGE=IMAGE TESTCONTAINERS_RYUK_DISABLED=true ./mvnw verify
# The image is reused while its recipe (this file) is unchanged: the recipe's hash is a label.
# Needs root, docker and debootstrap (Debian packages docker.io and debootstrap).
set -euo pipefail

image="${1:-sqlstudy/mariadb:10.11}"
recipe="$(sha256sum "$0" | cut -c1-16)"

log() { printf '[mariadb-image] %s\n' "$*"; }

existing="$(docker image inspect --format '{{ index .Config.Labels "dev.sqlstudy.recipe" }}' "$image" 2>/dev/null || true)"
previous_id="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
if [ "$existing" = "$recipe" ]; then
  log "reusing $image (recipe $recipe, built $(docker image inspect --format '{{.Created}}' "$image"))"
  exit 0
fi

# The Debian mirror apt already uses: the first bookworm (not -security, not -updates) entry in the
# one-line sources.list format or the deb822 *.sources format. No mirror host is written down here.
mirror_from_apt() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) { if ($(i+1) == "bookworm") { print $i; exit } break } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'BEGIN { RS = ""; FS = "\n" }
         {
           uri = ""; suites = ""; types = ""
           for (i = 1; i <= NF; i++) {
             if ($i ~ /^URIs:/)   { uri = $i;    sub(/^URIs:[ \t]*/, "", uri);    sub(/[ \t].*$/, "", uri) }
             if ($i ~ /^Suites:/) { suites = " " $i " " }
             if ($i ~ /^Types:/)  { types = $i }
           }
           if (uri != "" && types ~ /(^|[ \t])deb([ \t]|$)/ && suites ~ /[ \t]bookworm[ \t]/) { print uri; exit }
         }' "$f"
  done
}
mirror="$(mirror_from_apt | head -n1)"
[ -n "$mirror" ] || { echo "no Debian bookworm mirror found in apt's sources" >&2; exit 1; }

started=$(date +%s)
work="$(mktemp -d /var/tmp/sqlstudy-mariadb.XXXXXX)"
trap 'rm -rf "$work"' EXIT
root="$work/root"
log "building $image: debootstrap bookworm + mariadb-server from apt's configured mirror"
# Downloaded packages are kept between builds on this machine, so a rebuild downloads nothing new.
cache=/var/cache/sqlstudy-debootstrap
mkdir -p "$cache"
debootstrap --variant=minbase --include=mariadb-server --cache-dir="$cache" bookworm "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 \
  || { tail -n 40 "$work/debootstrap.log" >&2; echo "debootstrap failed" >&2; exit 1; }

# The data directory the package created belongs to the build; each container starts from it.
cat >"$root/usr/local/bin/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/bash
# Honours the variables of the official mysql/mariadb images (MYSQL_* and MARIADB_*): creates the
# database and the user on every start (idempotent, so a stopped container starts again), then
# runs the server in the foreground as PID 1.
set -euo pipefail
pick() { local v; for v in "$@"; do if [ -n "${!v:-}" ]; then printf '%s' "${!v}"; return; fi; done; }
sql_string() { local s="${1//\\/\\\\}"; printf "'%s'" "${s//\'/\\\'}"; }
sql_name() { printf '`%s`' "${1//\`/\`\`}"; }

database="$(pick MARIADB_DATABASE MYSQL_DATABASE)"
user="$(pick MARIADB_USER MYSQL_USER)"
password="$(pick MARIADB_PASSWORD MYSQL_PASSWORD)"
root_password="$(pick MARIADB_ROOT_PASSWORD MYSQL_ROOT_PASSWORD)"

mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld
if [ ! -d /var/lib/mysql/mysql ]; then
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null
fi

init=/run/mysqld/init.sql
{
  echo "SET SESSION sql_log_bin = 0;"
  if [ -n "$root_password" ]; then
    echo "CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY $(sql_string "$root_password");"
    echo "ALTER USER 'root'@'%' IDENTIFIED BY $(sql_string "$root_password");"
    echo "GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;"
  elif [ -n "$(pick MARIADB_ALLOW_EMPTY_ROOT_PASSWORD MYSQL_ALLOW_EMPTY_PASSWORD)" ]; then
    echo "CREATE USER IF NOT EXISTS 'root'@'%';"
    echo "GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;"
  fi
  if [ -n "$database" ]; then
    echo "CREATE DATABASE IF NOT EXISTS $(sql_name "$database") CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  fi
  if [ -n "$user" ] && [ "$user" != root ]; then
    echo "CREATE USER IF NOT EXISTS $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
    echo "ALTER USER $(sql_string "$user")@'%' IDENTIFIED BY $(sql_string "$password");"
    [ -n "$database" ] && echo "GRANT ALL PRIVILEGES ON $(sql_name "$database").* TO $(sql_string "$user")@'%';"
  fi
  echo "FLUSH PRIVILEGES;"
} >"$init"
chown mysql:mysql "$init"
chmod 600 "$init"

echo "entrypoint: starting mariadbd (database=${database:-none}, user=${user:-none})"
exec mariadbd --user=mysql --bind-address=0.0.0.0 --skip-name-resolve --init-file="$init" "$@"
ENTRYPOINT
chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"

# Keep the image small: no apt lists, docs or caches.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
       "$root"/usr/share/man/* "$root"/usr/share/locale/* "$root"/var/log/*.log
version="$(chroot "$root" dpkg-query -W -f '${Version}' mariadb-server 2>/dev/null || echo unknown)"

tar -C "$root" -c . | docker import \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'EXPOSE 3306' \
  --change 'ENV LANG=C.UTF-8' \
  --change "LABEL dev.sqlstudy.recipe=$recipe" \
  --change "LABEL dev.sqlstudy.mariadb-version=$version" \
  - "$image" >/dev/null
# The image this one replaces (an older recipe) would linger untagged: remove it.
if [ -n "$previous_id" ] && [ "$previous_id" != "$(docker image inspect --format '{{.Id}}' "$image")" ]; then
  docker rmi "$previous_id" >/dev/null 2>&1 || true
fi
log "built $image (mariadb-server $version, recipe $recipe) in $(( $(date +%s) - started )) s"
