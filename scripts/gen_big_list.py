#!/usr/bin/env python3
"""Write a big mock "已买到的宝贝" (tm1) page for benchmarks: ``gen_big_list.py 500 -o big.html``.

All orders are invented. The page is GBK, like the real one, with every order embedded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tousu_testing.mockshop.biglist_page import big_list_html  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of orders (1-20000)")
    parser.add_argument("-o", "--output", help="file to write (default: stdout, GBK bytes)")
    parser.add_argument("--now", help="ISO time the relative dates count from (default: now)")
    parser.add_argument("--build", default="20251101", help="seed of the hashed class names")
    args = parser.parse_args(argv)
    try:
        page = big_list_html(args.count, args.now, args.build)
    except ValueError as exc:
        parser.error(str(exc))
    if args.output:
        Path(args.output).write_bytes(page)
        print(f"wrote {args.count} orders, {len(page)} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
