#!/usr/bin/env python3
"""Draws the sentences of the relations sets from the candidates of CandidateExtractor.

Usage: sample.py CANDIDATES.jsonl OUT_DIR [--seed 20261201]

Writes OUT_DIR/sample.jsonl (one chosen sentence a line, with its split and sentence id) and one
OUT_DIR/show-<split>.txt per split to read while labelling (mentions marked). Both hold corpus text:
keep OUT_DIR outside the repository.

How: sentences of 2 to 4 distinct states and at most 400 characters, deduplicated by SHA-1 (a
sentence reprinted by two outlets is drawn once, and a test sentence never repeats a dev one). The
splits are by outlet (Arabic) and date (English):
  dev-ar:  ANT skynews, alarabia, BBC and JawharaFM;   test-ar: ANT france24 and CNN
  dev-en:  Reuters up to 20 March 1987;                test-en: Reuters from 23 March 1987
Each sentence falls into one bucket by broad cue words (conflict, cooperation, both, sport, none):
the buckets only steer the draw towards the rarer classes; every pair is labelled by the guide.
Within a split the draw goes round the outlets and, per outlet, round the buckets with weights
(conflict 7, cooperation 7, both 2, none 3, sport 1), at random within a bucket (fixed seed), until
the split's pair target is reached; a sentence is skipped when one of its state pairs would pass
5% of the target.

Later rounds (--extra split:bucket:pairs,... --taken OUT_DIR/sample.jsonl) draw more sentences from
the named buckets only, to bring the rarer classes up; --max-states 2 keeps them to sentences of two
states and --cap-base sets the set sizes that the 5% cap is taken of. Rounds used for the sets:
  1: sample.py candidates.jsonl OUT
  2: sample.py candidates.jsonl OUT --taken OUT/sample.jsonl --max-states 2 \
       --cap-base dev-ar:480,test-ar:250,dev-en:210,test-en:130 \
       --extra dev-ar:conflict:60,dev-ar:cooperation:60,test-ar:conflict:45,test-ar:cooperation:35,\
dev-en:conflict:45,dev-en:cooperation:45,test-en:conflict:30,test-en:cooperation:30
  3: sample.py candidates.jsonl OUT --taken OUT/sample.jsonl --max-states 2 --strict-en \
       --cap-base dev-ar:530,test-ar:250,dev-en:270,test-en:170 \
       --extra dev-ar:conflict:25,dev-ar:cooperation:25,dev-en:conflict:30,dev-en:cooperation:30,\
test-en:conflict:20,test-en:cooperation:20
  4: sample.py candidates.jsonl OUT --taken OUT/sample.jsonl --max-states 2 --strict-en \
       --cap-base dev-ar:530,test-ar:250,dev-en:320,test-en:220 \
       --extra dev-en:conflict:20,dev-en:cooperation:20,test-en:conflict:20,test-en:cooperation:20
"""
import argparse
import collections
import json
import random
import re
import sys

AR_CONFLICT = re.compile(
    r"هجوم|هجمات|قصف|غار[ةا]|عقوب|أدان|ادان|تدين|يدين|إدان|ادان|اتهم|اتهام|تتهم|يتهم|هدد|تهديد|حرب|"
    r"صاروخ|صواريخ|طرد|احتجاز|اعتقال|انتقد|انتقاد|رفض|توتر|أزمة|ازمة|اعتداء|ضرب|مقاطعة|حصار|تصعيد|"
    r"احتلال|عدوان|اشتباك|استدعا|تحذير|حذر|خلاف|نزاع|مواجهة|قتل|تدخل|انتهاك")
AR_COOP = re.compile(
    r"اتفاق|تعاون|زيارة|زار|التقى|لقاء|استقبل|بحث|مباحثات|محادثات|مفاوضات|مساعد|دعم|شراك|اتصال|قمة|"
    r"تضامن|وقع|توقيع|هنأ|تهنئة|علاقات|صفقة|مناورات|شكر|ترحيب|رحب|تعزيز|قرض|منحة|هبة|استثمار|تعزية|"
    r"وساطة|مصالحة")
