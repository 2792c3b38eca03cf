#!/usr/bin/env bash
# The Secrets every example run references, in namespace ${NAMESPACE:-extraction}. Percent-encode
# '@', ':', '/', '%' and '#' in the passwords: they go into URLs (p@ss is p%40ss).
set -euo pipefail
ns=${NAMESPACE:-extraction}
kubectl create secret generic extraction-db -n "$ns" \
  --from-literal=dsn="postgresql://dns:${DB_PASSWORD:?set DB_PASSWORD}@postgres.databases.svc:5432/extraction"
kubectl create secret generic extraction-mq -n "$ns" \
  --from-literal=url="amqp://dns:${MQ_PASSWORD:?set MQ_PASSWORD}@rabbitmq.messaging.svc:5672/extraction"
