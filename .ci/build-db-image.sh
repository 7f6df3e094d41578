#!/usr/bin/env bash
# Builds (or reuses) a local database image for the container test legs, the fault tests and
# `./study --db container:KIND`. Our machines reach no image registry, so each image is made here:
# a minimal Debian root (debootstrap, from the mirror apt is already configured with) holding the
# server package, an entrypoint that honours the MYSQL_* / MARIADB_* variables Testcontainers sets,
# then `docker import` with that entrypoint and port 3306. Testcontainers' MySQLContainer runs it
# as a compatible substitute for "mysql".
#
# Usage: .ci/build-db-image.sh mariadb|mysql [IMAGE]
#   mariadb  MariaDB 10.11 from Debian bookworm    (default image sqlstudy/mariadb:10.11)
#   mysql    MySQL 9.7 LTS from Debian unstable    (default image sqlstudy/mysql:9.7)
# Then: STUDY_MARIADB_IMAGE=… STUDY_MYSQL_IMAGE=… TESTCONTAINERS_RYUK_DISABLED=true ./mvnw verify
#
# One script, two recipes. A recipe is the shared part of this file plus its own block between
# the "# >>> recipe KIND" and "# <<< recipe KIND" lines (functions KIND_recipe, which names the
# suite, the package and the default image, and KIND_customize_root); its hash is the image's label
# dev.sqlstudy.recipe, and the image is reused while that hash is unchanged (editing the MySQL
# block rebuilds only the MySQL image). Prints "reused …" or "built …" with the time taken.
# Needs root, docker and debootstrap (Debian packages docker.io and debootstrap).
set -euo pipefail

kind="${1:-}"
case "$kind" in
  mariadb | mysql) ;;
  *) echo "usage: $0 mariadb|mysql [IMAGE]" >&2; exit 2 ;;
esac

log() { printf '[%s-image] %s\n' "$kind" "$*"; }

# The shared lines of this file plus the lines of one recipe block.
recipe_text() {
  awk -v kind="$1" '
    /^# >>> recipe / { inside = 1; mine = ($4 == kind) }
    !inside || mine  { print }
    /^# <<< recipe / { inside = 0; mine = 0 }' "$0"
}

# The Debian mirror apt already uses: the first bookworm (not -security, not -updates) entry in the
# one-line sources.list format or the deb822 *.sources format. The same archive serves every suite
# (bookworm and sid alike). No mirror host is written down here.
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

# The part of the entrypoint both servers share: read the variables of the official images, write
# an init file that creates root, the database and the user (idempotent, so a stopped container
# starts again), then run the server in the foreground as PID 1. A recipe's header defines
# `collation` (for CREATE DATABASE; empty = the server's default), `prepare` and `server`.
write_entrypoint() {
  local root="$1" header="$2"
  {
    echo '#!/bin/bash'
    echo '# Written by .ci/build-db-image.sh: the recipe'"'"'s part, then the shared part.'
    echo 'set -euo pipefail'
    printf '%s\n' "$header"
    cat <<'ENTRYPOINT'
pick() { local v; for v in "$@"; do if [ -n "${!v:-}" ]; then printf '%s' "${!v}"; return; fi; done; }
sql_string() { local s="${1//\\/\\\\}"; printf "'%s'" "${s//\'/\\\'}"; }
sql_name() { printf '`%s`' "${1//\`/\`\`}"; }

database="$(pick MARIADB_DATABASE MYSQL_DATABASE)"
user="$(pick MARIADB_USER MYSQL_USER)"
password="$(pick MARIADB_PASSWORD MYSQL_PASSWORD)"
root_password="$(pick MARIADB_ROOT_PASSWORD MYSQL_ROOT_PASSWORD)"

mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld
prepare

# One statement per line: what both servers' --init-file reader accepts.
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
    echo "CREATE DATABASE IF NOT EXISTS $(sql_name "$database") CHARACTER SET utf8mb4${collation:+ COLLATE $collation};"
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

echo "entrypoint: starting ${server[0]} (database=${database:-none}, user=${user:-none})"
exec "${server[@]}" --init-file="$init" "$@"
ENTRYPOINT
  } >"$root/usr/local/bin/docker-entrypoint.sh"
  chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"
}

# >>> recipe mariadb
# MariaDB 10.11, Debian bookworm's server. The package creates the data directory at install time;
# each container starts from it.
mariadb_recipe() {
  default_image=sqlstudy/mariadb:10.11
  suite=bookworm
  package=mariadb-server
}

mariadb_customize_root() {
  local root="$1"
  write_entrypoint "$root" "$(cat <<'HEADER'
collation=utf8mb4_unicode_ci
prepare() {
  if [ ! -d /var/lib/mysql/mysql ]; then
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db >/dev/null
  fi
}
server=(mariadbd --user=mysql --bind-address=0.0.0.0 --skip-name-resolve)
HEADER
)"
}
# <<< recipe mariadb

