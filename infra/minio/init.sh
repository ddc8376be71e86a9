#!/bin/sh
# Prepares MinIO for Kepu with the root account: the bucket kepu-media with versioning,
# the anonymous policy of bucket-policy.json (public read of public/* only), and the
# application's own account limited to that bucket by app-policy.json.
# Idempotent. Needs: MINIO_ROOT_USER, MINIO_ROOT_PASSWORD, KEPU_S3_ACCESS_KEY,
# KEPU_S3_SECRET_KEY. Optional: MINIO_URL (default http://minio:9000).
# The bucket name is written in both policy files: change all three together.
set -eu

here="$(dirname "$0")"
url="${MINIO_URL:-http://minio:9000}"
bucket="kepu-media"

tries=0
until mc alias set kepu "$url" "${MINIO_ROOT_USER:?}" "${MINIO_ROOT_PASSWORD:?}" >/dev/null; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "MinIO at $url is not reachable" >&2
    exit 1
  fi
  sleep 5
done

mc mb --ignore-existing "kepu/$bucket"
# Versioning keeps overwritten and deleted objects recoverable (see the backup notes).
mc version enable "kepu/$bucket" || echo "versioning could not be enabled on this deployment" >&2
mc anonymous set-json "$here/bucket-policy.json" "kepu/$bucket"

if [ "${KEPU_S3_ACCESS_KEY:?}" = "$MINIO_ROOT_USER" ]; then
  echo "KEPU_S3_ACCESS_KEY is the root user: no application account created"
  exit 0
fi
mc admin user add kepu "$KEPU_S3_ACCESS_KEY" "${KEPU_S3_SECRET_KEY:?}"
mc admin policy create kepu kepu-app "$here/app-policy.json"
mc admin policy attach kepu kepu-app --user "$KEPU_S3_ACCESS_KEY" \
  || echo "policy kepu-app is already attached to $KEPU_S3_ACCESS_KEY"
echo "bucket $bucket ready; account $KEPU_S3_ACCESS_KEY has policy kepu-app"
