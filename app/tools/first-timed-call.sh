#!/usr/bin/env bash
# Times, from the start of a race, the moment each solver's first timed call begins, from the
# race's own progress line (drawn only on a terminal: run under script(1) to get one). A line is
# stamped when the next one replaces it, so the stamp of the line just before "repeat 1/" is the
# moment that solver's first timed call began.
# Usage: app/tools/first-timed-call.sh DESCENT_BIN race-args...
bin="$1"; shift
start=$(date +%s.%N)
script -q -e -c "$bin race $*" /dev/null | stdbuf -o0 tr '\r' '\n' | while IFS= read -r line; do
  now=$(date +%s.%N)
  printf '%8.2f %s\n' "$(echo "$now - $start" | bc)" "$line"
done
