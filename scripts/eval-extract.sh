#!/usr/bin/env bash
# Term mining evaluation.
#  1. Shipped Corpus/, mined from scratch (no glossary, no lexicon): prints the top 50 candidates
#     (judge them by hand) and the recall of the shipped glossary's formulations: of the curated
#     concepts seen in at least 2 documents of the corpus, the share mined with one of their curated
#     renderings as a rendering (up to case, a leading article, plural -s).
#  2. wmt-dev (51 news documents, one segment per line) laid out as a corpus: prints its top 50.
# Fails when recall drops below EXTRACT_RECALL_FLOOR (default 0.45; measured 0.477).
# Build first: swift build -c release (or set GLOSSARY=path/to/glossary).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${GLOSSARY_SHARED_DATA:-../shared/data}"
GLOSSARY="${GLOSSARY:-.build/release/glossary}"
FLOOR="${EXTRACT_RECALL_FLOOR:-0.45}"
[ -x "$GLOSSARY" ] || { echo "no binary at $GLOSSARY (build it or set GLOSSARY)" >&2; exit 66; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

echo "== Corpus/: top 50 mined from scratch"
start=$(date +%s.%N)
"$GLOSSARY" extract --corpus Corpus --glossary "$TMP/none.zh-en.tsv" --dry-run --format json > "$TMP/mined.json"
end=$(date +%s.%N)
python3 - "$TMP/mined.json" <<'PY'
import json, sys
terms = json.load(open(sys.argv[1], encoding="utf-8"))
for i, t in enumerate(terms[:50], 1):
    r = t["renderings"][0]
    print(f"{i:2}. {t['score']:.3f}  {t['source']}  ->  {r['target']}  ({r['occurrences']}x, {len(r['documents'])} docs)")
PY
echo "   ($(python3 -c "print(round($end - $start, 2))") s)"

echo "== Corpus/: recall of the shipped glossary's formulations"
cp Glossaries/diplomatic.zh-en.tsv "$TMP/shipped.zh-en.tsv"
"$GLOSSARY" extract --corpus Corpus --glossary "$TMP/shipped.zh-en.tsv" > /dev/null
"$GLOSSARY" export --glossary "$TMP/shipped.zh-en.tsv" --format json --status preferred,admitted,superseded,deprecated --out "$TMP/shipped.json"
python3 - "$TMP/mined.json" "$TMP/shipped.json" "$FLOOR" <<'PY'
import json, re, sys
mined, shipped, floor = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), float(sys.argv[3])
rows = shipped["entries"] if isinstance(shipped, dict) and "entries" in shipped else shipped
def norm(s):
    s = re.sub(r"\([^)]*\)", " ", s.lower())
    s = re.sub(r"[^\w' -]", " ", s).replace("-", " ")
    words = s.split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)
concepts = {}
for r in rows:
    if r.get("documents", 0) >= 2 and r.get("status") in ("preferred", "admitted", "superseded"):
        concepts.setdefault(r["source"], set()).add(norm(r["target"]))
found = {}
for t in mined:
    for r in t["renderings"]:
        found.setdefault(t["source"], set()).add(norm(r["target"]))
hits = [s for s, targets in concepts.items() if found.get(s, set()) & targets]
missed = sorted(set(concepts) - set(hits))
recall = len(hits) / max(1, len(concepts))
print(f"   {len(hits)} of {len(concepts)} formulations seen in 2+ documents mined with a curated rendering: recall {recall:.3f} (floor {floor})")
print("   missed: " + ", ".join(missed[:40]) + (" ..." if len(missed) > 40 else ""))
sys.exit(0 if recall >= floor else 1)
PY

if [ -d "$DATA/wmt-dev" ]; then
  echo "== wmt-dev: top 50 mined from scratch"
  mkdir -p "$TMP/wmt"
  for zh in "$DATA"/wmt-dev/doc*.zh; do
    stem=$(basename "$zh" .zh)
    cp "$zh" "$TMP/wmt/2021-01-01-$stem.zh.txt"
    cp "${zh%.zh}.en" "$TMP/wmt/2021-01-01-$stem.en.txt"
  done
  "$GLOSSARY" extract --corpus "$TMP/wmt" --glossary "$TMP/none.zh-en.tsv" --dry-run --limit 50 --format tsv \
    | awk -F'\t' 'NR > 1 { printf "%2d. %s  %s  ->  %s  (%s docs)\n", NR - 1, $1, $2, $3, $4 }'
fi
