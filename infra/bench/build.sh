# Sourced by infra/bench/run and infra/bench/national: builds the benchmark and the service jars
# it needs (mvn package, no tests) when one is missing or a main source or pom changed since the
# last build here. Usage: build_bench <service>...
build_bench() {
  local services="$*" modules="infra/bench" s
  for s in $services; do modules="$modules,services/$s"; done
  local stamp=infra/bench/target/build.stamp
  if ! bench_needs_build "$stamp" $services; then
    return 0
  fi
  echo "bench: building$(for s in $services; do printf ' %s' "$s"; done) and the benchmark (mvn -DskipTests package)…"
  mkdir -p infra/bench/target
  touch "$stamp.next"
  if ! mvn -B -q -Dstyle.color=never -DskipTests package -pl "$modules" -am 2>&1 | sed -u 's/\x1b\[0m//g'; then
    echo "bench: the build failed (see above)" >&2
    rm -f "$stamp.next"
    exit 1
  fi
  mv "$stamp.next" "$stamp"
}

bench_needs_build() {
  local stamp="$1" s jar
  shift
  compgen -G 'infra/bench/target/bench-*.jar' >/dev/null || return 0
  [[ -d infra/bench/target/lib && -f "$stamp" ]] || return 0
  sources_newer_than "$stamp" && return 0
  # each jar against the sources on its own: a service left out of the last build here is as old
  # as the build that made it, not as the stamp
  for s in "$@"; do
    jar="services/$s/target/$s-0.1.0-SNAPSHOT-exec.jar"
    [[ -f "$jar" ]] || return 0
    sources_newer_than "$jar" && return 0
  done
  return 1
}

sources_newer_than() {
  [[ -n "$(find pom.xml services infra/devstack infra/faults infra/bench \
      \( -path '*/src/main/*' -o -name pom.xml \) -newer "$1" -not -path '*/target/*' -print -quit)" ]]
}
