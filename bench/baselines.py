#!/usr/bin/env python3
"""The Python baselines of unct-bench (see README "Benchmark"). Reads the corpus once, prepares,
then times the matching alone and prints "<matches> <seconds>": non-overlapping leftmost-longest
matches, counted as the engine's are counted (bench/baseline.hpp).

  baselines.py re REGEX_FILE CORPUS_FILE           the trie-folded alternation, with Python's re
  baselines.py ahocorasick PATTERNS_FILE CORPUS_FILE

pyahocorasick finds fixed strings anywhere, with no word boundaries and no '*': it is given each
pattern's key (up to its first '*'), and every key hit is then checked and extended in Python
with the engine's rule (match_rest in engine/text/term_matcher.cpp), as the engine does after
its own automaton. Prints "unavailable" when pyahocorasick cannot be imported.
"""

import sys
import time
import unicodedata

# ICU's u_isalnum (letters, decimal digits) and the combining marks: the engine's word characters.
WORD_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Mn", "Mc"}


def is_word(c):
    return c.isalnum() if c.isascii() else unicodedata.category(c) in WORD_CATEGORIES


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def count_re(regex_path, text):
    import re

    pattern = re.compile(read(regex_path).rstrip("\n"))
    start = time.perf_counter()
    count = sum(1 for _ in pattern.finditer(text))
    return count, time.perf_counter() - start


def match_end(pattern, i, text, at):
    """Where `pattern`, whose first `i` characters end at `at`, ends as a match; -1 if it does not
    match there (the start's boundary is checked by the caller)."""
    while True:
        if i == len(pattern):
            return -1 if at < len(text) and is_word(text[at]) else at
        if pattern[i] == "*":
            while at < len(text) and is_word(text[at]):
                at += 1
            i += 1
        elif at < len(text) and text[at] == pattern[i]:
            at += 1
            i += 1
        else:
            return -1


def count_ahocorasick(patterns_path, text):
    try:
        import ahocorasick
    except ImportError:
        return None
    by_key = {}
    for pattern in read(patterns_path).splitlines():
        by_key.setdefault(pattern.split("*", 1)[0], []).append(pattern)
    automaton = ahocorasick.Automaton()
    for key, patterns in by_key.items():
        automaton.add_word(key, (len(key), patterns))
    automaton.make_automaton()

    start = time.perf_counter()
    longest = {}  # start of a match -> end of the longest match there
    for last, (length, patterns) in automaton.iter(text):
        begin = last + 1 - length
        if begin > 0 and is_word(text[begin - 1]):
            continue
        for pattern in patterns:
            end = match_end(pattern, length, text, last + 1)
            if end > longest.get(begin, -1):
                longest[begin] = end
    count = 0
    reach = 0
    for begin in sorted(longest):
        if begin >= reach:
            count += 1
            reach = longest[begin]
    return count, time.perf_counter() - start


def main(argv):
    if len(argv) != 4 or argv[1] not in ("re", "ahocorasick"):
        sys.exit(__doc__)
    text = read(argv[3])
    result = (count_re if argv[1] == "re" else count_ahocorasick)(argv[2], text)
    print("unavailable" if result is None else f"{result[0]} {result[1]:.6f}")


if __name__ == "__main__":
    main(sys.argv)
