#!/usr/bin/env python3
"""Builds bench/relations/dev.jsonl and test.jsonl from the drawn sentences and the labels.

Usage: assemble.py SAMPLE.jsonl OWN_CANDIDATES.jsonl LABELS.txt OUT_DIR

SAMPLE.jsonl is sample.py's output (corpus sentences with their text and mentions; kept outside the
repository), OWN_CANDIDATES.jsonl is OwnSentences' output for own-sentences.jsonl (labels inside),
LABELS.txt has one line per pair: `sid | A-B | quad | direction | cue | note` with quad one of VC MC
VK MK N (or X: a state the matcher read wrongly, the pair is left out) and direction a>b, b>a, none
or -. Checks that every pair of every drawn sentence is labelled once, that both states are
mentioned and that the cue is in the sentence; writes one JSON object per pair. Text is written
only for JawharaFM (Apache-2.0) and our own sentences; ANT and Reuters pairs carry the reference
(corpus, doc_id, field, start, end, sha1) that RelationDevSet resolves against ../shared.
"""
import collections
import itertools
import json
import re
import sys

QUADS = {
    "VC": ("cooperation", "verbal_cooperation"),
    "MC": ("cooperation", "material_cooperation"),
    "VK": ("conflict", "verbal_conflict"),
    "MK": ("conflict", "material_conflict"),
    "N": ("neutral", "neutral"),
}
TEXT_ALLOWED = {"jawharafm", "marsad-own"}
SPLIT_OF_PREFIX = {"dar": "dev", "den": "dev", "tar": "test", "ten": "test"}


def fail(msg):
    sys.exit("Cannot assemble the relations sets: " + msg)


def main():
    sample_path, own_path, labels_path, out_dir = sys.argv[1:5]
    sentences = {}
    for line in open(sample_path, encoding="utf-8"):
        r = json.loads(line)
        sentences[r["sid"]] = dict(r, split=SPLIT_OF_PREFIX[r["sid"][:3]])
    labels = collections.defaultdict(dict)
    for n, line in enumerate(open(labels_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        f = [x.strip() for x in line.rstrip("\n").split("|")]
        if len(f) != 6:
            fail("%s line %d: expected 6 fields: %r" % (labels_path, n, line))
        sid, pair, quad, direction, cue, note = f
        if pair in labels[sid]:
            fail("%s line %d: %s %s labelled twice" % (labels_path, n, sid, pair))
        labels[sid][pair] = (quad, direction, cue, note)
    for line in open(own_path, encoding="utf-8"):
        r = json.loads(line)
        sentences[r["sid"]] = r
        for x in r["labels"]:
            labels[r["sid"]]["%s-%s" % (x["a"], x["b"])] = (
                x["quad"], x["direction"], x["cue"], x["note"])
    out = {"dev": [], "test": []}
    left_out = collections.Counter()
    for sid in sorted(labels):
        if sid not in sentences:
            fail("labels for %s, which was not drawn" % sid)
    for sid, r in sentences.items():
        if sid not in labels:
            fail("%s was drawn but has no labels" % sid)
        states = sorted(set(r["states"]))
        pairs = {"%s-%s" % p for p in itertools.combinations(states, 2)}
        if set(labels[sid]) != pairs:
            fail("%s: pairs %s but labels for %s" % (sid, sorted(pairs), sorted(labels[sid])))
        first = {}
        for m in sorted(r["mentions"], key=lambda m: m["s"]):
            first.setdefault(m["iso2"], [m["s"], m["e"]])
        for pair in sorted(pairs):
            quad, direction, cue, note = labels[sid][pair]
            if quad == "X":
                left_out[r["split"]] += 1
                continue
            if quad not in QUADS:
                fail("%s %s: unknown quad %s" % (sid, pair, quad))
            relation, quad_name = QUADS[quad]
            direction = "none" if direction in ("-", "") else direction
            if direction not in ("a>b", "b>a", "none"):
                fail("%s %s: unknown direction %s" % (sid, pair, direction))
            if relation == "neutral" and (direction != "none" or cue):
                fail("%s %s: a neutral pair has no direction or cue" % (sid, pair))
            if relation != "neutral" and not cue:
                fail("%s %s: a %s pair needs its cue" % (sid, pair, relation))
            cue_span = None
            if cue:
                # A space of the label matches any run of whitespace (the wire wraps its lines);
                # the cue is then written as the sentence has it.
                m = re.search(r"\s+".join(re.escape(w) for w in cue.split()), r["text"])
                if m is None:
                    fail("%s %s: cue %r is not in the sentence" % (sid, pair, cue))
                cue = m.group()
                cue_span = [m.start(), m.end()]
            a, b = pair.split("-")
            rec = {
                "id": "%s:%s" % (sid, pair),
                "corpus": r["corpus"],
                "doc_id": r["doc_id"],
                "field": r["field"],
                "start": r["start"],
                "end": r["end"],
                "sha1": r["sha1"],
            }
            if r["corpus"] in TEXT_ALLOWED:
                rec["text"] = r["text"]
            rec.update({
                "lang": r["lang"],
                "source": r["src"],
                "a": a,
                "b": b,
                "a_span": first[a],
                "b_span": first[b],
                "relation": relation,
                "quad": quad_name,
                "direction": direction,
                "cue": cue,
                "cue_span": cue_span,
                "note": note,
            })
            out[r["split"]].append(rec)
    for split, recs in out.items():
        recs.sort(key=lambda x: x["id"])
        with open("%s/%s.jsonl" % (out_dir, split), "w", encoding="utf-8") as f:
            for rec in recs:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
        c = collections.Counter((x["lang"], x["relation"]) for x in recs)
        print(split, len(recs), "pairs;", dict(sorted(c.items())), "; left out:", left_out[split])


if __name__ == "__main__":
    main()
