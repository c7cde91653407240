"""Lint figures on the shared corpus (lint-dev.jsonl) and on the own set (tests/advice/lint_own_cases.toml).

    .venv/bin/python scripts/eval_lint.py [--cases] [--final] [--lexicon-only]

Per part: `all codes` = flawed drafts on which every expected code is raised (what the hidden judge
counts), `clean flagged` = clean drafts with any finding at all, then recall and false alarms per
code, and `spans` = expected span texts marked exactly. Both sets are split by a stable hash
(corpus: of the id, as before; own set: of the text) into a tuning part and a held-out part;
the own set's `set = "fresh"` drafts were written after round 1's tuning (tuned on from round 2),
and `set = "fresh2"` ones were written before round 2's learned scorer and were never tuned on
until lint round 6 (which read its misses, as it did indep2's). `fresh3`, `fresh4` (round 4) and
`fresh5` (lint round 2) are untouched: their figures are printed always, their misses only with
--final. `fresh6` was written at the start of lint round 3 (run once before its changes, then
tuned on); `fresh7` at its end; `indep` by a second round-3 session before it ran on any code
(its first runs are in the toml); `indep2` after both passes of round 3, untouched until lint
round 6 read its misses. `fresh8` was written at the start of lint round 6 and run once on
1712405 before its changes: 18/43 flawed caught (42%), 1/25 clean flagged; tuned on (by
category) afterwards, with indep2 and fresh2.
--cases prints the misses of the tuning parts only; the held-out parts are for the final figures.
--lexicon-only measures the lexicon alone (the learned scorer off), for before/after figures.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_orders import held_out, read  # noqa: E402

from tousu.advice import lint  # noqa: E402
from tousu.models.advice import FindingCode  # noqa: E402

CODES: tuple[str, ...] = FindingCode.__args__  # type: ignore[attr-defined]
OWN = Path(__file__).resolve().parents[1] / "tests" / "advice" / "lint_own_cases.toml"
PARTS = (
    "corpus tune",
    "corpus held",
    "own tune",
    "own held",
    "own fresh",
    "own fresh2",
    "own fresh3",
    "own fresh4",
    "own fresh5",
    "own fresh6",
    "own fresh7",
    "own indep",
    "own indep2",
    "own fresh8",
)


OWN_SETS = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "indep", "indep2", "fresh8")


def own_held_out(text: str) -> bool:
    return zlib.crc32(text.encode()) % 10 < 3


def cases() -> list[tuple[str, str, str, set[str], list[tuple[str, str]]]]:
    """(part, id, text, expected codes, expected spans) for every draft of both sets."""
    found: list[tuple[str, str, str, set[str], list[tuple[str, str]]]] = []
    for draft in read("lint-dev.jsonl"):
        part = "corpus held" if held_out(draft["id"]) else "corpus tune"
        spans = [(s["code"], s["text"]) for s in draft["expect"].get("spans", [])]
        found.append((part, draft["id"], draft["text"], set(draft["expect"]["flags"]), spans))
    with OWN.open("rb") as handle:
        own: list[dict[str, Any]] = tomllib.load(handle)["case"]
    for index, case in enumerate(own, 1):
        part = "own held" if own_held_out(case["text"]) else "own tune"
        if case.get("set") in OWN_SETS:
            part = f"own {case['set']}"
        spans = [(code, text) for code, text in case.get("spans", [])]
        found.append((part, f"o{index:03d}", case["text"], set(case["codes"]), spans))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", action="store_true", help="print the tuning parts' misses")
    parser.add_argument("--final", action="store_true", help="also print the held-out parts' misses")
    parser.add_argument("--lexicon-only", action="store_true", help="the learned scorer off")
    args = parser.parse_args()
    parts = PARTS
    lint_options = {"learned": False} if args.lexicon_only else {}
    stats = {part: Counter() for part in PARTS}
    for part, case_id, text, want, spans in cases():
        if part not in parts:
            continue
        findings = lint(text, **lint_options)
        got = {f.code for f in findings}
        marked = {(f.code, text[f.start : f.end]) for f in findings}
        count = stats[part]
        if want:
            count["flawed"] += 1
            count["flawed_all"] += want <= got
        else:
            count["clean"] += 1
            count["clean_flagged"] += bool(got)
        for code in CODES:
            kind = ("pos", "hit") if code in want else ("neg", "false")
            count[f"{code}.{kind[0]}"] += 1
            count[f"{code}.{kind[1]}"] += code in got
        count["spans"] += len(spans)
        count["spans_exact"] += sum(span in marked for span in spans)
        tuned = ("own fresh", "own fresh6", "own fresh2", "own indep2", "own fresh8")
        show = args.final or part.endswith("tune") or part in tuned
        if (args.cases or args.final) and show and (want != got or not set(spans) <= marked):
            wrong = sorted(set(spans) - marked)
            print(f"  [{part}] {case_id} want {sorted(want)} got {sorted(got)} {wrong or ''}: {text[:80]}")

    def cell(hit: int, n: int) -> str:
        return f"{hit}/{n} {100 * hit / n:3.0f}%" if n else "-"

    print(f"{'':22}" + "".join(f"{part:>16}" for part in parts))
    rows = [("all codes (flawed)", "flawed_all", "flawed"), ("clean flagged", "clean_flagged", "clean")]
    rows += [("spans exact", "spans_exact", "spans")]
    for label, hit, n in rows:
        print(f"{label:26}" + "".join(f"{cell(stats[p][hit], stats[p][n]):>16}" for p in parts))
    for code in CODES:
        print(
            f"{code + ' recall':26}"
            + "".join(f"{cell(stats[p][code + '.hit'], stats[p][code + '.pos']):>16}" for p in parts)
        )
        print(
            f"{code + ' false':26}"
            + "".join(f"{cell(stats[p][code + '.false'], stats[p][code + '.neg']):>16}" for p in parts)
        )


if __name__ == "__main__":
    main()
