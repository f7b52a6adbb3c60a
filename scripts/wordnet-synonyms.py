#!/usr/bin/env python3
"""Derives src/StudyBot.Core/Answers/Synonyms/wordnet-synonyms.txt.gz from WordNet 3.0.

Usage: scripts/wordnet-synonyms.py WORDNET_DICT_DIR OUTPUT.txt.gz
WORDNET_DICT_DIR holds WordNet 3.0's index.{noun,verb,adj,adv} and data.{noun,verb,adj,adv}
(Debian's wordnet-base package installs them in /usr/share/wordnet).

Output, one record a line, gzip'ed:
  "<pos> <member> <member> ..."  a synset (pos n, v, a or r) that has two members or more; a member is
                                 "lemma/rank", with "*" after the rank when that sense is tagged in
                                 WordNet's semantic concordance (the first tagsense_cnt senses of the lemma).
                                 Only a lemma's first MAX_RANK senses are kept, and of those only the tagged
                                 ones (or the first, when none is tagged); lemmas are lower case,
                                 words of a collocation (or a hyphenated word) joined by "_"; names (written with a capital) are left out.
  "! <pos> <lemma> <lemma>"      two lemmas WordNet calls antonyms (its "!" pointer), alphabetical.
"""
import gzip
import sys

MAX_RANK = 4
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def read_data(path, pos):
    """synset offset -> (words as written, antonym pairs of lemmas)."""
    synsets, antonyms = {}, set()
    with open(path, encoding="utf-8") as f:
        raw = {}
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            offset, count = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * i] for i in range(count)]
            # "(a)", "(p)", "(ip)": an adjective's syntactic marker, not part of the word.
            words = [w.split("(")[0] for w in words]
            at = 4 + 2 * count
            pointers = []
            for i in range(int(fields[at])):
                symbol, target, tpos, st = fields[at + 1 + 4 * i: at + 5 + 4 * i]
                pointers.append((symbol, target, st))
            raw[offset] = (words, pointers)
    for offset, (words, pointers) in raw.items():
        synsets[offset] = words
        for symbol, target, st in pointers:
            source, goal = int(st[:2], 16), int(st[2:], 16)
            if symbol != "!" or source == 0 or target not in raw:
                continue
            a, b = words[source - 1], raw[target][0][goal - 1]
            if a.islower() and b.islower():
                antonyms.add(tuple(sorted((a.lower(), b.lower()))))
    return synsets, antonyms


def main(directory, output):
    records, antonym_lines = [], []
    for name, pos in POS.items():
        synsets, antonyms = read_data(f"{directory}/data.{name}", pos)
        members = {}
        with open(f"{directory}/index.{name}", encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma, pointer_count = fields[0], int(fields[3])
                sense_count = int(fields[4 + pointer_count])
                tagged = int(fields[5 + pointer_count])
                offsets = fields[6 + pointer_count: 6 + pointer_count + sense_count]
                for rank, offset in enumerate(offsets[:MAX_RANK], start=1):
                    # A sense WordNet's tagged texts never use is too rare to read an answer by (the lemma's first always counts).
                    if rank > max(tagged, 1):
                        continue
                    written = [w for w in synsets[offset] if w.lower() == lemma]
                    # A name ("France", "Lincoln") is never anyone's synonym here.
                    if not written or not any(w.islower() or not any(c.isalpha() for c in w) for w in written):
                        continue
                    # "cease-fire" is read as the words "cease fire", as answers are.
                    key = lemma.replace("-", "_")
                    members.setdefault(offset, []).append(f"{key}/{rank}{'*' if rank <= tagged else ''}")
        for offset in sorted(members):
            if len(members[offset]) >= 2:
                records.append(f"{pos} {' '.join(sorted(members[offset]))}")
        antonym_lines.extend(f"! {pos} {a} {b}" for a, b in sorted(antonyms))
    with gzip.open(output, "wt", encoding="utf-8", compresslevel=9) as out:
        for line in records + antonym_lines:
            out.write(line + "\n")
    print(f"{len(records)} synsets, {len(antonym_lines)} antonym pairs -> {output}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
