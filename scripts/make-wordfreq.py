#!/usr/bin/env python3
"""Makes Sources/CWordFrequencies/zh-wordfreq.txt, the general-language Chinese
word-frequency list compiled into glossary, from jieba 0.42.1's dict.txt (MIT,
see Sources/CWordFrequencies/LICENSE-jieba.txt).

    pip download jieba==0.42.1 --no-deps --no-binary :all:   # or any copy of the sdist
    tar xzf jieba-0.42.1.tar.gz
    scripts/make-wordfreq.py jieba-0.42.1/jieba/dict.txt > Sources/CWordFrequencies/zh-wordfreq.txt

Trimming: words made only of CJK unified ideographs (the lattice segments Han
runs; words with Latin letters or digits can never be reached), frequency at
least MIN_FREQ (5: keeps 136k of 349k entries and 99% of the list's token
mass; the 3s and 4s are jieba's floor for unattested words), part-of-speech
tags dropped. Order and frequencies are jieba's.
"""
import sys
import unicodedata

MIN_FREQ = 5


def is_han(ch):
    return unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH")


def main(path):
    out = sys.stdout
    kept = 0
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            word, freq = parts[0], int(parts[1])
            if freq < MIN_FREQ or not all(is_han(c) for c in word):
                continue
            rows.append((word, freq))
    out.write("# jieba 0.42.1 dict.txt (MIT licence, LICENSE-jieba.txt), trimmed by scripts/make-wordfreq.py:\n")
    out.write("# Han-only words with frequency >= %d. One 'word frequency' per line.\n" % MIN_FREQ)
    for word, freq in rows:
        out.write("%s %d\n" % (word, freq))
        kept += 1
    print("kept %d words" % kept, file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
