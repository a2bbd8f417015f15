#!/usr/bin/env bash
# Proves the archive unpacks into one folder, descent-VERSION/, and runs from there: 'tar xzf'
# in a download folder must not spill bin/, lib/ and plugins/ into it.
# Arguments: ARCHIVE FOLDER_NAME
set -euo pipefail
archive="$1"; folder="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
top="$(ls -A "$work")"
if [ "$top" != "$folder" ]; then
  echo "[unpack] FAILED: $archive unpacks into '$(echo $top)', not one folder $folder/" >&2
  exit 1
fi
for path in bin/descent lib plugins/scalar; do
  [ -e "$work/$folder/$path" ] || { echo "[unpack] FAILED: no $folder/$path" >&2; exit 1; }
done
"$work/$folder/bin/descent" --version
"$work/$folder/bin/descent" race --solvers scalar --n 200 --epochs 20 --repeat 1 --warmup 0 \
  --precision f64 --export-json "$work/race.json" >/dev/null
grep -q '"origin": "plugins/scalar"' "$work/race.json" \
  || { echo "[unpack] FAILED: scalar was not raced from $folder/plugins/" >&2; exit 1; }
# Spark from its own plug-in folder: its executors make the block recipe's data from the
# reference classes shipped beside it (the app's lib/ is invisible to a plug-in).
"$work/$folder/bin/descent" race --solvers spark.gram,python.numpy --recipe blocks --n 200000 \
  --epochs 5 --repeat 1 --warmup 0 --export-json "$work/spark.json" >/dev/null \
  || { echo "[unpack] FAILED: spark.gram or python.numpy did not race from plugins/" >&2; exit 1; }
for row in 'spark.gram' 'python.numpy'; do
  grep -q "\"origin\": \"plugins/${row%%.*}\"" "$work/spark.json" \
    || { echo "[unpack] FAILED: $row was not raced from plugins/" >&2; exit 1; }
done
if grep -q '"status": "\(FAIL\|FAILED\|TIMEOUT\)"' "$work/spark.json"; then
  echo "[unpack] FAILED: a plug-in row failed:" >&2; grep '"message"' "$work/spark.json" >&2
  exit 1
fi
echo "[unpack] OK: $(basename "$archive") unpacks into $folder/ and races from there"