# >>> recipe mysql
# MySQL 9.7 LTS, Debian unstable's (sid) server: Debian stable has none. The package's postinst
# initialises the data directory (mysqld --initialize-insecure) inside the root, so that costly
# step (about 35 s on 2 cores) is paid once here and a container answers in seconds.
mysql_recipe() {
  default_image=sqlstudy/mysql:9.7
  suite=sid
  package=mysql-server
}

mysql_customize_root() {
  local root="$1"
  # The postinst moves the server to 3307 when 3306 is busy on the building machine (the chroot
  # shares its network); a container has its own network and the image promises 3306.
  rm -f "$root/etc/mysql/mysql.conf.d/99-port-backoff.cnf"
  # Log to stderr, so `docker logs` and Testcontainers see the server's messages.
  sed -i '/^log_error[[:space:]]*=/d' "$root/etc/mysql/mysql.conf.d/mysqld.cnf"
  if [ ! -f "$root/var/lib/mysql/mysql.ibd" ]; then
    log "initialising the data directory"
    chroot "$root" mysqld --initialize-insecure --user=mysql --datadir=/var/lib/mysql >>"$work/initialize.log" 2>&1 \
      || { tail -n 20 "$work/initialize.log" >&2; echo "mysqld --initialize-insecure failed" >&2; exit 1; }
  fi
  write_entrypoint "$root" "$(cat <<'HEADER'
collation=
prepare() {
  if [ ! -f /var/lib/mysql/mysql.ibd ]; then
    mysqld --initialize-insecure --user=mysql --datadir=/var/lib/mysql
  fi
}
# --mysqlx=OFF: no X Protocol listener on 33060, which nothing here uses. NUMA "mbind: Operation
# not permitted" warnings in the log come from the container's seccomp profile and are harmless.
server=(mysqld --user=mysql --port=3306 --mysqlx=OFF --bind-address=0.0.0.0 --skip-name-resolve)
HEADER
)"
}
# <<< recipe mysql

"${kind}_recipe"
image="${2:-$default_image}"
recipe="$(recipe_text "$kind" | sha256sum | cut -c1-16)"

existing="$(docker image inspect --format '{{ index .Config.Labels "dev.sqlstudy.recipe" }}' "$image" 2>/dev/null || true)"
previous_id="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
if [ "$existing" = "$recipe" ]; then
  log "reused $image (recipe $recipe, built $(docker image inspect --format '{{.Created}}' "$image"))"
  exit 0
fi

mirror="$(mirror_from_apt | head -n1)"
[ -n "$mirror" ] || { echo "no Debian bookworm mirror found in apt's sources" >&2; exit 1; }

started=$(date +%s)
work="$(mktemp -d "/var/tmp/sqlstudy-$kind.XXXXXX")"
trap 'rm -rf "$work"' EXIT
root="$work/root"
log "building $image: debootstrap $suite + $package from apt's configured mirror"
# Downloaded packages are kept between builds on this machine (one cache per suite), so a rebuild
# downloads nothing new.
cache="/var/cache/sqlstudy-debootstrap/$suite"
mkdir -p "$cache"
debootstrap --variant=minbase --include="$package" --cache-dir="$cache" "$suite" "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 \
  || { tail -n 40 "$work/debootstrap.log" >&2; echo "debootstrap failed" >&2; exit 1; }
log "root ready after $(( $(date +%s) - started )) s"

"${kind}_customize_root" "$root"

# Keep the image small: no downloaded packages, apt lists, docs, man pages, translations or logs.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin "$root"/var/lib/apt/lists/* \
       "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
       "$root"/var/log/*.log "$root"/var/log/mysql/*
version="$(chroot "$root" dpkg-query -W -f '${Version}' "$package" 2>/dev/null || echo unknown)"

tar -C "$root" -c . | docker import \
  --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
  --change 'EXPOSE 3306' \
  --change 'ENV LANG=C.UTF-8' \
  --change "LABEL dev.sqlstudy.recipe=$recipe" \
  --change "LABEL dev.sqlstudy.server=$package" \
  --change "LABEL dev.sqlstudy.server-version=$version" \
  - "$image" >/dev/null
# The image this one replaces (an older recipe) would linger untagged: remove it.
if [ -n "$previous_id" ] && [ "$previous_id" != "$(docker image inspect --format '{{.Id}}' "$image")" ]; then
  docker rmi "$previous_id" >/dev/null 2>&1 || true
fi
log "built $image ($package $version, recipe $recipe, $(docker image inspect --format '{{.Size}}' "$image" | awk '{ printf "%d MB", $1 / 1e6 }')) in $(( $(date +%s) - started )) s"
