#!/usr/bin/env python3
"""Whether `dossier extract` stays linear on inputs no real report holds: each kind of generated input is doubled four
times (16 times the first size at the end) and the run's CPU time and peak memory are printed with their growth.
Fails (exit 1) when a doubling more than triples the time of a run longer than half a second.

Kinds: prose (news text as one endless line), quotes (quotation marks), names (one country named again and again),
runon (one sentence that never ends, of actors acting on actors: "Russia attacked Ukraine and China met Japan and ..."),
speech (one sentence that never ends, of reports: "Putin said ... and Biden said ..., adding that ..."),
nesting (HTML nested deeper and deeper), html (a page of many paragraphs).

    python3 scripts/scaling.py [--dossier .build/release/dossier] [--base 65536] [--kinds prose,quotes]
    python3 scripts/scaling.py --peak 10:1000    # one 10 MB text, its peak memory under 1,000 MB
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
NEWS = os.path.join(HERE, "..", "..", "shared", "data", "news", "bulk-30mb.jsonl")
FALLBACK = ("Russian Defence Minister Sergei Shoigu met Kim Jong Un in Pyongyang on Wednesday, KCNA said. "
            "\"We will stand together,\" Kim told him, according to the agency. ")


def prose(size):
    text = []
    total = 0
    if os.path.exists(NEWS):
        with open(NEWS, encoding="utf-8") as f:
            for line in f:
                part = json.loads(line)["text"].replace("\n", " ")
                text.append(part)
                total += len(part)
                if total >= size:
                    break
    while total < size:
        text.append(FALLBACK)
        total += len(FALLBACK)
    return " ".join(text)[:size], ".txt"


def generate(kind, size):
    if kind == "prose":
        return prose(size)
    if kind == "quotes":
        return '"' * size, ".txt"
    if kind == "names":
        return ("NORTH KOREA " * (size // 12 + 1))[:size], ".txt"
    if kind == "runon":
        actors = ["Russia", "Ukraine", "China", "Japan", "Kim Jong Un", "Sergei Shoigu", "NATO", "Iran", "Israel"]
        verbs = ["attacked", "met", "accused", "praised", "visited", "threatened", "denied"]
        clauses = [f"{actors[i % 9]} {verbs[i % 7]} {actors[(i * 5 + 3) % 9]} and" for i in range(63)]
        return (" ".join(clauses) + " ") * (size // (len(" ".join(clauses)) + 1) + 1), ".txt"
    if kind == "speech":
        clause = "Vladimir Putin said the talks failed and Joe Biden said the deal was over, adding that "
        return (clause * (size // len(clause) + 1))[:size], ".txt"
    if kind == "nesting":
        depth = size // 11
        return "<html><body>" + "<div><p>x " * depth + "</p></div>" * depth + "</body></html>", ".html"
    if kind == "html":
        paragraph = "<p>" + FALLBACK + "</p>\n"
        return "<html><head><title>T</title></head><body><article>" + paragraph * (size // len(paragraph) + 1) \
            + "</article></body></html>", ".html"
    raise SystemExit(f"unknown kind {kind}")


def run(dossier, path, *options):
    """Extracts one file: its exit status, CPU seconds and peak memory in MB; a failure's message goes to stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", dossier, "extract", path, "--format", "json", *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = err.decode().strip().splitlines()
    if proc.returncode != 0:
        sys.stderr.write("\n".join(lines[:-1][-5:]) + "\n")
    return proc.returncode, cpu, int(lines[-1]) // 1024


def peak_check(dossier, megabytes, limit):
    """One prose text of `megabytes` MB: exits 1 when the run fails or its peak memory passes `limit` MB."""
    with tempfile.TemporaryDirectory() as tmp:
        text, extension = prose(megabytes << 20)
        path = os.path.join(tmp, "prose" + extension)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        # Memory is measured here, not time: no budget (on a loaded machine a 10 MB text may pass the default 30 s).
        code, cpu, peak = run(dossier, path, "--doc-timeout", "0")
    print(f"prose {megabytes} MB: exit {code}, {cpu:.1f} s of CPU, peak {peak} MB (limit {limit} MB)")
    if code != 0 or peak > limit:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dossier", default=".build/release/dossier")
    ap.add_argument("--base", type=int, default=1 << 16)
    ap.add_argument("--kinds", default="prose,quotes,names,runon,speech,nesting,html")
    ap.add_argument("--peak", metavar="MB:LIMIT", help="instead: one prose text of MB megabytes, failing when the peak "
                    "memory passes LIMIT megabytes (issue 14: 10:1000)")
    args = ap.parse_args()
    if args.peak:
        return peak_check(args.dossier, *map(int, args.peak.split(":")))
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.kinds.split(","):
            previous = None
            for step in range(5):
                size = args.base << step
                text, extension = generate(kind, size)
                path = os.path.join(tmp, kind + extension)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                code, cpu, peak = run(args.dossier, path)
                growth = f"x{cpu / previous:.2f}" if previous and previous > 0.05 else ""
                print(f"{kind:8s} {size:>9,d} bytes  exit {code}  {cpu:6.2f} s  {peak:5d} MB  {growth}")
                if code != 0:
                    failed.append(f"{kind} at {size} bytes: exit {code}")
                if previous and previous > 0.5 and cpu > 3 * previous:
                    failed.append(f"{kind} at {size} bytes: {cpu:.2f} s after {previous:.2f} s")
                previous = cpu
    if failed:
        print("not linear: " + "; ".join(failed))
        sys.exit(1)
    print("every kind grew at most threefold a doubling")


if __name__ == "__main__":
    main()
