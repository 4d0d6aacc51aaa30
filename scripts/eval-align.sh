#!/usr/bin/env bash
# Sentence alignment on mac-dev (6 literary zh-en chapters, gold Vecalign links, zh first):
# aligns every pair with --presegmented, once without a lexicon and once with CC-CEDICT,
# scores with score_sentalign.py, and fails when strict F1 drops below a floor (a regression gate).
#
#   scripts/eval-align.sh                      # from the repo root
#   FLOOR_STRICT_NOLEX=0.7 FLOOR_STRICT_LEX=0.8 scripts/eval-align.sh
#   GLOSSARY_BIN=.build-x/release/glossary scripts/eval-align.sh   # use a given binary
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${GLOSSARY_SHARED_DATA:-../shared/data}"
MAC="$DATA/mac-dev"
CEDICT="$DATA/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"
SCORER="${GLOSSARY_SHARED_EVAL:-$(dirname "$DATA")/eval}/score_sentalign.py"
FLOOR_STRICT_NOLEX="${FLOOR_STRICT_NOLEX:-0.64}"
FLOOR_STRICT_LEX="${FLOOR_STRICT_LEX:-0.77}"
if [ ! -d "$MAC" ]; then echo "eval-align: no $MAC; skipped"; exit 0; fi

SCRATCH="${GLOSSARY_SCRATCH:-.build}"
BIN="${GLOSSARY_BIN:-}"
if [ -z "$BIN" ]; then
  swift build -c release --scratch-path "$SCRATCH" --product glossary >&2
  BIN="$SCRATCH/release/glossary"
fi

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
status=0
for run in nolex lex; do
  mkdir -p "$OUT/$run"
  args=()
  [ "$run" = lex ] && args=(--lexicon "$CEDICT")
  start=$(date +%s.%N)
  for zh in "$MAC"/*.zh; do
    name="$(basename "$zh" .zh)"
    "$BIN" align --presegmented --source-lang zh --target-lang en "${args[@]}" \
      "$zh" "$MAC/$name.en" --out "$OUT/$run/$name.gold"
  done
  end=$(date +%s.%N)
  result="$(python3 "$SCORER" "$MAC" "$OUT/$run" | tail -1)"
  strict="$(sed 's/.*strict_f1=\([0-9.]*\).*/\1/' <<<"$result")"
  lax="$(sed 's/.*lax_f1=\([0-9.]*\).*/\1/' <<<"$result")"
  floor=$([ "$run" = lex ] && echo "$FLOOR_STRICT_LEX" || echo "$FLOOR_STRICT_NOLEX")
  printf '%-6s strict_f1=%s lax_f1=%s  (6 pairs, %.2f s wall incl. process start and lexicon load; floor %s)\n' \
    "$run" "$strict" "$lax" "$(echo "$end - $start" | bc)" "$floor"
  if awk -v s="$strict" -v f="$floor" 'BEGIN { exit !(s < f) }'; then
    echo "eval-align: $run strict F1 $strict is below the floor $floor" >&2
    status=1
  fi
done
exit $status
