# shellcheck shell=bash disable=SC2034
# Shared settings and helpers of deploy/local/{up,down,token}. Sourced, not executed.

AEH_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$AEH_LOCAL_DIR/../.." && pwd)"

# Run folder: logs, PID files, downloaded jars, Kafka data, Keycloak's dev database.
RUN_DIR="${AEH_RUN_DIR:-$REPO_ROOT/.run}"
case "$RUN_DIR" in
  /*) ;;
  *) RUN_DIR="$PWD/$RUN_DIR" ;;
esac
RUN_DIR="${RUN_DIR%/}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"

PG_HOST=127.0.0.1
PG_PORT=5432
PG_SUPERUSER="${AEH_PG_SUPERUSER:-postgres}"

KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_DIR="$RUN_DIR/kafka"
KAFKA_LIBS="$KAFKA_DIR/libs"

KEYCLOAK_PORT=8180
KEYCLOAK_URL="${AEH_KEYCLOAK_URL:-http://127.0.0.1:$KEYCLOAK_PORT}"
REALM=aus-einer-hand
KEYCLOAK_ISSUER="$KEYCLOAK_URL/realms/$REALM"

# service:port, in start order. down stops them in reverse order.
SERVICES=(client-registry:8081 benefit-calculation:8082 job-placement:8083 reporting:8084)

# Replicas (up --replicas N): instance k > 1 of a service is named <service>-k and listens on port + 10*(k-1)
# (8091-8094 for the second). The number up started with is kept in the run folder for down and smoke.
REPLICA_PORT_STEP=10
MAX_REPLICAS=3
# Health and metrics are served on each instance's management interface (issue 15 §3: not on the public port), at its
# HTTP port + 1100: 9181-9184, 9191-9194, 9201-9204 (clear of Kafka's 9092/9093 and Keycloak's 9000).
MANAGEMENT_PORT_OFFSET=1100

# The instances of the services as name:port, first instances first (in service order), for n replicas.
service_instances() {
  local n="$1" k entry
  for ((k = 1; k <= n; k++)); do
    for entry in "${SERVICES[@]}"; do
      if [ "$k" = 1 ]; then
        printf '%s\n' "$entry"
      else
        printf '%s-%s:%s\n' "${entry%%:*}" "$k" "$(( ${entry##*:} + REPLICA_PORT_STEP * (k - 1) ))"
      fi
    done
  done
}

# Replicas the running stack was started with (1 without a record).
recorded_replicas() {
  local f="$RUN_DIR/replicas"
  if [ -f "$f" ]; then tr -dc '0-9' <"$f"; else printf '1'; fi
}

# Databases and users per service (database = user; the password is for the local stack only).
DATABASES=(client_registry benefit_calculation job_placement reporting)

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then
  C_BOLD=$'\033[1m' C_RED=$'\033[31m' C_YEL=$'\033[33m' C_GRN=$'\033[32m' C_OFF=$'\033[0m'
else
  C_BOLD='' C_RED='' C_YEL='' C_GRN='' C_OFF=''
fi

say()  { printf '%s\n' "$*"; }
step() { printf '%s==> %s%s\n' "$C_BOLD" "$*" "$C_OFF"; }
ok()   { printf '    %s%s%s\n' "$C_GRN" "$*" "$C_OFF"; }
note() { printf '    %s\n' "$*"; }
warn() { printf '    %sWARNING: %s%s\n' "$C_YEL" "$*" "$C_OFF" >&2; }
die()  { printf '%sERROR: %s%s\n' "$C_RED" "$*" "$C_OFF" >&2; exit 1; }

# Path relative to the current directory when shorter (for messages).
rel() {
  case "$1" in
    "$PWD"/*) printf '%s' "${1#"$PWD"/}" ;;
    *) printf '%s' "$1" ;;
  esac
}

# True when something accepts TCP connections on host:port.
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# HTTP status code of a GET (000 when nothing answers).
http_code() {
  curl -s -o /dev/null -w '%{http_code}' --connect-timeout 2 --max-time "${2:-5}" "$1" 2>/dev/null || true
}

# Prints the PID of a component that up started and that still runs; fails otherwise.
# A PID counts only if its command line mentions this run folder (guards against PID reuse).
pid_of() {
  local file="$PID_DIR/$1.pid" pid
  [ -f "$file" ] || return 1
  pid="$(tr -dc '0-9' <"$file")"
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$RUN_DIR" || return 1
  printf '%s\n' "$pid"
}

# Major version of a java binary (8 for 1.8, 17, 21, 25 ...), empty if it does not run.
java_major() {
  local v
  v="$("$1" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  case "$v" in
    1.*) v="${v#1.}"; printf '%s\n' "${v%%.*}" ;;
    "") ;;
    *) v="${v%%[.+-]*}"; printf '%s\n' "$v" ;;
  esac
}

# Serialises up and down on one run folder.
take_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -n 9 || die "another deploy/local/up or down is running on $RUN_DIR"
  fi
}
