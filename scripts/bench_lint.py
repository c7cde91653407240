"""Lint latency per draft, as ratios against a floor measured in the same run.

    .venv/bin/python scripts/bench_lint.py [--rounds N]

Drafts: the corpus's lint-dev.jsonl and the own set. Floor: a plain regex scan, every lint.toml
pattern run once over the draft's lint view (the lexicon's matching cost without any check).
Printed: microseconds per draft for the floor, lint with the lexicon alone (learned=False) and
lint as shipped, and the ratios. Run once, not in loops (the machine is shared).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_lint import cases  # noqa: E402

from tousu.advice import lint  # noqa: E402
from tousu.advice.lint import _rules, lint_view  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = [text for _, _, text, _, _ in cases()]
    rules, vague = _rules()
    patterns = [rule.pattern for rule in rules] + [vague.concrete, vague.defect]
    for text in texts:  # warm caches (lint view, rule files, weights) for every variant alike
        lint(text)

    def floor() -> None:
        for text in texts:
            norm = lint_view(text)
            for pattern in patterns:
                for _ in pattern.finditer(norm):
                    pass

    def lexicon() -> None:
        for text in texts:
            lint(text, learned=False)

    def shipped() -> None:
        for text in texts:
            lint(text)

    best = {}
    for name, run in (("floor", floor), ("lexicon", lexicon), ("shipped", shipped)):
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        best[name] = min(times) / len(texts) * 1e6
    print(f"{len(texts)} drafts, best of {args.rounds} rounds, microseconds per draft:")
    for name, value in best.items():
        print(f"  {name:8} {value:9.1f} us   x{value / best['floor']:.1f} of the floor")
    print(f"  learned scorer adds x{best['shipped'] / best['lexicon']:.2f} to the lexicon's time")


if __name__ == "__main__":
    main()
