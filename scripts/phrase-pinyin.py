#!/usr/bin/env python3
"""Writes src/content/phrases.txt, the phrase readings that slugs use.

Slugs read Chinese by words: a word found in this table takes the table's
reading, every other character the first (most common) reading of the
`pinyin` crate. So the table keeps only the phrases whose reading differs
from what the crate gives character by character (音乐 yin-yue, not yin-le):
the rest would change nothing.

The phrases come from pypinyin's phrase dictionary (built from mozillazg's
phrase-pinyin-data; both MIT, see src/content/phrases.LICENSE), the
per-character readings from the `pinyin` crate's own data file:

    pip install --target /tmp/pypinyin pypinyin==0.55.0
    python3 scripts/phrase-pinyin.py \
        /tmp/pypinyin/pypinyin/phrases_dict.json \
        ~/.cargo/registry/src/*/pinyin-0.11.0/pinyin-data/pinyin.txt \
        > src/content/phrases.txt

Each line is `phrase<TAB>reading`, the reading's syllables toneless and
joined by hyphens; lines are sorted by UTF-8 bytes (the program searches the
file by halving). Phrases longer than 8 characters are left out.
"""

import json
import re
import sys
import unicodedata

MAX_CHARS = 8


def toneless(syllable):
    # As the crate's `plain` style: tone marks go, ü stays.
    out = []
    for ch in unicodedata.normalize("NFD", syllable):
        if unicodedata.category(ch) == "Mn" and ch != "\u0308":
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).lower()


def han(ch):
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3FFFF


def main(phrases_path, crate_path):
    default = {}
    with open(crate_path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"U\+([0-9A-F]+): ([^#\s]+)", line)
            if m:
                default[chr(int(m.group(1), 16))] = toneless(m.group(2).split(",")[0])
    with open(phrases_path, encoding="utf-8") as f:
        phrases = json.load(f)
    rows = []
    for phrase, readings in phrases.items():
        if not (2 <= len(phrase) <= MAX_CHARS) or not all(han(c) for c in phrase):
            continue
        if len(readings) != len(phrase) or any(len(r) < 1 for r in readings):
            continue
        reading = [toneless(r[0]) for r in readings]
        if not all(re.fullmatch(r"[a-zü]+", s) for s in reading):
            continue
        if reading == [default.get(c) for c in phrase]:
            continue
        rows.append((phrase.encode("utf-8"), "-".join(reading)))
    rows.sort()
    out = sys.stdout
    for phrase, reading in rows:
        out.write(f"{phrase.decode('utf-8')}\t{reading}\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: phrase-pinyin.py PHRASES_DICT.json PINYIN_CRATE_DATA.txt > src/content/phrases.txt")
    main(sys.argv[1], sys.argv[2])
