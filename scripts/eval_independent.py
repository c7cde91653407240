"""Score the shipped engine on sets written by someone who never saw its code or rules.

Each set stands in for issue 11's hidden judges: a writer who read only the law, the type codes
and the corpus README's labelling policy wrote it, and it is run here as shipped, never tuned on.
Once a set's misses have been read it stops being independent: its header says so, and its
first-run figures stay there.

    stories_*.toml   [[story]] text, order, item, primary, alts, secondary (shoppers' complaints)
    voices_*.toml    [[case]] text, order, item, expected, alts (one problem, wild voices)
    lint_*.toml      [[case]] text, codes, spans, voice (drafts; empty codes = clean)

Usage: scripts/eval_independent.py [DIR] [--cases]  (DIR defaults to tests/advice/independent)
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "advice"))

from conftest import build_request  # type: ignore[import-not-found]  # noqa: E402

from tousu.advice import advise, lint  # noqa: E402

DEFAULT_DIR = ROOT / "tests" / "advice" / "independent"


def _load(path: Path, table: str) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        rows: list[dict[str, Any]] = tomllib.load(handle)[table]
    return rows


def score_advice(path: Path, table: str, show: bool) -> None:
    """Top-1 and top-3 on the accepted primaries; for stories also the secondaries named."""
    top1 = top3 = spurious = wanted = named = single = 0
    per_type: Counter[tuple[str, bool]] = Counter()
    rows = _load(path, table)
    for index, row in enumerate(rows, 1):
        primary = row.get("primary") or row["expected"]
        accepted = {primary, *row.get("alts", [])}
        advice = advise(build_request(row["text"], row["order"], row.get("item")))
        codes = [t.code for t in advice.types]
        first = bool(codes) and codes[0] in accepted
        top1 += first
        top3 += bool(accepted & set(codes[:3]))
        per_type[(primary, first)] += 1
        others = row.get("secondary", [])
        secondaries = {i.type for i in advice.issues if i.role == "secondary"}
        if others:
            wanted += len(others)
            named += sum(bool(set(o.split("|")) & (secondaries | set(codes[:1]))) for o in others)
        else:
            single += 1
            spurious += bool(secondaries)
        if show and not first:
            print(f"  [{path.stem}] #{index} want {primary} got {codes[:3]}: {row['text'][:90]}")
    n = len(rows)
    line = f"{path.stem:22s} n={n:3d}  top-1 {top1 / n:.3f}  top-3 {top3 / n:.3f}"
    if wanted:
        line += f"  secondaries named {named / wanted:.3f} (of {wanted})"
    if single and table == "story":
        line += f"  one-problem texts with a secondary {spurious}/{single}"
    print(line)
    weak = [
        f"{code} {per_type[(code, True)]}/{per_type[(code, True)] + per_type[(code, False)]}"
        for code in sorted({c for c, _ in per_type})
        if per_type[(code, False)]
    ]
    if weak:
        print(f"{'':22s} types missed: {', '.join(weak)}")


def score_lint(path: Path, show: bool) -> None:
    """Every expected code caught on flawed drafts; any finding on clean drafts; exact spans."""
    count: Counter[str] = Counter()
    for index, row in enumerate(_load(path, "case"), 1):
        findings = lint(row["text"])
        got = {f.code for f in findings}
        want = set(row["codes"])
        marked = {(f.code, row["text"][f.start : f.end]) for f in findings}
        spans = {(code, text) for code, text in row.get("spans", [])}
        if want:
            count["flawed"] += 1
            count["caught"] += want <= got
        else:
            count["clean"] += 1
            count["flagged"] += bool(got)
        count["spans"] += len(spans)
        count["exact"] += len(spans & marked)
        if show and (want != got):
            print(f"  [{path.stem}] #{index} want {sorted(want)} got {sorted(got)}: {row['text'][:90]}")
    print(
        f"{path.stem:22s} flawed all caught {count['caught']}/{count['flawed']}"
        f"  clean flagged {count['flagged']}/{count['clean']}  spans exact {count['exact']}/{count['spans']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--cases", action="store_true", help="print every miss (then the set is no longer independent)"
    )
    args = parser.parse_args()
    files = sorted(args.directory.glob("*.toml"))
    if not files:
        sys.exit(f"no sets in {args.directory}")
    for path in files:
        if path.stem.startswith("stories"):
            score_advice(path, "story", args.cases)
        elif path.stem.startswith("voices"):
            score_advice(path, "case", args.cases)
        elif path.stem.startswith("lint"):
            score_lint(path, args.cases)


if __name__ == "__main__":
    main()
