#!/usr/bin/env python3
"""PLV's who-did-what-to-whom scores with the event-type classifier cross-validated: no sentence is scored by a model
that was trained on it.

Trains K models with `dossier train events --folds K --fold I` (row I modulo K left out), then runs
../shared/tools/plv_args.py, whose command runs `dossier extract --event-model` of fold I on the sentences of fold I
(plv_args.py numbers the rows from 0 as the trainer does) and prints its usual line.

    python3 scripts/plv_crossval.py [--folds 5] [--dossier .build/release/dossier] [--out /tmp/plv-cv]
"""
import argparse, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")


def apply(inputs, models, folds, dossier):
    """Runs each fold's model on its sentences and prints the outputs in input order (plv_args.py's --run)."""
    lines = open(inputs, encoding="utf-8").read().splitlines()
    out = [None] * len(lines)
    for fold in range(folds):
        picked = [i for i, line in enumerate(lines) if int(json.loads(line)["id"]) % folds == fold]
        path = f"{inputs}.fold{fold}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(lines[i] + "\n" for i in picked))
        model = os.path.join(models, f"fold{fold}.devt")
        result = subprocess.run([dossier, "extract", path, "--format", "jsonl", "--event-model", model],
                                capture_output=True, check=True).stdout.decode("utf-8").splitlines()
        for i, line in zip(picked, result):
            out[i] = line
    sys.stdout.write("".join(line + "\n" for line in out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dossier", default=".build/release/dossier")
    ap.add_argument("--out", default="/tmp/plv-cv")
    ap.add_argument("--apply", nargs=2, metavar=("INPUTS", "MODELS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.apply:
        return apply(args.apply[0], args.apply[1], args.folds, args.dossier)
    csv = os.path.join(SHARED, "data", "plv", "plv-train.csv")
    os.makedirs(args.out, exist_ok=True)
    for fold in range(args.folds):
        subprocess.run([args.dossier, "train", "events", csv, "--folds", str(args.folds), "--fold", str(fold),
                        "--out", os.path.join(args.out, f"fold{fold}.devt")], check=True, capture_output=True)
    run = f"python3 {os.path.abspath(__file__)} --folds {args.folds} --dossier {args.dossier} --apply {{}} {args.out}"
    subprocess.run([sys.executable, os.path.join(SHARED, "tools", "plv_args.py"), csv, args.out, "--run", run], check=True)


if __name__ == "__main__":
    main()
