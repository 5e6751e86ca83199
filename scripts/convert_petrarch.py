#!/usr/bin/env python3
"""Convert PETRARCH2's CAMEO verb dictionary into Dossier's event-pattern format.

    python3 scripts/convert_petrarch.py [--dictionary PATH] [--output PATH] [options below]

Reads CAMEO.2.0.txt (PETRARCH2, MIT, Open Event Data Alliance / Caerus Associates;
default /work/shared/data/petrarch/CAMEO.2.0.txt) and writes
Sources/DossierCore/Resources/en/event-patterns-petrarch.txt in the format of
event-patterns.txt: CODE, tab, trigger forms `a|b|c` and the words that must
follow, tab, target slots. Dossier's own event-patterns.txt wins: where it lists a
trigger form, the loader (EventPatterns) adds only this file's patterns of two or more
words after the trigger ("call for sanctions"), and of one where the own file has no
bare pattern for the form ("open fire"), tried before the shorter ones, and none to a
word that governs another act ("cancel", "refuse": event-words.txt).

How PETRARCH's entries become patterns
  - A verb block (`--- NAME [CODE] ---`) lists verbs. Irregular forms come in
    `{...}`; else the regular -s/-ed/-ing forms are generated as PETRARCH2's reader
    does (with the spelling fixed where its rule is plainly wrong: "watches", not
    "watchs"; "studied", not "studyed"; "plays", not "plaies"; "continuing", not
    "continueing").
  - A compound verb `+CALL_OFF` is the trigger "call" with the particle "off".
  - An isolated verb with its own code (`ABORT [160]`) becomes `CODE  forms  ! _`:
    its object is the target (a plain `*` object is `_`).
  - A pattern `- * WORDS (PREP NOUN) ...`: its post-verb words (nouns, `{noun
    phrases}`, `(PREP NOUN)` phrases) become the particles, in order; a closing
    `(PREP)` with no noun is the target slot (`* (TO)` is `! to`). Particles with no
    closing `(PREP)` take their target from a following to/on/against/with phrase.
  - Synsets (`&FOOD`) are expanded into one pattern per member (with the plural
    PETRARCH generates, except for phrases and for `_`-marked members/labels).
  - Codes: `[042:043]` keeps the source's code (042); a 4-digit code that cameo.tsv
    does not know is mapped to its 3-digit parent when cameo.tsv knows that.
  - Every pattern requires its target (`!`): PETRARCH2 writes only dyads (its
    default require_dyad). --no-dyad lifts that.

Where this converter is stricter than PETRARCH2 (each measured: without it dev
events F1 fell from 0.458 to 0.37-0.42, mostly events on verbs such as "according"
or "ruling" coded 060 from their block's code, or a block's pattern on an unrelated
synonym, "describe the deal" 060):
  - an isolated verb codes only with its own [code], not its block's (--block-codes
    restores PETRARCH2's reading);
  - a pattern whose comment names the verb it was written for ("# RUSH") applies to
    that verb only, not to every verb of its block (--whole-block restores it);
  - at most MAX_WORDS fixed words after the verb (--max-words): Dossier's particles
    must follow the verb in order, an article aside, where PETRARCH matches phrase
    heads, so longer patterns rarely match (3 words measured the same as 2, and make
    the table 60% bigger);
  - patterns that use a synset (`- * &WEAPON`) are skipped unless --synsets: expanded,
    they are 85% of the table (17,798 lines against 2,671; "sell" alone took 1,159
    patterns), measured no better on dev, PLV or the PLOVER examples, and made the
    one-core bulk run 20% slower (each occurrence of a trigger tries all its patterns).

Skipped (counted in the header of the output)
  - compound verbs with fixed words before the verb (`WIRE_+TAP`, `RE_+ARREST`):
    Dossier's particles only follow the trigger;
  - patterns with pre-verb words (a subject constraint: `- &MILITARY * ...`);
  - patterns with `$`, `%`, `^` or a bare `+` (source/target markers outside a
    closing `(PREP +)`, which is read as `(PREP)`);
  - patterns with a bare `(PREP)` before other words, or words other than letters;
  - null-coded patterns (`[---]`) and target-only codes (`[:173]`): a null code in
    PETRARCH2 blocks the verb's code, which Dossier's format cannot say;
  - codes cameo.tsv does not know, nor their parent;
  - for the GENERIC verbs below, every pattern without a fixed word after the verb
    (the isolated verb and `* (PREP)` patterns): as bare verbs they would flood
    the output ("said", "made", "went to");
  - optionally (--no-statements) every pattern of root 01 (statements),
    (--verbs-only) all but isolated verbs, (--explicit-only) isolated verbs.
"""

