#!/usr/bin/env python3
"""Scores terms mined from scratch against a curated glossary whose evidence was recounted on the
same documents (scripts/eval-extract.sh makes both).

  score-extract.py MINED.json GOLD.json [--cedict CEDICT] [--label NAME] [--missed N]

Gold pairs: curated (preferred, admitted, superseded) rows seen in 2 or more of the documents.
A gold pair is found when the mined term with the same source (match key: width, quotes) has the
pair's rendering among its renderings, up to case, a leading article, a plural -s and hyphens.
Prints one line: pair recall, concept recall (any curated rendering), gold pairs among the top 50
(best rendering), dictionary words rendered by a gloss in the top 50 (with --cedict), truncated
renderings of gold concepts (a mined rendering that is a strict part of a curated rendering).
"""
import argparse, json, re, sys, unicodedata

p = argparse.ArgumentParser()
p.add_argument("mined"); p.add_argument("gold")
p.add_argument("--cedict"); p.add_argument("--label", default="")
p.add_argument("--missed", type=int, default=0, help="list up to N missed gold pairs")
p.add_argument("--top", type=int, default=0, help="print the top N mined terms")
p.add_argument("--json", help="write the figures to this file")
a = p.parse_args()

def norm(s):
    s = re.sub(r"\([^)]*\)", " ", s.lower())
    s = re.sub(r"[^\w' -]", " ", s).replace("-", " ")
    words = s.split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)

def skey(s):
    s = unicodedata.normalize("NFKC", s)
    return re.sub("[\u201c\u201d\u300c\u300d\u300e\u300f\"]", '"', s)

mined = json.load(open(a.mined, encoding="utf-8"))
rows = json.load(open(a.gold, encoding="utf-8"))["entries"]
gold, curated = {}, {}
for r in rows:
    if r.get("status") not in ("preferred", "admitted", "superseded"):
        continue
    curated.setdefault(skey(r["source"]), set()).add(norm(r["target"]))
    if len(r.get("seenIn", r.get("seen_in", []))) >= 2 or r.get("documents", 0) >= 2:
        gold.setdefault(skey(r["source"]), set()).add(norm(r["target"]))
found = {}
for t in mined:
    found.setdefault(skey(t["source"]), set()).update(norm(r["target"]) for r in t["renderings"])
pairs = [(s, t) for s, ts in gold.items() for t in ts]
hit = [(s, t) for s, t in pairs if t in found.get(s, ())]
concepts_hit = [s for s in gold if gold[s] & found.get(s, set())]
top = mined[:50]
top_gold = [t for t in top if norm(t["renderings"][0]["target"]) in gold.get(skey(t["source"]), ())]

dictionary = []
if a.cedict:
    glosses = {}
    for line in open(a.cedict, encoding="utf-8"):
        if line.startswith("#"):
            continue
        m = re.match(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/", line)
        if not m:
            continue
        for g in m.group(4).split("/"):
            g = re.sub(r"^(to|CL:.*) ", "", g.strip())
            glosses.setdefault(m.group(2), set()).add(norm(g))
    for t in top:
        r = t["renderings"][0]["target"]
        if r[:1].isupper():
            continue  # names stay up
        if norm(r) in glosses.get(t["source"], ()):
            dictionary.append(f"{t['source']} {r}")

truncated = []
for t in mined:
    s = skey(t["source"])
    if s not in gold:
        continue
    for r in t["renderings"]:
        n = norm(r["target"])
        if n in curated[s]:
            continue
        if any(n != c and re.search(r"(^| )" + re.escape(n) + r"( |$)", c) for c in curated[s]):
            truncated.append(f"{t['source']} -> {r['target']}")

figures = {
    "pairs": len(pairs), "pairs_found": len(hit), "pair_recall": round(len(hit) / max(1, len(pairs)), 3),
    "concepts": len(gold), "concept_recall": round(len(concepts_hit) / max(1, len(gold)), 3),
    "top50_gold": len(top_gold), "top50_dictionary": len(dictionary) if a.cedict else None,
    "truncated": len(truncated), "terms": len(mined),
}
dic = f", dictionary words in top 50 {len(dictionary)}" if a.cedict else ""
print(f"{a.label:<34} pair recall {figures['pair_recall']:.3f} ({len(hit)}/{len(pairs)}), concepts "
      f"{figures['concept_recall']:.3f}, gold in top 50 {len(top_gold)}{dic}, truncated {len(truncated)}, "
      f"{len(mined)} terms")
if a.missed:
    missed = sorted(set(pairs) - set(hit))
    for s, t in missed[: a.missed]:
        got = next((x for x in mined if skey(x["source"]) == s), None)
        have = "; ".join(r["target"] for r in got["renderings"]) if got else "(no candidate)"
        print(f"    missed {s} -> {t}   mined: {have}")
    for x in truncated[: a.missed]:
        print(f"    truncated {x}")
    for x in dictionary:
        print(f"    dictionary {x}")
if a.top:
    for i, t in enumerate(mined[: a.top], 1):
        r = t["renderings"][0]
        mark = "*" if t in top_gold else " "
        print(f"  {i:3}.{mark}{t['score']:.3f}  {t['source']}  ->  {r['target']}  ({r['occurrences']}x, {len(r['documents'])} docs)")
if a.json:
    json.dump(figures, open(a.json, "w"))
