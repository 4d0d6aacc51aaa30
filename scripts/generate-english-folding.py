#!/usr/bin/env python3
"""Generates Sources/GlossaryText/EnglishFolding/WordNetTables.swift from WordNet 3.0.

Input: the WordNet database of Debian's `wordnet-base` package (/usr/share/wordnet, or the
directory given as the first argument): index.{noun,verb,adj} (lemma lists), data.noun (case of
proper names), {noun,verb,adj}.exc (irregular forms). Output: three sorted ASCII blobs that
EnglishFolding searches in place (binary search, nothing to build at start-up):

- lemmas: every one-word lemma of [a-z'-] followed by one byte 0x30 + bits (1 noun, 2 verb,
  4 adjective, 8 proper name only: every WordNet form of it is capitalized, e.g. Laos; proper
  names are kept only when they look inflected, the only case where the bit matters);
- exceptions: "form base\\n" for the irregular forms (met meet, spoke speak, countries is regular),
  first base of each line, noun list before verb list before adjective list; suppletive forms
  whose base starts with another letter (better good, went go, was be) are left out: a match key
  must not turn "better" into "good";
- names: "word word\\n" for capitalized multiword WordNet nouns (united states, united nations) of
  2 to 5 words at least one of which looks inflected: their words are never folded.

Usage: scripts/generate-english-folding.py [/usr/share/wordnet] > Sources/GlossaryText/EnglishFolding/WordNetTables.swift
"""
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
WORD = re.compile(r"^[a-z][a-z'-]*$")
POS = {"noun": 1, "verb": 2, "adj": 4}

bits = {}
for pos, bit in POS.items():
    with open(f"{root}/index.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            lemma = line.split(" ", 1)[0]
            if WORD.match(lemma):
                bits[lemma] = bits.get(lemma, 0) | bit

# Case as written in the synsets: a lemma is a proper name when every form of it is capitalized.
capitalized, lower = set(), set()
multiword_names = set()
for pos in ("noun", "verb", "adj", "adv"):
    with open(f"{root}/data.{pos}", encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" ")
            count = int(fields[3], 16)
            for k in range(count):
                form = fields[4 + 2 * k]
                if pos == "adj":
                    form = re.sub(r"\([a-z]+\)$", "", form)
                key = form.lower()
                (capitalized if form[:1].isupper() else lower).add(key)
                if pos == "noun" and "_" in form and form[:1].isupper():
                    multiword_names.add(key)
for lemma in list(bits):
    if lemma in capitalized and lemma not in lower:
        bits[lemma] |= 8

exceptions = {}
for pos in ("noun", "verb", "adj"):
    with open(f"{root}/{pos}.exc", encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            form, base = parts[0], parts[1]
            if form == base or form in exceptions or not WORD.match(form) or not WORD.match(base):
                continue
            if form[0] != base[0]:
                continue  # suppletive (better -> good, went -> go): not an inflection a key may fold
            exceptions[form] = base

INFLECTED = re.compile(r"(s|ed|ing|er|est|men)$")
# Proper names only matter where they would otherwise be folded (Laos, Athens, Philippines).
for lemma in [w for w, b in bits.items() if b & 8 and not INFLECTED.search(w) and w not in exceptions]:
    del bits[lemma]
names = []
for name in multiword_names:
    words = name.split("_")
    if not 2 <= len(words) <= 5 or not all(WORD.match(w) for w in words):
        continue
    if any(INFLECTED.search(w) or w in exceptions for w in words):
        names.append(" ".join(words))

lemma_blob = "".join(w + chr(0x30 + bits[w]) for w in sorted(bits))
exception_blob = "".join(f"{f} {exceptions[f]}\n" for f in sorted(exceptions))
name_blob = "".join(n + "\n" for n in sorted(set(names)))


LICENSE = """// This software and database is being provided to you, the LICENSEE, by
// Princeton University under the following license.  By obtaining, using
// and/or copying this software and database, you agree that you have
// read, understood, and will comply with these terms and conditions.:
//
// Permission to use, copy, modify and distribute this software and
// database and its documentation for any purpose and without fee or
// royalty is hereby granted, provided that you agree to comply with
// the following copyright notice and statements, including the disclaimer,
// and that the same appear on ALL copies of the software, database and
// documentation, including modifications that you make for internal
// use or for distribution.
//
// WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
//
// THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
// UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
// IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
// UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
// ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
// OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
// INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
// OTHER RIGHTS.
//
// The name of Princeton University or Princeton may not be used in
// advertising or publicity pertaining to distribution of the software
// and/or database.  Title to copyright in this software, database and
// any associated documentation shall at all times remain with
// Princeton University and LICENSEE agrees to preserve same."""


def literal(blob, per_line=3200):
    """A Swift multi-line string literal whose source lines end in a backslash (no newline in the value)."""
    escaped = blob.replace("\\", "\\\\").replace("\n", "\\n")
    lines = []
    i = 0
    while i < len(escaped):
        j = min(len(escaped), i + per_line)
        while j < len(escaped) and escaped[j - 1] == "\\":  # never split an escape
            j += 1
        lines.append(escaped[i:j])
        i = j
    return '"""\n' + "\\\n".join(lines) + '\n"""'


print(f"""// Generated by scripts/generate-english-folding.py from WordNet 3.0 (Debian wordnet-base). Do not edit.
//
// The WordNet 3.0 licence (from Debian's /usr/share/doc/wordnet-base/copyright), which applies to the
// data below:
//
{LICENSE}
//
// {len(bits)} one-word lemmas, {len(exceptions)} irregular forms, {len(set(names))} multiword names.

/// WordNet data for ``EnglishFolding``: sorted ASCII blobs searched in place.
enum WordNetTables {{
  /// One-word lemmas, each followed by one byte 0x30 + bits (1 noun, 2 verb, 4 adjective, 8 proper name only).
  static let lemmas: StaticString = {literal(lemma_blob)}

  /// Irregular forms: "form base\\n", sorted by form.
  static let exceptions: StaticString = {literal(exception_blob)}

  /// Capitalized multiword nouns with a word that looks inflected: "word word\\n", sorted.
  static let names: StaticString = {literal(name_blob)}
}}""")
