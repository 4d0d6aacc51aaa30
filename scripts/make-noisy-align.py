#!/usr/bin/env python3
"""Noisy variant of a sentence-alignment test set, with the gold links adjusted.

Usage: make-noisy-align.py IN_DIR OUT_DIR [--seed S] [--drop P] [--insert P]

IN_DIR holds NAME.zh / NAME.en (one sentence per line) and NAME.gold (Vecalign links,
zh first). For each NAME, with a generator seeded by (seed, NAME) so the variant is the
same on every machine and run:
- every English sentence is dropped with probability --drop (0.10): the English version
  omits it (releases do);
- after every English position a foreign sentence is inserted with probability --insert
  (0.05): an English sentence of another document of the set (releases add sentences).
Gold: a dropped target leaves its bead; a bead whose targets are all dropped becomes one
1-0 link per source sentence; an inserted sentence is a 0-1 link. The Chinese side is
not touched. Stdlib only.
"""
import argparse
import os
import random
import re

LINE = re.compile(r"^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text[:-1].split("\n") if text.endswith("\n") else text.split("\n")


def read_links(path):
    links = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line)
            if m:
                side = lambda s: [int(x) for x in s.replace(",", " ").split()]
                links.append((side(m.group(1)), side(m.group(2))))
    return links


def fmt(ids):
    return "[" + ", ".join(str(i) for i in ids) + "]"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inp")
    ap.add_argument("out")
    ap.add_argument("--seed", default="13")
    ap.add_argument("--drop", type=float, default=0.10)
    ap.add_argument("--insert", type=float, default=0.05)
    a = ap.parse_args()
    names = sorted(fn[:-5] for fn in os.listdir(a.inp) if fn.endswith(".gold"))
    english = {n: read_lines(os.path.join(a.inp, n + ".en")) for n in names}
    os.makedirs(a.out, exist_ok=True)
    dropped_total = inserted_total = sentences_total = 0
    for name in names:
        rng = random.Random("%s:%s" % (a.seed, name))
        en = english[name]
        others = [n for n in names if n != name] or [name]
        inserted = 0
        out_en = []
        links = []
        # Gold beads in target order (deletions where their source falls); foreign sentences go
        # between beads only, so that every gold link keeps consecutive targets.
        for src, tgt in read_links(os.path.join(a.inp, name + ".gold")):
            kept = []
            for t in tgt:
                if rng.random() >= a.drop:
                    kept.append(len(out_en))
                    out_en.append(en[t])
            if kept or not src:
                if kept:
                    links.append((src, kept))
            else:
                links.extend(([s], []) for s in src)
            if tgt and rng.random() < a.insert * len(tgt):
                donor = english[rng.choice(others)]
                links.append(([], [len(out_en)]))
                out_en.append(donor[rng.randrange(len(donor))])
                inserted += 1
        with open(os.path.join(a.out, name + ".en"), "w", encoding="utf-8") as f:
            f.write("".join(s + "\n" for s in out_en))
        with open(os.path.join(a.out, name + ".gold"), "w", encoding="utf-8") as f:
            f.write("".join(fmt(s) + ":" + fmt(t) + "\n" for s, t in links))
        src_zh = os.path.join(a.inp, name + ".zh")
        dst_zh = os.path.join(a.out, name + ".zh")
        if not os.path.exists(dst_zh):
            os.symlink(os.path.abspath(src_zh), dst_zh)
        dropped_total += len(en) + inserted - len(out_en)
        inserted_total += inserted
        sentences_total += len(en)
    print("noisy: %d files, %d of %d English sentences dropped, %d foreign inserted (seed %s)"
          % (len(names), dropped_total, sentences_total, inserted_total, a.seed))


if __name__ == "__main__":
    main()
