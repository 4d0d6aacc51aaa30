#!/usr/bin/env bash
# Sentence alignment on mac-dev (6 literary zh-en chapters, gold Vecalign links, zh first):
# aligns every pair with --presegmented, once without a lexicon and once with CC-CEDICT,
# scores with score_sentalign.py, and fails when strict F1 drops below a floor (a regression gate).
# The pairs are laid out as a temporary corpus (dated names, symlinks) and aligned with the
# batch form, so each run is one process and the lexicon is read once.
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
FLOOR_STRICT_NOLEX="${FLOOR_STRICT_NOLEX:-0.679}"
FLOOR_STRICT_LEX="${FLOOR_STRICT_LEX:-0.831}"
FLOOR_LAX_LEX="${FLOOR_LAX_LEX:-0.975}"
if [ ! -d "$MAC" ]; then echo "eval-align: no $MAC; skipped"; exit 0; fi

SCRATCH="${GLOSSARY_SCRATCH:-.build}"
BIN="${GLOSSARY_BIN:-}"
if [ -z "$BIN" ]; then
  swift build -c release --scratch-path "$SCRATCH" --product glossary >&2
  BIN="$SCRATCH/release/glossary"
fi

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
# dev-anno.001.zh -> corpus/2000-01-01-dev-anno-001.zh.txt (a corpus needs dated names)
mkdir -p "$OUT/corpus"
abs() { (cd "$(dirname "$1")" && echo "$PWD/$(basename "$1")"); }
names=()
for zh in "$MAC"/*.zh; do
  name="$(basename "$zh" .zh)"
  [ -f "$MAC/$name.en" ] && [ -f "$MAC/$name.gold" ] || continue
  names+=("$name")
  stem="2000-01-01-$(tr '.' '-' <<<"$name" | tr '[:upper:]' '[:lower:]')"
  ln -s "$(abs "$zh")" "$OUT/corpus/$stem.zh.txt"
  ln -s "$(abs "$MAC/$name.en")" "$OUT/corpus/$stem.en.txt"
done

status=0
for run in nolex lex; do
  args=()
  [ "$run" = lex ] && args=(--lexicon "$CEDICT")
  start=$(date +%s.%N)
  "$BIN" align --presegmented --source-lang zh --target-lang en "${args[@]}" \
    --corpus "$OUT/corpus" --out-dir "$OUT/$run.batch"
  end=$(date +%s.%N)
  mkdir -p "$OUT/$run"
  for name in "${names[@]}"; do
    stem="2000-01-01-$(tr '.' '-' <<<"$name" | tr '[:upper:]' '[:lower:]')"
    mv "$OUT/$run.batch/$stem.zh-en.vecalign" "$OUT/$run/$name.gold"
  done
  result="$(python3 "$SCORER" "$MAC" "$OUT/$run" | tail -1)"
  strict="$(sed 's/.*strict_f1=\([0-9.]*\).*/\1/' <<<"$result")"
  lax="$(sed 's/.*lax_f1=\([0-9.]*\).*/\1/' <<<"$result")"
  floor=$([ "$run" = lex ] && echo "$FLOOR_STRICT_LEX" || echo "$FLOOR_STRICT_NOLEX")
  printf '%-6s strict_f1=%s lax_f1=%s  (%d pairs, %.2f s wall in one process incl. start and lexicon load; floor %s)\n' \
    "$run" "$strict" "$lax" "${#names[@]}" "$(python3 -c "print(round($end - $start, 2))")" "$floor"
  if awk -v s="$strict" -v f="$floor" 'BEGIN { exit !(s < f) }'; then
    echo "eval-align: $run strict F1 $strict is below the floor $floor" >&2
    status=1
  fi
  if [ "$run" = lex ] && awk -v s="$lax" -v f="$FLOOR_LAX_LEX" 'BEGIN { exit !(s < f) }'; then
    echo "eval-align: $run lax F1 $lax is below the floor $FLOOR_LAX_LEX" >&2
    status=1
  fi
done
exit $status