import argparse
import os
import re
import sys
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_DICT = "/work/shared/data/petrarch/CAMEO.2.0.txt"
OUTPUT = os.path.join(ROOT, "Sources/DossierCore/Resources/en/event-patterns-petrarch.txt")
CAMEO_TSV = os.path.join(ROOT, "Sources/DossierCore/Resources/en/cameo.tsv")

# Verbs too generic to state an event by themselves or with only a preposition.
GENERIC = {
    "say", "be", "have", "do", "make", "get", "take", "go", "come", "see", "know",
    "put", "set", "look", "keep", "hold", "turn", "bring", "run", "leave", "use",
    "find", "tell", "show", "add", "continue", "begin", "start", "want", "need",
    "seem", "appear", "become", "remain", "stand", "move", "place", "consider",
    "expect", "think", "believe", "feel", "let", "work", "try", "include", "follow",
    "open", "close", "mean", "note", "report", "state", "write", "speak", "talk",
    "hear", "read", "watch", "meet", "pass", "reach", "raise", "stay", "play",
    "change", "head", "lead", "face", "end", "rise", "fall", "hit", "post", "base",
    "stage", "station", "position", "pose", "deal", "act", "live", "call", "ask",
    "plan", "prepare", "intend", "seek", "return", "enter", "cross", "carry", "pull",
    "push", "cut", "break", "drop", "spread", "join", "form", "build", "create",
    "produce", "develop", "grow", "increase", "reduce", "address", "cover",
}

# Dossier's fixed words must follow the verb in order (an article aside), where PETRARCH matches the heads of the
# object and its phrases: a pattern of more words rarely matches news text and is skipped.
MAX_WORDS = 2

# Target slots for patterns whose fixed words name the object ("rushed aid to X").
DEFAULT_SLOTS = ["to", "on", "against", "with"]


