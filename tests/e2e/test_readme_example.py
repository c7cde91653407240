"""README's ten-line QA example runs as written (so the README stays true)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_qa_example(tousu, tousu_mock_shop):
    section = README.read_text("utf-8").split("### Writing an end-to-end test (QA)", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(README), "exec"), namespace)  # noqa: S102 (our own README)
    namespace["test_quality_complaint"](tousu, tousu_mock_shop)
