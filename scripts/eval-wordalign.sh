#!/usr/bin/env bash
# Word alignment evaluation: AER on denero-dev (50 zh-en pairs, gold with sure/possible links),
# trained on the same text as the eflomal peer (../shared/notes/PEERS.md): denero-dev + wmt-dev
# (995 pairs) + mac-dev gold beads with both sides non-empty = 2,361 pairs.
# Runs `glossary wordalign` without and with the CC-CEDICT lexicon; prints AER, time and pairs/s,
# and the AER of the tuning part (pairs 1-25) and of the reported part (pairs 26-50) apart.
# Fails when an AER rises above its floor:
#   WORDALIGN_AER_FLOOR (no lexicon, default 0.295 = measured 0.285 + 0.01),
#   WORDALIGN_AER_FLOOR_LEXICON (with lexicon, default 0.264 = measured 0.254 + 0.01).
# Build first: swift build -c release (or set GLOSSARY=path/to/glossary).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${GLOSSARY_SHARED_DATA:-../shared/data}"
GLOSSARY="${GLOSSARY:-.build/release/glossary}"
FLOOR="${WORDALIGN_AER_FLOOR:-0.295}"
FLOOR_LEX="${WORDALIGN_AER_FLOOR_LEXICON:-0.264}"
[ -x "$GLOSSARY" ] || { echo "no binary at $GLOSSARY (build it or set GLOSSARY)" >&2; exit 66; }
for f in "$DATA/denero-dev/zh" "$DATA/wmt-dev/all.zh" "$DATA/mac-dev" "$DATA/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"; do
  [ -e "$f" ] || { echo "missing shared data: $f" >&2; exit 66; }
done
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Training text: wmt-dev plus mac-dev beads (Vecalign gold "[i, j]:[k]"; a bead's sentences joined by a space).
cp "$DATA/wmt-dev/all.zh" "$TMP/T.zh"
cp "$DATA/wmt-dev/all.en" "$TMP/T.en"
python3 - "$DATA/mac-dev" "$TMP/T.zh" "$TMP/T.en" <<'PY'
import glob, os, sys
d, out_zh, out_en = sys.argv[1:]
n = 0
with open(out_zh, "a", encoding="utf-8") as fz, open(out_en, "a", encoding="utf-8") as fe:
    for gold in sorted(glob.glob(os.path.join(d, "*.gold"))):
        stem = gold[:-5]
        zh = open(stem + ".zh", encoding="utf-8").read().split("\n")
        en = open(stem + ".en", encoding="utf-8").read().split("\n")
        for line in open(gold, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            s, t = line.split(":")
            si = [int(x) for x in s.strip("[]").split(",") if x.strip()]
            ti = [int(x) for x in t.strip("[]").split(",") if x.strip()]
            if not si or not ti:
                continue
            fz.write(" ".join(zh[i].strip() for i in si) + "\n")
            fe.write(" ".join(en[j].strip() for j in ti) + "\n")
            n += 1
print("mac-dev beads:", n, file=sys.stderr)
PY
PAIRS=$(( $(wc -l < "$DATA/denero-dev/zh") + $(wc -l < "$TMP/T.zh") ))
echo "training pairs: $PAIRS (denero-dev + wmt-dev + mac-dev)"

status=0
run() {  # name floor [extra args]
  local name="$1" floor="$2"; shift 2
  local start end secs aer
  start=$(date +%s.%N)
  "$GLOSSARY" wordalign --pretokenized "$DATA/denero-dev/zh" "$DATA/denero-dev/en" \
    --train-source "$TMP/T.zh" --train-target "$TMP/T.en" "$@" > "$TMP/$name.align"
  end=$(date +%s.%N)
  secs=$(python3 -c "print($end - $start)")
  python3 "${DATA}/../eval/score_aer.py" "$DATA/denero-dev/gold.align" "$TMP/$name.align" > "$TMP/$name.score"
  aer=$(sed -n 's/^aer=\([0-9.]*\).*/\1/p' "$TMP/$name.score")
  printf '%-12s %s  time %.2f s  %.0f pairs/s  (floor %s)\n' "$name" "$(tail -1 "$TMP/$name.score")" "$secs" \
    "$(python3 -c "print($PAIRS / $secs)")" "$floor"
  # Tuning part (pairs 1-25) and reported part (pairs 26-50), scored apart (the house rule).
  head -25 "$DATA/denero-dev/gold.align" > "$TMP/gold.tune"; tail -n +26 "$DATA/denero-dev/gold.align" > "$TMP/gold.report"
  head -25 "$TMP/$name.align" > "$TMP/$name.tune"; tail -n +26 "$TMP/$name.align" > "$TMP/$name.report"
  printf '%-12s   tune 1-25:    %s\n' "" "$(python3 "${DATA}/../eval/score_aer.py" "$TMP/gold.tune" "$TMP/$name.tune" | tail -1)"
  printf '%-12s   report 26-50: %s\n' "" "$(python3 "${DATA}/../eval/score_aer.py" "$TMP/gold.report" "$TMP/$name.report" | tail -1)"
  if python3 -c "import sys; sys.exit(0 if $aer > $floor else 1)"; then echo "FAIL: $name AER $aer above floor $floor" >&2; status=1; fi
}
run no-lexicon "$FLOOR"
run lexicon "$FLOOR_LEX" --lexicon "$DATA/cc-cedict/cedict_1_0_ts_utf-8_mdbg.txt"
echo "eflomal 2.0.0 on the same text (PEERS.md): AER 0.310-0.332, about 170 pairs/s"
exit $status
