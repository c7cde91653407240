"""tousu.advice as a package: importing it (as tousu.models and the helper's app do) loads no
rule data, so `tousu serve` answers /ping before the rules are compiled; the first use of a
public name loads and checks everything, as an import used to."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

HELPER = Path(__file__).resolve().parents[2] / "helper"


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        cwd=HELPER,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_building_the_helper_app_loads_no_advice_rules(tmp_path):
    out = _run(
        f"""
        import sys
        from tousu.app import create_app
        create_app({{"DATA_DIR": {str(tmp_path)!r}}})
        print(sorted(m for m in sys.modules if m.startswith("tousu.advice")))
        """
    )
    assert out.strip() == "['tousu.advice', 'tousu.advice.settings']"


def test_first_public_name_loads_everything_and_lint_stays_the_function():
    # lint_order imports the submodule `tousu.advice.lint` first, which once shadowed the function.
    out = _run(
        """
        import sys
        import tousu.advice.lint_order
        from tousu.advice import lint
        print(callable(lint), type(lint).__name__, "tousu.advice.similar" in sys.modules)
        print(len(lint("骗子！！！赔我一万块，电话13000000001")) > 0)
        """
    )
    assert out.split() == ["True", "function", "True", "True"]


def test_settings_defaults_are_the_validated_settings_file():
    # settings.py reads settings.toml alone; the schema-checked copy must say the same.
    from tousu.advice.rulefiles import rule_files
    from tousu.advice.settings import DEFAULT_SETTINGS

    validated = rule_files()["settings"].root
    assert set(validated) == set(type(DEFAULT_SETTINGS).model_fields)
    for name, rule in validated.items():
        value = getattr(DEFAULT_SETTINGS, name)
        expected = Decimal(rule.value) if isinstance(value, Decimal) else rule.value
        assert value == expected, name