def known_codes():
    codes = set()
    with open(CAMEO_TSV, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            codes.add(line.split("\t")[0])
    return codes


def regular_forms(stem):
    """The -s, -ed and -ing forms of a regular verb (upper case, as in the dictionary)."""
    consonant_y = stem.endswith("Y") and len(stem) > 1 and stem[-2] not in "AEIOU"
    if stem.endswith(("S", "X", "Z", "CH", "SH")):
        s = stem + "ES"
    else:
        s = stem[:-1] + "IES" if consonant_y else stem + "S"
    if stem.endswith("E"):
        ed = stem + "D"
    else:
        ed = stem[:-1] + "IED" if consonant_y else stem + "ED"
    if stem.endswith("IE"):
        ing = stem[:-2] + "YING"
    elif stem.endswith("E") and not stem.endswith(("EE", "OE", "YE")):
        ing = stem[:-1] + "ING"
    else:
        ing = stem + "ING"
    return [stem, s, ed, ing]


def plural(noun):
    if noun.endswith("Y") and len(noun) > 1 and noun[-2] not in "AEIOU":
        return noun[:-1] + "IES"
    if noun.endswith(("S", "X", "CH", "SH")):
        return noun + "ES"
    return noun + "S"


def strip_comment(line):
    for mark in ("#", ";"):
        if mark in line:
            line = line[: line.index(mark)]
    return line.strip()


class Stats(dict):
    def add(self, key, n=1):
        self[key] = self.get(key, 0) + n


def parse(path):
    """Synsets and verb blocks: [(name, code, verbs, patterns)]; verbs are (forms, particles, code)."""
    synsets = {}
    blocks = []
    stats = Stats()
    label = None
    in_patterns = False
    block = None
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    for raw in lines:
        if raw.startswith("####### VERB PATTERNS"):
            in_patterns = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if raw.startswith("#") or not raw.strip():
            continue
        if not in_patterns:
            if raw.startswith("&"):
                label = raw.strip()
                synsets[label] = []
            elif raw.startswith("+") and label:
                term = strip_comment(raw)[1:]
                no_plural = term.endswith("_") or label.endswith("_")
                words = [w for w in term.replace("_", " ").split()]
                if not words:
                    continue
                synsets[label].append(words)
                if not no_plural and len(words) == 1:
                    synsets[label].append([plural(words[0])])
            continue
        if raw.startswith("---"):
            segs = raw.split()
            code = segs[2].strip("[]") if len(segs) > 2 and segs[2].startswith("[") else "---"
            block = {"name": segs[1], "code": code, "verbs": [], "patterns": []}
            blocks.append(block)
            continue
        if block is None:
            continue
        if raw.startswith("-"):
            text, _, comment = raw[1:].partition("#")
            # The comment names the verb the pattern was written for ("# RUSH").
            origin = re.match(r"\s*([A-Z][A-Z_]*)", comment)
            block["patterns"].append((text.strip(), origin.group(1).lower() if origin else None))
            continue
        if raw.startswith("~"):
            continue
        text = strip_comment(raw)
        if not text:
            continue
        code = block["code"]
        own_code = False
        m = re.search(r"\[([^\]]*)\]\s*$", text)
        if m:
            code = m.group(1).strip()
            own_code = True
            text = text[: m.start()].strip()
        irregular = None
        m = re.search(r"\{([^}]*)\}", text)
        if m:
            irregular = m.group(1).split()
            text = text[: m.start()].strip()
        words = text.split()
        if not words:
            continue
        stem = words[0]
        if "_" in stem:
            before, _, after = stem.partition("+")
            if before.strip("_"):
                stats.add("compound verbs with words before the verb (skipped)")
                continue
            parts = after.split("_")
            verb, particles = parts[0], [p for p in parts[1:] if p]
            if irregular is not None:
                forms = [verb] + [w.lstrip("+").split("_")[0] for w in irregular]
            else:
                forms = regular_forms(verb)
        else:
            verb, particles = stem.lstrip("+"), []
            forms = [verb] + (irregular if irregular is not None else regular_forms(verb)[1:])
            if irregular is not None and len(words) > 1:
                forms += words[1:]
        forms = list(OrderedDict.fromkeys(f.lower() for f in forms if re.fullmatch(r"[A-Z][A-Z'-]*", f)))
        block["verbs"].append({"lemma": verb.lower(), "forms": forms, "particles": [p.lower() for p in particles], "code": code,
                               "own_code": own_code})
        stats.add("verbs read")
    return synsets, blocks, stats


def expand_synsets(pattern, synsets):
    """One pattern per synset member, as PETRARCH2's resolve_synset does."""
    m = re.search(r"&[A-Z0-9_]+", pattern)
    if not m:
        return [pattern]
    name = m.group(0)
    if name not in synsets:
        return []
    out = []
    for words in synsets[name]:
        member = words[0] if len(words) == 1 else "{" + " ".join(words) + "}"
        # A phrase inside braces loses its own braces.
        replaced = pattern[: m.start()] + member + pattern[m.end():]
        replaced = re.sub(r"\{([^{}]*)\{([^{}]*)\}([^{}]*)\}", r"{\1\2\3}", replaced)
        out += expand_synsets(replaced, synsets)
    return out


def convert_pattern(text, stats):
    """(particles, slots, closing, code) of one PETRARCH pattern, or None when it cannot be expressed; closing tells
    that the slot is the pattern's closing `(PREP)`, which it needs."""
    m = re.search(r"\[([^\]]*)\]\s*$", text)
    if not m:
        stats.add("patterns without a code (skipped)")
        return None
    code = m.group(1).strip()
    body = text[: m.start()].strip()
    if "*" not in body:
        stats.add("patterns without a verb marker (skipped)")
        return None
    pre, _, post = body.partition("*")
    if pre.strip():
        stats.add("patterns with words before the verb (skipped)")
        return None
    post = re.sub(r"\(\s*([A-Z]+)\s+\+\s*\)\s*$", r"(\1)", post.strip())
    if re.search(r"[$%^+]", post):
        stats.add("patterns with $ + % ^ markers (skipped)")
        return None
    tokens = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", post)
    particles = []
    slots = None
    for i, token in enumerate(tokens):
        if token.startswith("("):
            words = token[1:-1].replace("{", " ").replace("}", " ").split()
            if not words:
                return None
            if len(words) == 1 and i == len(tokens) - 1:
                slots = [words[0].lower()]
            elif len(words) == 1:
                stats.add("patterns with a bare preposition before other words (skipped)")
                return None
            else:
                particles += words
        elif token.startswith("{"):
            particles += token[1:-1].replace("_", " ").split()
        else:
            particles += token.replace("_", " ").split()
    if any(not re.fullmatch(r"[A-Z][A-Z'-]*", w) for w in particles):
        stats.add("patterns with odd words (skipped)")
        return None
    particles = [w.lower() for w in particles]
    if slots is not None:
        return particles, slots, True, code
    return particles, DEFAULT_SLOTS if particles else ["_"], False, code


def resolve_code(code, known, stats):
    if code.startswith(":") or code in ("---", ""):
        stats.add("null or target-only codes (skipped)")
        return None
    code = code.split(":")[0]
    if not re.fullmatch(r"\d{2,4}", code):
        stats.add("malformed codes (skipped)")
        return None
    if code in known:
        return code
    if len(code) == 4 and code[:3] in known:
        stats.add("4-digit codes mapped to their 3-digit parent")
        return code[:3]
    stats.add("codes cameo.tsv does not know (skipped)")
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dictionary", default=DEFAULT_DICT)
    parser.add_argument("--output", default=OUTPUT)
    parser.add_argument(
        "--synsets", action="store_true",
        help="expand the patterns that use a synset (&WEAPON); by default they are skipped (see the notes above)")
    parser.add_argument("--no-statements", action="store_true", help="drop root 01 (public statements)")
    parser.add_argument("--verbs-only", action="store_true", help="keep only the isolated verbs' own codes")
    parser.add_argument("--max-words", type=int, default=MAX_WORDS, help="most fixed words after the verb")
    parser.add_argument(
        "--no-dyad", action="store_true",
        help="code without a target; by default every pattern requires one (`!`), as PETRARCH2's require_dyad does")
    parser.add_argument(
        "--block-codes", action="store_true",
        help="an isolated verb codes with its block's code too (PETRARCH2's reading); by default only with its own [code]")
    parser.add_argument(
        "--whole-block", action="store_true",
        help="every pattern applies to all the verbs of its block (PETRARCH2's reading); by default a pattern whose "
        "comment names the verb it was written for applies to that verb only")
    parser.add_argument("--explicit-only", action="store_true", help="keep only patterns with fixed words or a preposition")
    parser.add_argument(
        "--fixed-words-only", action="store_true",
        help="keep only patterns with fixed words after the verb: a bare verb ('help', 'vote', 'decide', 'fail') codes "
        "most of the sentences it appears in, events or not")
    args = parser.parse_args()

    known = known_codes()
    synsets, blocks, stats = parse(args.dictionary)
    # (tier, particles, slots, required) → code, forms; tier orders a form's patterns: the longest fixed words first,
    # then the preposition-only ones, then the isolated verb.
    lines = OrderedDict()
    for block in blocks:
        pats = []
        lemmas = {v["lemma"] for v in block["verbs"]}
        for text, origin in block["patterns"]:
            if "&" in text and not args.synsets:
                stats.add("patterns with a synset (skipped without --synsets)")
                continue
            for expanded in expand_synsets(text, synsets):
                stats.add("patterns read (after synset expansion)")
                converted = convert_pattern(expanded, stats)
                if converted is None:
                    continue
                particles, slots, closing, code = converted
                required = closing or not args.no_dyad
                code = resolve_code(code, known, stats)
                if code is None:
                    continue
                pats.append((particles, slots, required, code, origin if origin in lemmas else None))
        for verb in block["verbs"]:
            generic = verb["lemma"] in GENERIC
            entries = [] if args.verbs_only else [p[:4] for p in pats if args.whole_block or not p[4] or p[4] == verb["lemma"]]
            if not args.verbs_only:
                stats.add("verb-pattern pairs written for another verb of the block (skipped without --whole-block)",
                          len(pats) - len(entries))
            if args.explicit_only:
                entries = [p for p in entries if p[0] or p[2]]
            code = resolve_code(verb["code"], known, stats) if verb["code"] not in ("---", "") else None
            if not args.block_codes and not verb["own_code"]:
                if code is not None:
                    stats.add("verbs coded only by their block (skipped without --block-codes)")
                code = None
            if code is not None and not args.explicit_only:
                entries.append(([], ["_"], not args.no_dyad, code))
            for particles, slots, required, pcode in entries:
                if args.no_statements and pcode.startswith("01"):
                    stats.add("statement patterns (--no-statements, skipped)")
                    continue
                if generic and not particles and not verb["particles"]:
                    stats.add("generic verbs without fixed words (skipped)")
                    continue
                words = verb["particles"] + particles
                if args.fixed_words_only and not words:
                    stats.add("patterns without fixed words (skipped with --fixed-words-only)")
                    continue
                if len(words) > args.max_words:
                    stats.add("patterns of more than %d fixed words (skipped)" % args.max_words)
                    continue
                tier = (0, -len(words)) if words else ((1, 0) if required else (2, 0))
                key = (tier, tuple(words), tuple(slots), required)
                entry = lines.setdefault(key, {"forms": OrderedDict(), "codes": OrderedDict()})
                for form in verb["forms"]:
                    # A later pattern on the same words overwrites an earlier one, as in PETRARCH2.
                    entry["forms"][form] = pcode
    # One line per (code, words, slots) with the forms that carry it.
    out = OrderedDict()
    for (tier, words, slots, required), entry in lines.items():
        by_code = OrderedDict()
        for form, code in entry["forms"].items():
            by_code.setdefault(code, []).append(form)
        for code, forms in by_code.items():
            out[(tier, code, words, slots, required)] = forms
    rows = sorted(out.items(), key=lambda kv: kv[0][0])
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("# Event patterns converted from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt).\n")
        f.write("# Generated by scripts/convert_petrarch.py; do not edit by hand. Format: see event-patterns.txt.\n")
        f.write("# Source: PETRARCH2 (github.com/openeventdata/petrarch2, commit 676801c), MIT License,\n")
        f.write("# Copyright (c) 2014-2015 Open Event Data Alliance; Philip A. Schrodt (Parus Analytics), Clayton Norris\n")
        f.write("# (Caerus Associates). The dictionary derives from the TABARI CAMEO verb dictionaries (NSF-funded).\n")
        f.write("# Dossier's own event-patterns.txt wins: a form it lists takes only this file's patterns of two or more\n")
        f.write("# words after the trigger, or of one where it has no bare pattern for the form, tried first (none for\n")
        f.write("# words that govern another act: event-words.txt).\n")
        options = [o for o in ("no_statements", "verbs_only", "explicit_only", "fixed_words_only", "no_dyad", "block_codes", "whole_block", "synsets") if getattr(args, o)]
        options.append("max_words=%d" % args.max_words)
        f.write("# Options: %s\n" % ", ".join(options))
        for key in sorted(stats):
            f.write("# %s: %d\n" % (key, stats[key]))
        f.write("# patterns written: %d\n\n" % len(rows))
        for (tier, code, words, slots, required), forms in rows:
            trigger = "|".join(forms) + ("" if not words else " " + " ".join(words))
            target = ("! " if required else "") + " ".join(slots)
            f.write("%s\t%s\t%s\n" % (code, trigger, target))
    for key in sorted(stats):
        print("%s: %d" % (key, stats[key]), file=sys.stderr)
    print("patterns written: %d" % len(rows), file=sys.stderr)


if __name__ == "__main__":
    main()
