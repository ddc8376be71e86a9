#!/bin/sh
# Creates the role kepu_app and the application's user with the elastic superuser.
# Idempotent: run it again to change the application's password.
# Needs: ELASTIC_PASSWORD, KEPU_ELASTICSEARCH_USERNAME, KEPU_ELASTICSEARCH_PASSWORD.
# Optional: ES_URL (default http://elasticsearch:9200).
set -eu

es="${ES_URL:-http://elasticsearch:9200}"
here="$(dirname "$0")"
user="${KEPU_ELASTICSEARCH_USERNAME:?}"
password="${KEPU_ELASTICSEARCH_PASSWORD:?}"

tries=0
until curl -fsS -o /dev/null -u "elastic:${ELASTIC_PASSWORD:?}" "$es/_cluster/health?wait_for_status=yellow&timeout=5s"; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "Elasticsearch at $es is not reachable" >&2
    exit 1
  fi
  sleep 5
done

curl -fsS -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
  -X PUT "$es/_security/role/kepu_app" --data-binary @"$here/kepu-app-role.json"
echo

if [ "$user" = "elastic" ]; then
  echo "KEPU_ELASTICSEARCH_USERNAME is elastic: the application uses the superuser, no user created"
  exit 0
fi

# The password is placed in JSON as is: use letters, digits, '-' and '_' only.
curl -fsS -u "elastic:$ELASTIC_PASSWORD" -H 'Content-Type: application/json' \
  -X PUT "$es/_security/user/$user" \
  --data-binary "{\"password\":\"$password\",\"roles\":[\"kepu_app\"],\"full_name\":\"Kepu application\"}"
echo
echo "user $user has role kepu_app"
