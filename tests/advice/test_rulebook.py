"""The rule book refuses a typo: every rule file, mutated, is rejected with its file, table and key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tousu.advice.rulefiles import RULES_DIR, RuleFileError, load_rule_files
from tousu.advice.rules import build_rulebook, check_rules, rulebook, source_entry
from tousu.advice.schemas import SCHEMAS
from tousu.cli import main

# A misspelt enumeration value (or code) in each file: (file, text as shipped, the typo, what the
# error must name).
MISSPELT = [
    ("sources", 'kind = "law"', 'kind = "lwa"', "key 'kind'"),
    ("types", 'first_step = "after_sales"', 'first_step = "after_sale"', "[quality_defect] key 'first_step'"),
    (
        "types",
        '{ code = "defect_media", required = true }',
        '{ code = "defect_photo", required = true }',
        "key 'code'",
    ),
    ("types", '"quality_return", "seven_day_return"', '"quality_retrun", "seven_day_return"', "key 'clocks'"),
    ("remedies", 'amount = "paid"', 'amount = "payd"', "[return_refund] key 'amount'"),
    ("formulas", "[punitive.fraud_triple]", "[punitive.fraud_tripple]", "[punitive] key 'fraud_tripple'"),
    ("evidence", 'confidence = "High"', 'confidence = "Hgh"', "[order_detail] key 'confidence'"),
    ("clocks", 'anchor = "sign_off"', 'anchor = "sign_of"', "[seven_day_return] key 'anchor'"),
    ("clocks", 'kind = "next_midnight"', 'kind = "next_midnite"', "[seven_day_return] key 'kind'"),
    ("routes", 'link = "after_sales"', 'link = "aftersales"', "[after_sales] key 'link'"),
    ("settings", "[ship_by_hours]", "[ship_by_hour]", "key 'ship_by_hour'"),
    ("items", "[durable]", "[durables]", "key 'durables'"),
    (
        "features",
        "weights = { quality_defect = 3.0 }",
        "weights = { quality_defects = 3.0 }",
        "[feature[0].weights]",
    ),
    ("lexicon", "[negation]", "[negations]", "key 'negations'"),
    ("context", 'status = ["awaiting_shipment"]', 'status = ["awaiting_shipmen"]', "[rule[0]] key 'status'"),
    ("exemplars", 'type = "quality_defect"', 'type = "quality_defekt"', "[exemplar[0]] key 'type'"),
    ("lint", 'check = "threat"', 'check = "threats"', "key 'check'"),
    ("lint", 'severity = "warning"', 'severity = "warn"', "[rule[0]] key 'severity'"),
    ("signals", 'check = "quantity_over"', 'check = "quantity_above"', "[warning[0]] key 'check'"),
    ("clocks", '"consumer_protection_law.art24"', '"consumer_protection_law.art99"', "key 'source'"),
    ("types", "[[quality_defect.variant]]", "[[quality_defect.varient]]", "key 'varient'"),
    ("features", "negatable = true", "negateable = true", "key 'negateable'"),
]


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES_DIR, target)
    return target


def _mutate(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name}.toml no longer contains {old!r}: update the mutation"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(RuleFileError) as caught:
        load_rule_files(folder)
    return caught.value.problems


def test_the_shipped_rule_files_are_valid() -> None:
    assert check_rules() == []
    assert set(SCHEMAS) == {p.stem for p in RULES_DIR.glob("*.toml")}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_an_unknown_key_is_refused_in_every_file(rules_copy: Path, name: str) -> None:
    path = rules_copy / f"{name}.toml"
    text = path.read_text(encoding="utf-8")
    header = re.search(r"^\[\[?[^\]]+\]\]?\n", text, re.MULTILINE)
    assert header is not None
    path.write_text(text[: header.end()] + "unknown_typo_key = 1\n" + text[header.end() :], encoding="utf-8")
    problems = _problems(rules_copy)
    assert any(p.startswith(f"{name}.toml: [") and "key 'unknown_typo_key'" in p for p in problems), problems


@pytest.mark.parametrize(("name", "old", "new", "named"), MISSPELT, ids=[f"{m[0]}-{m[2]}" for m in MISSPELT])
def test_a_misspelt_code_is_refused(rules_copy: Path, name: str, old: str, new: str, named: str) -> None:
    _mutate(rules_copy, name, old, new)
    problems = _problems(rules_copy)
    assert any(p.startswith(f"{name}.toml: ") and named in p for p in problems), problems


def test_a_cross_file_typo_is_refused_by_the_rule_book(rules_copy: Path) -> None:
    # A type naming a feature that does not exist passes the file's schema; the book refuses it.
    _mutate(rules_copy, "types", 'features = ["workmanship"]', 'features = ["workmanshp"]')
    with pytest.raises(ValueError, match="quality_defect"):
        build_rulebook(load_rule_files(rules_copy))
    assert check_rules(rules_copy) != []


def test_a_missing_or_unexpected_file_is_refused(rules_copy: Path) -> None:
    (rules_copy / "clocks.toml").unlink()
    (rules_copy / "clock.toml").write_text("", encoding="utf-8")
    problems = _problems(rules_copy)
    assert "clocks.toml: missing" in problems
    assert any(p.startswith("clock.toml: a rule file without a schema") for p in problems)


def test_a_bad_pattern_is_refused_with_its_place(rules_copy: Path) -> None:
    _mutate(rules_copy, "lint", "patterns = ['[!！]{3,}'", "patterns = ['[!！{3,}'")
    assert any(
        p.startswith("lint.toml: [rule[1]] key 'patterns[0]': bad pattern") for p in _problems(rules_copy)
    )


def test_every_source_resolves_and_none_cites_the_old_bibliography() -> None:
    for path in RULES_DIR.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\bS\d{1,2}\b|reference §|/work/|/home/", text), path.name
    entry = source_entry("consumer_protection_law.art55")
    assert entry["title"] == "中华人民共和国消费者权益保护法" and entry["article"] == "art. 55"
    assert rulebook().types["quality_defect"].source.startswith("taobao_dispute_rules.arts65-72")


def test_rules_check_command_exits_non_zero_on_a_typo(rules_copy: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["rules", "check"])
    assert ok.exit_code == 0, ok.output
    _mutate(rules_copy, "clocks", 'anchor = "sign_off"', 'anchor = "sign_of"')
    bad = runner.invoke(main, ["rules", "check", str(rules_copy)])
    assert bad.exit_code == 1
    assert "clocks.toml: [seven_day_return] key 'anchor'" in bad.output
