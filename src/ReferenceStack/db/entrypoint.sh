#!/bin/sh
# Starts PostgreSQL; on first start (empty data volume) creates the cluster, the application role
# POSTGRES_USER with POSTGRES_PASSWORD, and the database POSTGRES_DB owned by it.
# The superuser "postgres" can only log in over the container-local socket.
set -eu
: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set}"
: "${POSTGRES_USER:=app}"
: "${POSTGRES_DB:=app}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    echo "initialising a new cluster in $PGDATA"
    initdb --pgdata="$PGDATA" --username=postgres --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --no-instructions
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"

    # Listening on the socket only, so nothing sees the server before the role exists.
    pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses=''" --wait start
    psql --username=postgres --dbname=postgres --set=ON_ERROR_STOP=1 \
        --set=user="$POSTGRES_USER" --set=password="$POSTGRES_PASSWORD" --set=db="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"db" OWNER :"user";
SQL
    pg_ctl --pgdata="$PGDATA" --mode=fast --wait stop
fi

exec postgres -D "$PGDATA" -c listen_addresses='*'
