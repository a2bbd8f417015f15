#!/usr/bin/env bash
# Starts a Spark standalone cluster on 127.0.0.1 from Maven's jars alone (no Spark download):
# one master and WORKERS one-core workers, the same cluster the module's integration tests start.
#
#   backend-spark/cluster/start-local-cluster.sh [WORKERS]   # default 2; prints the master URL
#   backend-spark/cluster/start-local-cluster.sh stop        # stops what the last start started
#
# Then: DESCENT_SPARK_MASTER=spark://127.0.0.1:7077 descent race --solvers spark.steps,spark.gram
# Override the ports with SPARK_MASTER_PORT (7077) and SPARK_MASTER_WEBUI_PORT (8080; workers get
# the next ones). Everything lives in backend-spark/target/local-cluster/.
set -euo pipefail
module=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
home="$module/target/local-cluster"
pids="$home/pids"

if [ "${1:-}" = stop ]; then
  [ -f "$pids" ] || { echo "no cluster started from $home"; exit 0; }
  while read -r pid; do
    # The workers' executors first: they are the workers' children.
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done < "$pids"
  sleep 2
  while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done < "$pids"
  rm -f "$pids"
  echo "stopped"
  exit 0
fi

workers=${1:-2}
port=${SPARK_MASTER_PORT:-7077}
ui=${SPARK_MASTER_WEBUI_PORT:-8080}
mkdir -p "$home/jars" "$home/conf" "$home/logs" "$home/work"
if [ -z "$(ls -A "$home/jars")" ]; then
  # Spark's runtime jars, without descent's: the executors get those through spark.jars.
  (cd "$module/.." && mvn -B -q -pl backend-spark dependency:copy-dependencies \
    -DincludeScope=runtime -DexcludeGroupIds=dev.descent -DoutputDirectory="$home/jars")
fi
cat > "$home/conf/log4j2.properties" <<'CONF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1}: %m%n%ex
logger.master.name = org.apache.spark.deploy.master.Master
logger.master.level = info
logger.worker.name = org.apache.spark.deploy.worker.Worker
logger.worker.level = info
CONF

# Without SPARK_SCALA_VERSION a worker cannot build an executor's class path from jars/
# ("Cannot find any build directories"); SPARK_LOCAL_IP keeps everything on the loopback.
export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
java_cmd=(java -Xmx256m -Dspark.master.rest.enabled=false
  -Dlog4j2.configurationFile="$home/conf/log4j2.properties" -cp "$home/conf:$home/jars/*")
: > "$pids"
"${java_cmd[@]}" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port "$ui" > "$home/logs/master.log" 2>&1 &
echo $! >> "$pids"
for _ in $(seq 1 300); do
  grep -qs "elected leader" "$home/logs/master.log" && break
  sleep 0.2
done
grep -q "elected leader" "$home/logs/master.log" || { cat "$home/logs/master.log"; exit 1; }
for i in $(seq 1 "$workers"); do
  "${java_cmd[@]}" org.apache.spark.deploy.worker.Worker "spark://127.0.0.1:$port" \
    --host 127.0.0.1 --cores 1 --memory 2g --webui-port $((ui + i)) \
    --work-dir "$home/work/worker-$i" > "$home/logs/worker-$i.log" 2>&1 &
  echo $! >> "$pids"
done
for i in $(seq 1 "$workers"); do
  for _ in $(seq 1 300); do
    grep -qs "Successfully registered" "$home/logs/worker-$i.log" && break
    sleep 0.2
  done
  grep -q "Successfully registered" "$home/logs/worker-$i.log" \
    || { cat "$home/logs/worker-$i.log"; exit 1; }
done
echo "spark://127.0.0.1:$port ($workers workers; logs in $home/logs; stop with $0 stop)"
