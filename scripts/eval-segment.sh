#!/usr/bin/env bash
# Chinese word segmentation against denero-dev's hand tokenization (50 Xinhua sentences, CTB-like
# standard): token F1 of `glossary segment --words` on the untokenized text, for ICU's dictionary
# (--no-lattice), the lattice over the shipped frequency list, and the lattice with CC-CEDICT.
# Split: pairs 1-25 tuned WordLattice.lexiconFrequency, pairs 26-50 are reported (and gated).
# Fails when the lattice's reported F1 drops below its floor (SEG_FLOOR 0.79 without, SEG_FLOOR_LEXICON
# 0.78 with the lexicon: measured 0.808 and 0.796 minus about 0.015).
#
#   scripts/eval-segment.sh
#   SEG_FLOOR=0.8 scripts/eval-segment.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${GLOSSARY_SHARED_DATA:-../shared/data}"
GLOSSARY="${GLOSSARY:-${GLOSSARY_BIN:-.build/release/glossary}}"
CEDICT="$DATA/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"
FLOOR="${SEG_FLOOR:-0.79}"
FLOOR_LEX="${SEG_FLOOR_LEXICON:-0.78}"
if [ ! -f "$DATA/denero-dev/zh" ]; then echo "eval-segment: no $DATA/denero-dev; skipped"; exit 0; fi
[ -x "$GLOSSARY" ] || { echo "no binary at $GLOSSARY (build it or set GLOSSARY)" >&2; exit 66; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# The text: each gold line without its spaces, lines separated by blank lines (one paragraph each).
python3 - "$DATA/denero-dev/zh" "$TMP/text.zh" <<'PY'
import sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
lines = [l for l in lines if l.strip()]
open(sys.argv[2], "w", encoding="utf-8").write("\n\n".join("".join(l.split()) for l in lines) + "\n")
PY

status=0
for run in ${SEG_RUNS:-icu icu+cedict lattice lattice+cedict}; do
  args=()
  case "$run" in
    icu) args=(--no-lattice) ;;
    lattice+cedict) args=(--lexicon "$CEDICT") ;;
    icu+cedict) args=(--no-lattice --lexicon "$CEDICT") ;;
  esac
  "$GLOSSARY" segment --words --lang zh --format json "${args[@]}" "$TMP/text.zh" > "$TMP/$run.json"
  result="$(python3 - "$DATA/denero-dev/zh" "$TMP/$run.json" <<'PY'
import json, sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
lines = [l for l in lines if l.strip()]
gold, starts, off = [], [], 0
for k, l in enumerate(lines):
    starts.append(off)
    pos = off
    for tok in l.split():
        gold.append((k, pos, pos + len(tok)))
        pos += len(tok)
    off = pos + 2
def line_of(start):
    k = 0
    while k + 1 < len(starts) and starts[k + 1] <= start:
        k += 1
    return k
pred = []
for s in json.load(open(sys.argv[2], encoding="utf-8")):
    for t in s.get("tokens", []):
        pred.append((line_of(t["start"]), t["start"], t["end"]))
out = []
for name, lo, hi in (("tune 1-25", 0, 25), ("report 26-50", 25, 50)):
    g = {x for x in gold if lo <= x[0] < hi}
    p = {x for x in pred if lo <= x[0] < hi}
    tp = len(g & p)
    prec, rec = tp / max(1, len(p)), tp / max(1, len(g))
    out.append("%s F1=%.3f (P %.3f R %.3f, %d gold tokens)" % (name, 2 * prec * rec / max(1e-9, prec + rec), prec, rec, len(g)))
print("  ".join(out))
PY
)"
  printf '%-15s %s\n' "$run" "$result"
  reported="$(sed 's/.*report 26-50 F1=\([0-9.]*\).*/\1/' <<<"$result")"
  floor=""
  case "$run" in lattice) floor="$FLOOR" ;; lattice+cedict) floor="$FLOOR_LEX" ;; esac
  if [ -n "$floor" ] && awk -v s="$reported" -v f="$floor" 'BEGIN { exit !(s < f) }'; then
    echo "eval-segment: $run reported F1 $reported is below the floor $floor" >&2
    status=1
  fi
done
exit $status