AR_SPORT = re.compile(r"منتخب|مباراة|كأس|المونديال|مونديال|بطولة|لاعب|الدوري|ملعب")
EN_CONFLICT = re.compile(
    r"(?i)attack|strike|sanction|condemn|accus|threat|\bwar\b|missile|expel|seiz|retaliat|tariff|"
    r"dispute|protest|critici|reject|\bban|boycott|clash|tension|dumping|barrier|warn|penal|"
    r"quota|friction|unfair|blame|invasion|shell")
EN_COOP = re.compile(
    r"(?i)agree|accord|\bpact|\bdeal|talks|\bmet\b|meet|visit|\baid\b|loan|credit|support|cooperat|"
    r"joint|\bsign|help|welcome|\bties|negotiat|grant|assist|pledge|\bsell|purchase|consult")
EN_SPORT = re.compile(r"(?i)\bmatch|tournament|\bcup\b|championship")
# --strict-en: a narrower English pre-selection for later rounds (Reuters is mostly markets).
EN_STRICT_CONFLICT = re.compile(
    r"(?i)accus|sanction|retaliat|protest|warn|threat|attack|dispute|reject|critici|condemn|"
    r"\bwar\b|clash|expel|boycott|blame|\bban(s|ned)?\b|pressure|tension|row\b")
EN_STRICT_COOP = re.compile(
    r"(?i)agree|talks|visit|\baid\b|\bloan|\bsign|\bpact|accord|urge|support|cooperat|"
    r"\bmet\b|meet|credit|grant|assist|pledge|ties\b|relations")
EN_FINANCE = re.compile(
    r"(?i)\bbanks?\b|dlrs|\bpct\b|\bstake|shares|\bbond|franc|\byen\b|dollar|currenc|"
    r"\bcorp\b|\binc\b|\bltd\b|company|\bfirm|market|prices?\b")

