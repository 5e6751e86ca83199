#!/usr/bin/env python3
"""Universal Dependencies CoNLL-U to CoNLL-2003 columns (WORD POS O O), for training the part-of-speech tagger on
treebank text beside CoNLL-2003's news: the XPOS column (Penn Treebank tags) in CoNLL-2003's spelling.

Usage: ud_to_conll.py IN.conllu [IN.conllu ...] --skip GUM_whow_,GUM_fiction_ > OUT.txt
Documents whose id starts with a --skip prefix are left out (GUM's non-commercial genres). Multi-word token lines and
empty nodes are skipped; the chunk and name columns are O (the tagger trainer trains no chunker on such sentences)."""
import sys

# Tags of the UD treebanks that CoNLL-2003's tag set spells otherwise or lacks.
TAGS = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "HYPH": ":", "NFP": ":", "ADD": "NN", "GW": "FW",
        "AFX": "JJ", "XX": "FW"}


def main():
    args = sys.argv[1:]
    skip = []
    if "--skip" in args:
        i = args.index("--skip")
        skip = [p for p in args[i + 1].split(",") if p]
        del args[i:i + 2]
    for path in args:
        keep = True
        words = []
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("# newdoc id = "):
                keep = not any(line[len("# newdoc id = "):].startswith(p) for p in skip)
            if not line.strip():
                if words and keep:
                    print("\n".join(words) + "\n")
                words = []
                continue
            if line.startswith("#"):
                continue
            f = line.split("\t")
            if not f[0].isdigit():
                continue
            words.append(f"{f[1].replace(' ', '_')} {TAGS.get(f[4], f[4])} O O")


if __name__ == "__main__":
    main()
