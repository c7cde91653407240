"""The one loader of the rule files: parse each rules/*.toml, validate it against its schema
(schemas.py) and check that every cited source resolves in sources.toml.

Errors name the file, the table and the key, so `tousu rules check` and the import-time failure
both point at the line to fix. A directory argument lets tests and `tousu rules check <dir>`
validate a copy of the rules.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import schemas

RULES_DIR = Path(__file__).with_name("rules")


class RuleFileError(ValueError):
    """One or more rule files are invalid; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid advice rule data:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class RuleFiles:
    """The validated content of every rule file, plus the raw tables the loaders build from."""

    directory: Path
    models: dict[str, BaseModel]
    raw: dict[str, dict[str, Any]]

    def __getitem__(self, name: str) -> Any:
        return self.models[name]


def _where(file: str, loc: tuple[int | str, ...]) -> str:
    """`file: [table] key 'name'` from a pydantic error location."""
    parts = [p for p in loc if p != "root"]
    # pydantic reports a Literal mismatch inside a union with the member's name appended.
    parts = [p for p in parts if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))]
    if not parts:
        return f"{file}:"
    *table, key = parts
    index = None
    if isinstance(key, int) and table and isinstance(table[-1], str):
        # A list value: name the key and the item ("key 'clocks' item 2").
        index, key = key, table.pop()
    path = ""
    for part in table:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    key_text = f"item {key}" if isinstance(key, int) else f"key '{key}'"
    if index is not None:
        key_text += f" item {index}"
    return f"{file}: [{path or '(top level)'}] {key_text}"


def _problems(file: str, error: ValidationError) -> list[str]:
    out = []
    for item in error.errors():
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown key (not in the schema)"
        elif item["type"] == "missing":
            message = "required key missing"
        elif not isinstance(item.get("input"), (dict, list)):
            message = f"{item['input']!r}: {message}"
        out.append(f"{_where(file, tuple(item['loc']))}: {message}")
    return out


def _cited(raw: Any, path: str) -> list[tuple[str, str]]:
    """(where, source key) for every `source` list in a file's raw tables."""
    found: list[tuple[str, str]] = []
    if isinstance(raw, dict):
        for key, value in raw.items():
            here = f"{path}.{key}" if path else key
            if key == "source" and isinstance(value, list):
                found.extend((path or "(top level)", str(v)) for v in value)
            else:
                found.extend(_cited(value, here))
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            found.extend(_cited(value, f"{path}[{index}]"))
    return found


def _resolves(key: str, sources: schemas.SourcesFile) -> bool:
    document, _, article = key.partition(".")
    entry = sources.root.get(document)
    if entry is None:
        return False
    return not article or article in entry.articles()


def load_rule_files(directory: Path | str | None = None) -> RuleFiles:
    """Every rule file in `directory` (default: the package's rules), validated; RuleFileError
    lists all problems found, not only the first."""
    folder = Path(directory) if directory is not None else RULES_DIR
    problems: list[str] = []
    models: dict[str, BaseModel] = {}
    raw: dict[str, dict[str, Any]] = {}
    present = {p.stem for p in folder.glob("*.toml")}
    for extra in sorted(present - set(schemas.SCHEMAS)):
        problems.append(f"{extra}.toml: a rule file without a schema (add it to schemas.SCHEMAS)")
    for name, schema in schemas.SCHEMAS.items():
        file = f"{name}.toml"
        path = folder / file
        if not path.is_file():
            problems.append(f"{file}: missing")
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            problems.append(f"{file}: not valid TOML: {error}")
            continue
        try:
            models[name] = schema.model_validate(data)
        except ValidationError as error:
            problems.extend(_problems(file, error))
            continue
        raw[name] = data
        _check_articles(file, models[name], problems)
        _check_patterns(file, data, "", problems)
    sources = models.get("sources")
    if isinstance(sources, schemas.SourcesFile):
        for name, data in raw.items():
            for where, key in _cited(data, ""):
                if not _resolves(key, sources):
                    problems.append(f"{name}.toml: [{where}] key 'source': {key!r} is not in sources.toml")
    if problems:
        raise RuleFileError(problems)
    return RuleFiles(directory=folder, models=models, raw=raw)


def _check_articles(file: str, model: BaseModel, problems: list[str]) -> None:
    if not isinstance(model, schemas.SourcesFile):
        return
    for document, entry in model.root.items():
        for article, cite in entry.articles().items():
            if not isinstance(cite, str) or not schemas.ARTICLE_KEY.fullmatch(article):
                problems.append(
                    f"{file}: [{document}] key '{article}': unknown key (an article is art<N>, "
                    "art<N>_<paragraph> or arts<N>-<M>, with a text citation)"
                )


# Lists of regular expressions compiled as they are (features.toml's use lexicon groups and are
# compiled by rules.build_rulebook).
_PATTERN_KEYS = {"patterns", "text", "when_patterns", "vague_patterns", "cues"}


def _check_patterns(file: str, raw: Any, path: str, problems: list[str]) -> None:
    if file == "features.toml" or not isinstance(raw, (dict, list)):
        return
    items = raw.items() if isinstance(raw, dict) else enumerate(raw)
    for key, value in items:
        here = f"{path}[{key}]" if isinstance(key, int) else (f"{path}.{key}" if path else str(key))
        if key in _PATTERN_KEYS and isinstance(value, list):
            for index, pattern in enumerate(value):
                try:
                    re.compile(str(pattern))
                except re.error as error:
                    problems.append(
                        f"{file}: [{path or '(top level)'}] key '{key}[{index}]': bad pattern: {error}"
                    )
        else:
            _check_patterns(file, value, here, problems)


@cache
def rule_files() -> RuleFiles:
    """The package's rule files, loaded once."""
    return load_rule_files()
