#!/usr/bin/env bash
# Starts a private PostgreSQL 15 server for tests and prints the address to give DOSSIER_TEST_POSTGRES,
# or, with `stop FOLDER`, stops the server started in that folder and removes it. `halt FOLDER` stops it at once, as a
# crash would, keeping its data; `resume FOLDER` starts it again on the same port. `freeze FOLDER` stops its processes
# where they stand (SIGSTOP: a server that hangs, its connections open), `thaw FOLDER` lets them go on.
#   address=$(scripts/postgres-server.sh start /tmp/pg)   ...   scripts/postgres-server.sh stop /tmp/pg
# initdb refuses to run as root, so as root the server runs as the user postgres.
set -euo pipefail
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
command=$1
folder=$2
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

case "$command" in
start)
  mkdir -p "$folder"
  [ ${#as_owner[@]} -eq 0 ] || chown postgres "$folder"
  port=$((20000 + RANDOM % 20000))
  echo "$port" > "$folder/port"
  "${as_owner[@]}" "$bin/initdb" -D "$folder/data" -U dossier --auth=trust -E UTF8 --no-locale > "$folder/initdb.log"
  "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-p $port -k $folder -c listen_addresses=''" start > /dev/null
  "${as_owner[@]}" "$bin/createdb" -h "$folder" -p "$port" -U dossier dossier
  echo "postgres://dossier@localhost:$port/dossier?host=$folder"
  ;;
halt)
  "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop > /dev/null
  ;;
resume)
  "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
    -o "-p $(cat "$folder/port") -k $folder -c listen_addresses=''" start > /dev/null
  ;;
freeze | thaw)
  signal=$([ "$command" = freeze ] && echo STOP || echo CONT)
  postmaster=$(head -n 1 "$folder/data/postmaster.pid")
  pkill "-$signal" -P "$postmaster" || true
  kill "-$signal" "$postmaster"
  ;;
stop)
  if [ -d "$folder/data" ]; then "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop > /dev/null || true; fi
  rm -rf "$folder"
  ;;
*)
  echo "usage: $0 start|halt|resume|freeze|thaw|stop FOLDER" >&2
  exit 2
  ;;
esac
