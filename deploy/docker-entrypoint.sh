#!/bin/sh
# The container's commands (docs/deploy.md):
#   serve            gunicorn with /etc/vve/gunicorn.conf.py (the default command)
#   migrate          upgrade the database schema; run once per release, before serve
#   vve ...          any other vve command (create-user, deleted-dossiers, purge-deleted)
#   --option ...     gunicorn options for serve
# Migrations never run implicitly: several containers may start at once.
set -eu
umask 077  # an SQLite database in the volume is readable by no other user

config=${VVE_GUNICORN_CONFIG:-/etc/vve/gunicorn.conf.py}

require_settings() {
    if [ -z "${DATABASE_URL:-}" ]; then
        echo "vve: DATABASE_URL ontbreekt (bijvoorbeeld postgresql://vve@db/vve, of" \
             "sqlite:////var/lib/vve/vve.sqlite3 met een volume op /var/lib/vve)." >&2
        exit 78  # EX_CONFIG: a restart does not cure it
    fi
    if [ "${VVE_ENV:-}" = production ] && [ -z "${SECRET_KEY:-}" ]; then
        echo "vve: SECRET_KEY ontbreekt (bijvoorbeeld:" \
             "python3 -c 'import secrets; print(secrets.token_hex(32))')." >&2
        exit 78
    fi
}

if [ $# -eq 0 ]; then
    set -- serve
fi
case "$1" in
    -*) set -- serve "$@" ;;
esac

case "$1" in
    serve)
        shift
        require_settings
        exec gunicorn --config "$config" "$@"
        ;;
    migrate)
        shift
        require_settings
        exec vve migrate "$@"
        ;;
    *)
        exec "$@"
        ;;
esac