SPLITS = {
    "dev-ar": {"prefix": "dar", "target": 360},
    "test-ar": {"prefix": "tar", "target": 170},
    "dev-en": {"prefix": "den", "target": 125},
    "test-en": {"prefix": "ten", "target": 70},
}
WEIGHTS = {"conflict": 7, "cooperation": 7, "both": 2, "none": 3, "sport": 1}
MONTHS = {"FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6}


def split_of(r):
    if r["corpus"] == "jawharafm":
        return "dev-ar"
    if r["corpus"] == "ant":
        return "dev-ar" if r["src"] in ("skynews", "alarabia", "BBC") else "test-ar"
    day, mon = r["date"].split("-")[:2]
    key = (MONTHS.get(mon, 9), int(day))
    if key <= (3, 20):
        return "dev-en"
    if key >= (3, 23):
        return "test-en"
    return None


STRICT_EN = False


def bucket(r):
    t = r["text"]
    if r["lang"] == "en" and STRICT_EN:
        if EN_SPORT.search(t):
            return "sport"
        if EN_FINANCE.search(t):
            return "none"
        k, c = EN_STRICT_CONFLICT.search(t), EN_STRICT_COOP.search(t)
        return "both" if k and c else "conflict" if k else "cooperation" if c else "none"
    if r["lang"] == "ar":
        k, c, s = AR_CONFLICT.search(t), AR_COOP.search(t), AR_SPORT.search(t)
    else:
        k, c, s = EN_CONFLICT.search(t), EN_COOP.search(t), EN_SPORT.search(t)
    if s:
        return "sport"
    if k and c:
        return "both"
    return "conflict" if k else "cooperation" if c else "none"


def pairs(states):
    return [(a, b) for i, a in enumerate(states) for b in states[i + 1:]]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("candidates")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--extra", default="", help="split:bucket:pairs,... a further round")
    ap.add_argument("--taken", default="", help="sample.jsonl of earlier rounds")
    ap.add_argument("--max-states", type=int, default=4, help="states a drawn sentence may name")
    ap.add_argument("--cap-base", default="", help="split:pairs,... the set sizes the 5%% cap is of")
    ap.add_argument("--strict-en", action="store_true", help="the narrower English buckets")
    args = ap.parse_args()
    global STRICT_EN
    STRICT_EN = args.strict_en
    rnd = random.Random(args.seed)
    rows = [json.loads(line) for line in open(args.candidates, encoding="utf-8")]
    rows.sort(key=lambda r: (r["corpus"], r["doc_id"], r["field"], r["start"]))
    by = collections.defaultdict(lambda: collections.defaultdict(lambda: collections.defaultdict(list)))
    seen = set()
    for r in rows:
        sp = split_of(r)
        if sp is None or not (2 <= len(r["states"]) <= 4) or len(r["text"]) > 400:
            continue
        if r["sha1"] in seen:
            continue
        seen.add(r["sha1"])
        by[sp][r["src"]][bucket(r)].append(r)
    for sp in by:
        for src in by[sp]:
            for b in by[sp][src]:
                rnd.shuffle(by[sp][src][b])
    taken = []
    if args.taken:
        taken = [json.loads(line) for line in open(args.taken, encoding="utf-8")]
    taken_sha = {t["sha1"] for t in taken}
    out = list(taken)
    plan = {sp: (None, c["target"]) for sp, c in SPLITS.items()}
    if args.extra:
        plan = {}
        for item in args.extra.split(","):
            sp, b, n = item.split(":")
            plan.setdefault(sp, ([], 0))
            plan[sp] = (plan[sp][0] + [b], plan[sp][1] + int(n))
    cap_base = {sp: c["target"] for sp, c in SPLITS.items()}
    for item in filter(None, args.cap_base.split(",")):
        sp, n = item.split(":")
        cap_base[sp] = int(n)
    for sp, (only, target) in plan.items():
        cfg = SPLITS[sp]
        cap = max(2, round(0.05 * cap_base[sp]))
        pair_n = collections.Counter()
        n_taken = 0
        for t in taken:
            if t["split"] == sp:
                for p in pairs(t["states"]):
                    pair_n[p] += 1
        idx = sum(1 for t in taken if t["split"] == sp)
        srcs = sorted(by[sp])
        bag = [b for b, w in WEIGHTS.items() for _ in range(w) if only is None or b in only]
        got = 0
        stalled = 0
        turn = 0
        while got < target and stalled < 200:
            src = srcs[turn % len(srcs)]
            b = bag[(turn // len(srcs)) % len(bag)]
            turn += 1
            pool = by[sp][src][b]
            pick = None
            while pool:
                r = pool.pop()
                ps = pairs(r["states"])
                if len(r["states"]) > args.max_states:
                    continue
                if r["sha1"] in taken_sha or any(pair_n[p] + 1 > cap for p in ps):
                    continue
                pick = r
                break
            if pick is None:
                stalled += 1
                continue
            stalled = 0
            idx += 1
            pick = dict(pick, split=sp, bucket=b, sid="%s-%03d" % (cfg["prefix"], idx))
            taken_sha.add(pick["sha1"])
            for p in pairs(pick["states"]):
                pair_n[p] += 1
            got += len(pairs(pick["states"]))
            out.append(pick)
        print("sampled", sp, "pairs", got, "of", target, file=sys.stderr)
    with open(args.out + "/sample.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for sp in SPLITS:
        with open(args.out + "/show-%s.txt" % sp, "w", encoding="utf-8") as f:
            for r in out:
                if r["split"] != sp:
                    continue
                t = r["text"]
                marks = sorted(r["mentions"], key=lambda m: -m["s"])
                for m in marks:
                    t = t[: m["s"]] + "[" + t[m["s"]: m["e"]] + "|" + m["iso2"] + "]" + t[m["e"]:]
                t = re.sub(r"\s+", " ", t)
                f.write("%s %s %s | %s\n  %s\n" % (r["sid"], r["src"], r["bucket"],
                                                   " ".join("-".join(p) for p in pairs(r["states"])), t))


if __name__ == "__main__":
    main()
