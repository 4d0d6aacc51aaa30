#!/usr/bin/env bash
# The shipped glossary's check-related content (issue 12), as glossary commands: reviewable and
# re-appliable (each command is skipped when its change is already in the file).
#  - discourse preferences (tag discourse: checked only with `check --strict`): 双方, 中方, 老方,
#    中国 as "China" -- renderings good translators restructure or omit;
#  - forbidden renderings (tag forbidden: an error anywhere in a translation): OBOR, "Wuhan virus";
#  - entries in base form (check folds inflection with EnglishFolding: "hold talks" matches
#    "held talks", "Holds Talks"): verbs of events no longer baked in the past tense;
#  - listed short forms and variants (tag short for abbreviations: accepted beside the full form):
#    US, U.S., the UN, the G20, the CPC ...; and common legitimate renderings of formulations.
# Usage: scripts/glossary-check-content.sh [GLOSSARY_FILE]   (default Glossaries/diplomatic.zh-en.tsv)
# Uses GLOSSARY (binary, default .build/release/glossary, else .build/debug/glossary).
set -euo pipefail
cd "$(dirname "$0")/.."
FILE="${1:-Glossaries/diplomatic.zh-en.tsv}"
BIN="${GLOSSARY:-.build/release/glossary}"
[ -x "$BIN" ] || BIN=.build/debug/glossary
[ -x "$BIN" ] || { echo "build first (swift build)" >&2; exit 66; }
REVIEWER=terminology-team

TMP="$(mktemp)"
trap 'rm -f "$TMP"' EXIT
# has SOURCE TARGET: whether the glossary has the rendering (curated statuses).
has() {
  "$BIN" export --glossary "$FILE" --format tsv --status preferred,admitted,superseded,deprecated | cut -f1,2 > "$TMP"
  grep -qxF "$1	$2" "$TMP"
}
edit() { "$BIN" edit --glossary "$FILE" --reviewer "$REVIEWER" "$@" > /dev/null; }
# add SOURCE TARGET ARGS...: only when the rendering is not there yet.
add() { has "$1" "$2" || "$BIN" add --glossary "$FILE" --reviewer "$REVIEWER" "$@" > /dev/null; }
# retarget SOURCE OLD NEW: base form of a rendering, when OLD is still there.
retarget() { if has "$1" "$2"; then edit "$1" "$2" --target "$3"; fi; }

# Discourse preferences.
edit 双方 "the two sides" --tag relation,discourse
edit 双方 "both sides" --tag relation,discourse
edit 中方 "the Chinese side" --tag relation,discourse
edit 中方 "China" --tag form,discourse
edit 老方 "the Lao side" --tag relation,discourse
edit 中国 "China" --tag place,discourse

# Forbidden anywhere.
edit 一带一路 "OBOR" --tag initiative,forbidden
edit 新型冠状病毒 "Wuhan virus" --tag covid,forbidden

# Base forms of event verbs.
retarget 交换意见 "exchanged views" "exchange views"
retarget 深入交换意见 "had an in-depth exchange of views" "have an in-depth exchange of views"
retarget 互致贺电 "exchanged congratulatory messages" "exchange congratulatory messages"
retarget 致贺电 "sent a congratulatory message" "send a congratulatory message"
retarget 达成重要共识 "reached important common understandings" "reach important common understandings"
retarget 会见 "met with" "meet with"
retarget 会谈 "held talks" "hold talks"
retarget 通电话 "spoke on the phone" "speak on the phone"
retarget 通电话 "held a phone call" "hold a phone call"

# Listed short forms (abbreviations) and legitimate variants.
add 美国 "US" --status admitted --tag place,short --note "Abbreviation, mainly attributive (US President)."
add 美国 "U.S." --status admitted --tag place,short --note "Abbreviation with points (Xinhua style)."
add 联合国 "the UN" --status admitted --tag body,short --note "Abbreviation after the first mention or attributively (UN Charter)."
add 联合国大会 "the UN General Assembly" --status admitted --tag body,short
add 二十国集团 "the G20" --status admitted --tag body,short --note "Abbreviation; the full form is the Group of 20 (G20)."
add 二十国集团 "the Group of 20" --status admitted --tag body,short
add 中国共产党 "the CPC" --status admitted --tag party,body,short --note "Abbreviation of the Communist Party of China."
add 交换意见 "exchange of views" --status admitted --tag event,form --note "Noun form: had an exchange of views."
add 深入交换意见 "in-depth exchange of views" --status admitted --tag event,form --note "Noun form without the verb."
add 达成重要共识 "reach important consensus" --status admitted --tag event --note "Common Xinhua rendering."
add 彼此核心利益和重大关切 "core interests and major concerns" --status admitted --tag principle,form --note "With the possessive restructured: their respective core interests and major concerns."
add 全球抗疫 "global fight against the pandemic" --status admitted --tag covid
add 抗疫合作 "cooperation against the pandemic" --status admitted --tag covid
add 医疗专家组 "team of medical experts" --status admitted --tag covid,form
add 对外开放 "opening up" --status admitted --tag formulation,short --note "Short form, as in reform and opening up."
add 同志加兄弟 "comradeship plus brotherhood" --status admitted --tag relation --note "Noun form used in Viet Nam-China texts."
echo "check content applied to $FILE"
