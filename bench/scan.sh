#!/usr/bin/env bash
# Wall time of `tollgate scan` on a corpus directory, the way a user runs it (a fresh JVM each time).
# Usage: bench/scan.sh [DIR] [RUNS]   (default: ../shared/corpus/iac/tf-modules, 5 runs)
# Prints each run and the median; build the jar first (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-../shared/corpus/iac/tf-modules}
runs=${2:-5}
[ -f target/tollgate.jar ] || { echo "build first: mvn -q -DskipTests package" >&2; exit 2; }
[ -d "$dir" ] || { echo "no such directory: $dir" >&2; exit 2; }
files=$(find "$dir" -type f \( -name '*.tf' -o -name '*.tf.json' -o -name '*.tfvars' -o -name '*.yaml' \
  -o -name '*.yml' -o -name '*.json' -o -name '*.template' -o -name 'Dockerfile*' -o -name '*.Dockerfile' \
  -o -name 'Containerfile*' \) | wc -l)
java -jar target/tollgate.jar scan "$dir" --format json > /dev/null || true   # warm the page cache
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  java -jar target/tollgate.jar scan "$dir" --format json > /dev/null || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "scan $dir ($files IaC candidate files): median ${median} ms over $runs runs, $(nproc) cores"
