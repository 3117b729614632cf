#!/usr/bin/env python3
"""Label consistency: Cohen's kappa between the sets' labels and a blind re-labelling.

Usage: agreement.py BLIND.txt DEV.jsonl TEST.jsonl
BLIND.txt has one line per re-labelled pair: `<id> <quad code> <direction>` with the quad code one
of VC MC VK MK N and direction a>b, b>a, none or - (neutral). Prints kappa for the relation (3
classes) and the quad (5 classes), raw agreement, direction agreement on the pairs whose class
agrees and is not neutral, and the disagreements.
"""
import collections
import json
import sys

CODE = {"VC": "verbal_cooperation", "MC": "material_cooperation", "VK": "verbal_conflict",
        "MK": "material_conflict", "N": "neutral"}
REL = {"verbal_cooperation": "cooperation", "material_cooperation": "cooperation",
       "verbal_conflict": "conflict", "material_conflict": "conflict", "neutral": "neutral"}


def kappa(pairs):
    n = len(pairs)
    po = sum(1 for x, y in pairs if x == y) / n
    ca = collections.Counter(x for x, _ in pairs)
    cb = collections.Counter(y for _, y in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return po, (po - pe) / (1 - pe)


def main():
    blind_path, *sets = sys.argv[1:]
    first = {}
    for path in sets:
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            first[r["id"]] = (r["quad"], r["direction"])
    quads, rels, dirs, diffs = [], [], [], []
    for line in open(blind_path, encoding="utf-8"):
        if not line.strip():
            continue
        pid, code, direction = line.split()
        q2, d2 = CODE[code], ("none" if direction == "-" else direction)
        q1, d1 = first[pid]
        quads.append((q1, q2))
        rels.append((REL[q1], REL[q2]))
        if REL[q1] == REL[q2] != "neutral":
            dirs.append(d1 == d2)
        if q1 != q2 or d1 != d2:
            diffs.append("%s first=%s/%s blind=%s/%s" % (pid, q1, d1, q2, d2))
    po, k = kappa(rels)
    print("pairs %d" % len(rels))
    print("relation (3 classes): agreement %.3f kappa %.3f" % (po, k))
    po, k = kappa(quads)
    print("quad (5 classes): agreement %.3f kappa %.3f" % (po, k))
    print("direction agreement on %d pairs with the same non-neutral relation: %.3f"
          % (len(dirs), sum(dirs) / len(dirs)))
    for d in diffs:
        print("  " + d)


if __name__ == "__main__":
    main()
