"""Lint recall and false-alarm rate per finding code on the shared corpus (lint-dev.jsonl).

    .venv/bin/python scripts/eval_lint.py [--cases]

Recall = drafts labelled with a code on which lint() raises that code; false alarms = drafts not
labelled with a code on which it raises it anyway; `clean with any finding` counts the drafts
labelled clean that get any finding at all. ~30% of the drafts (stable hash of the id) are held
out; --cases prints the misses of the dev part only.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_orders import held_out, read  # noqa: E402

from tousu.advice import lint  # noqa: E402
from tousu.models.advice import FindingCode  # noqa: E402

CODES: tuple[str, ...] = FindingCode.__args__  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", action="store_true", help="print the dev part's misses")
    args = parser.parse_args()
    drafts = read("lint-dev.jsonl")
    stats = {part: Counter() for part in ("dev", "held_out")}
    for draft in drafts:
        part = "held_out" if held_out(draft["id"]) else "dev"
        want = set(draft["expect"]["flags"])
        got = {f.code for f in lint(draft["text"])}
        count = stats[part]
        count["drafts"] += 1
        if not want:
            count["clean"] += 1
            count["clean_flagged"] += bool(got)
        for code in CODES:
            if code in want:
                count[f"{code}.pos"] += 1
                count[f"{code}.hit"] += code in got
            else:
                count[f"{code}.neg"] += 1
                count[f"{code}.false"] += code in got
        if args.cases and part == "dev" and want != got:
            print(f"  {draft['id']} want {sorted(want)} got {sorted(got)}: {draft['text'][:70]}")
    print(f"{'code':22} {'recall dev':>14} {'recall held':>14} {'false dev':>12} {'false held':>12}")
    for code in CODES:
        cells = []
        for key, total in (("hit", "pos"), ("false", "neg")):
            for part in ("dev", "held_out"):
                hit, n = stats[part][f"{code}.{key}"], stats[part][f"{code}.{total}"]
                cells.append(f"{hit}/{n} {100 * hit / n:3.0f}%" if n else "-")
        print(f"{code:22} {cells[0]:>14} {cells[1]:>14} {cells[2]:>12} {cells[3]:>12}")
    for part in ("dev", "held_out"):
        c = stats[part]
        print(f"{part}: clean drafts with any finding {c['clean_flagged']}/{c['clean']}")


if __name__ == "__main__":
    main()
