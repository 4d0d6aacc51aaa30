#!/usr/bin/env bash
# Sentence alignment, clean and noisy, without a lexicon and with CC-CEDICT (--presegmented):
# - mac: mac-dev (6 literary zh-en chapters, gold Vecalign links, zh first);
#   tune = dev-anno.001-003, report = dev-anno.004-006 (all six: partly tuned, for comparison
#   with published figures);
# - corpus: 8 documents of Corpus/ with hand-checked gold (scripts/eval-data/corpus-align/,
#   see its README); tune = dated up to 2019, report = 2020 and later;
# - mac+noise, corpus+noise: the same with about 10% of English sentences dropped and 5% foreign
#   ones inserted (English sentences of another document of the set), gold adjusted, generated
#   with a fixed seed by scripts/make-noisy-align.py.
# Scores with score_sentalign.py; fails when a strict F1 drops below its floor (regression gates
# on mac all six, clean; and on the noisy report parts). Each set is laid out as a temporary
# corpus (dated names, symlinks) and aligned in one process, so the lexicon is read once.
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
# Noisy report parts, CC-CEDICT (regression floors below the figures of 2026-12-01: 0.756, 1.000).
FLOOR_NOISY_MAC_LEX="${FLOOR_NOISY_MAC_LEX:-0.74}"
FLOOR_NOISY_CORPUS_LEX="${FLOOR_NOISY_CORPUS_LEX:-0.90}"
if [ ! -d "$MAC" ]; then echo "eval-align: no $MAC; skipped"; exit 0; fi

SCRATCH="${GLOSSARY_SCRATCH:-.build}"
BIN="${GLOSSARY_BIN:-}"
if [ -z "$BIN" ]; then
  swift build -c release --scratch-path "$SCRATCH" --product glossary >&2
  BIN="$SCRATCH/release/glossary"
fi

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
abs() { (cd "$(dirname "$1")" && echo "$PWD/$(basename "$1")"); }
stem() { echo "2000-01-01-$(tr '.' '-' <<<"$1" | tr '[:upper:]' '[:lower:]')"; }

# A set is a folder of NAME.zh, NAME.en, NAME.gold; part_of NAME prints tune or report.
mkdir -p "$OUT/sets"
ln -s "$(abs "$MAC")" "$OUT/sets/mac"
ln -s "$(abs scripts/eval-data/corpus-align)" "$OUT/sets/corpus"
for set in mac corpus; do
  python3 scripts/make-noisy-align.py "$OUT/sets/$set" "$OUT/sets/$set+noise" >&2
done
part_of() {
  case "$1" in
    dev-anno.00[123]) echo tune ;;
    dev-anno.*) echo report ;;
    20[01][0-9]-*) echo tune ;;
    *) echo report ;;
  esac
}

status=0
gate() {  # gate LABEL VALUE FLOOR
  if awk -v s="$2" -v f="$3" 'BEGIN { exit !(s < f) }'; then
    echo "eval-align: $1 $2 is below the floor $3" >&2
    status=1
  fi
}
score() {  # score GOLD_DIR TEST_DIR -> "strict lax"
  python3 "$SCORER" "$1" "$2" | tail -1 | sed 's/.*strict_f1=\([0-9.]*\) lax_f1=\([0-9.]*\).*/\1 \2/'
}
printf '%-13s %-6s %-15s %-15s %-15s %s\n' set run "tune strict/lax" "report s/l" "all s/l" "wall s"
for set in mac mac+noise corpus corpus+noise; do
  dir="$OUT/sets/$set"
  names=()
  mkdir -p "$OUT/$set/corpus" "$OUT/$set/gold.tune" "$OUT/$set/gold.report" "$OUT/$set/gold.all"
  for zh in "$dir"/*.zh; do
    name="$(basename "$zh" .zh)"
    [ -f "$dir/$name.en" ] && [ -f "$dir/$name.gold" ] || continue
    names+=("$name")
    ln -s "$(abs "$zh")" "$OUT/$set/corpus/$(stem "$name").zh.txt"
    ln -s "$(abs "$dir/$name.en")" "$OUT/$set/corpus/$(stem "$name").en.txt"
    ln -s "$(abs "$dir/$name.gold")" "$OUT/$set/gold.all/$name.gold"
    ln -s "$(abs "$dir/$name.gold")" "$OUT/$set/gold.$(part_of "$name")/$name.gold"
  done
  for run in nolex lex; do
    args=()
    [ "$run" = lex ] && args=(--lexicon "$CEDICT")
    start=$(date +%s.%N)
    "$BIN" align --presegmented --source-lang zh --target-lang en "${args[@]}" \
      --corpus "$OUT/$set/corpus" --out-dir "$OUT/$set/$run.batch"
    end=$(date +%s.%N)
    mkdir -p "$OUT/$set/$run"
    for name in "${names[@]}"; do
      mv "$OUT/$set/$run.batch/$(stem "$name").zh-en.vecalign" "$OUT/$set/$run/$name.gold"
    done
    read -r ts tl <<<"$(score "$OUT/$set/gold.tune" "$OUT/$set/$run")"
    read -r rs rl <<<"$(score "$OUT/$set/gold.report" "$OUT/$set/$run")"
    read -r as al <<<"$(score "$OUT/$set/gold.all" "$OUT/$set/$run")"
    printf '%-13s %-6s %-15s %-15s %-15s %.2f\n' "$set" "$run" "$ts/$tl" "$rs/$rl" "$as/$al" \
      "$(python3 -c "print(round($end - $start, 2))")"
    case "$set/$run" in
      mac/nolex) gate "mac nolex strict F1 (all six)" "$as" "$FLOOR_STRICT_NOLEX" ;;
      mac/lex) gate "mac lex strict F1 (all six)" "$as" "$FLOOR_STRICT_LEX"
               gate "mac lex lax F1 (all six)" "$al" "$FLOOR_LAX_LEX" ;;
      mac+noise/lex) gate "mac+noise lex strict F1 (report)" "$rs" "$FLOOR_NOISY_MAC_LEX" ;;
      corpus+noise/lex) gate "corpus+noise lex strict F1 (report)" "$rs" "$FLOOR_NOISY_CORPUS_LEX" ;;
    esac
  done
done
exit $status
