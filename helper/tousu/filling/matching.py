"""Label and option matching: the one place a form's words are compared with ours."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..models import FormField


@cache
def labels() -> dict:
    return json.loads(resources.files(__package__).joinpath("labels.json").read_text("utf-8"))


def norm(text: str) -> str:
    return "".join(text.split()).rstrip(":：*＊").lstrip("*＊")


def find_field(fields: list[FormField], synonyms: list[str], taken: set[int]) -> FormField | None:
    wanted = [norm(s) for s in synonyms]
    free = [f for f in fields if id(f) not in taken]
    for field in free:
        if norm(field.label) in wanted:
            return field
    for field in free:
        if any(w in norm(field.label) for w in wanted):
            return field
    return None


def match_option(texts: list[str], text: str) -> str | None:
    for candidate in texts:
        if norm(candidate) == norm(text):
            return candidate
    for candidate in texts:
        if norm(text) in norm(candidate) or (norm(candidate) and norm(candidate) in norm(text)):
            return candidate
    return None


def option_texts(field: FormField) -> list[str]:
    return [o.text for o in field.options if (o.value or o.text) and norm(o.text) not in ("请选择", "")]
