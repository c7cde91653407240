"""Exact-amount accuracy per remedy on the shared corpus (remedies-dev.jsonl), through advise().

    .venv/bin/python scripts/eval_remedies.py [--cases] [--mode shipped|shopper] [--own | --own2 | --own3]

`--own` scores our own untouched cases (tests/advice/remedy_own_cases.jsonl, built by
scripts/build_own_remedy_cases.py) instead of the shared corpus: one part, "own", misses shown.
`--own2` scores the second own set (tests/advice/remedy_own_cases_2.jsonl, build_own_remedy_cases_2.py),
written before round 3's changes; `--own3` the third (remedy_own_cases_3.jsonl,
build_own_remedy_cases_3.py), written before session 6's changes.

Two modes: `shipped` sends the order and the text only (the engine infers the affected goods from
the text); `shopper` also sends the corpus's affected items as the request's `affected_items`, as
the extension does once the shopper picks the items.

A case counts as exact when the expected remedy is offered with exactly the expected amount (or,
for `offered: false`, when it is not offered with an amount), and every mechanical amount in
`other_remedies` is offered exactly too. ~30% of the cases (stable hash of the id) are held out.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_orders import held_out, order_contract, read  # noqa: E402

from tousu.advice import advise  # noqa: E402
from tousu.models.advice import AdviceRequest  # noqa: E402


def _amounts(advice) -> dict[str, Decimal | None]:
    return {r.code: (Decimal(r.amount) if r.amount is not None else None) for r in advice.remedies}


def judge(case: dict, mode: str = "shipped") -> tuple[bool, str]:
    order = order_contract(case["order"])
    text = case["problem"]["text"]
    body = {"order": order, "problem": {"text": text}, "now": case["now"]}
    if mode == "shopper":
        # The shopper picked the affected items (the extension's item picker); otherwise the
        # engine infers them from the text.
        body["affected_items"] = [
            {k: a[k] for k in ("sub_order_id", "quantity", "component") if k in a} for a in case["affected"]
        ]
    advice = advise(AdviceRequest.model_validate(body))
    got = _amounts(advice)
    expect = case["expect"]
    remedy = expect["remedy"]
    if expect["offered"]:
        if remedy not in got or got[remedy] != Decimal(expect["amount"]):
            return False, f"{remedy}: want {expect['amount']}, got {got.get(remedy, 'not offered')}"
    elif got.get(remedy) is not None:
        return False, f"{remedy}: want not offered, got {got[remedy]}"
    for other in expect.get("other_remedies", []):
        if other.get("amount") is None:
            continue
        if got.get(other["remedy"]) != Decimal(other["amount"]):
            return False, f"{other['remedy']}: want {other['amount']}, got {got.get(other['remedy'], '-')}"
    return True, ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", action="store_true", help="print every miss")
    parser.add_argument("--mode", choices=MODES, default=None, help="one mode only")
    parser.add_argument(
        "--held-out-misses", action="store_true", help="print the held-out misses too (the final report only)"
    )
    parser.add_argument("--own", action="store_true", help="score tests/advice/remedy_own_cases.jsonl")
    parser.add_argument("--own2", action="store_true", help="score tests/advice/remedy_own_cases_2.jsonl")
    parser.add_argument("--own3", action="store_true", help="score tests/advice/remedy_own_cases_3.jsonl")
    args = parser.parse_args()
    own = args.own or args.own2 or args.own3
    if own:
        path = OWN3 if args.own3 else OWN2 if args.own2 else OWN
        cases = own_cases(path)
    else:
        cases = read("remedies-dev.jsonl")
    for mode in [args.mode] if args.mode else MODES:
        report(cases, mode, args.cases, args.held_out_misses, own=own)


OWN = Path(__file__).resolve().parent.parent / "tests" / "advice" / "remedy_own_cases.jsonl"
OWN2 = OWN.with_name("remedy_own_cases_2.jsonl")
OWN3 = OWN.with_name("remedy_own_cases_3.jsonl")


def own_cases(path: Path) -> list[dict]:
    """An own set's cases; lines starting with `#` are its header (how it was built, its first run)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip() and not line.startswith("#")]


MODES = ("shipped", "shopper")


def report(cases: list[dict], mode: str, show: bool, show_held_out: bool = False, own: bool = False) -> None:
    parts = ("own",) if own else ("dev", "held_out")
    table: dict[str, dict[str, list[int]]] = {part: defaultdict(lambda: [0, 0]) for part in parts}
    for case in cases:
        part = "own" if own else "held_out" if held_out(case["id"]) else "dev"
        ok, why = judge(case, mode)
        cell = table[part][case["expect"]["remedy"]]
        cell[0] += ok
        cell[1] += 1
        if not ok and show and (part != "held_out" or show_held_out):  # held-out stays unseen while tuning
            print(f"  {mode} {part:8} {case['id']} {why}")
    remedies = sorted({c["expect"]["remedy"] for c in cases})
    print(f"\nmode: {mode}")
    print(f"{'remedy':28}" + "".join(f" {part:>12}" for part in parts))
    for remedy in remedies + ["ALL"]:
        cells = []
        for part in parts:
            if remedy == "ALL":
                hit = sum(v[0] for v in table[part].values())
                total = sum(v[1] for v in table[part].values())
            else:
                hit, total = table[part].get(remedy, [0, 0])
            cells.append(f"{hit}/{total}" + (f" {100 * hit / total:3.0f}%" if total else ""))
        print(f"{remedy:28}" + "".join(f" {cell:>12}" for cell in cells))


if __name__ == "__main__":
    main()
