"""One clarifying question when the ranking is unsure, and the re-ranking its answer gives.

Asked when the top type's probability is below ASK_BELOW and the first two types both belong to
a question's `types` (and one of them to its `needs`, when set), or when the text says nothing
recognisable (a `vague` question). An answered question is never asked again; its choice adds
its boosts to the model's logits."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from tousu.models.advice import Question, QuestionChoice, TypeCode, TypeScore

DATA = Path(__file__).with_name("questions.toml")
ASK_BELOW = 0.55


class ChoiceRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z_]+$")
    text: str
    text_en: str
    boosts: dict[TypeCode, float]


class QuestionRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z_]+$")
    text: str
    text_en: str
    types: list[TypeCode]
    needs: list[TypeCode] = Field(default_factory=list)
    vague: bool = False
    choices: list[ChoiceRule] = Field(min_length=2)


class QuestionFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: list[QuestionRule]


@cache
def _questions() -> dict[str, QuestionRule]:
    with DATA.open("rb") as handle:
        data = QuestionFile.model_validate(tomllib.load(handle))
    return {q.code: q for q in data.question}


def boosts_for(answers: dict[str, str]) -> dict[str, float]:
    """The logit boosts of the answered choices (unknown codes are ignored)."""
    out: dict[str, float] = {}
    for code, choice in answers.items():
        rule = _questions().get(code)
        if rule is None:
            continue
        for c in rule.choices:
            if c.code == choice:
                for t, b in c.boosts.items():
                    out[t] = out.get(t, 0.0) + b
    return out


def question_for(types: list[TypeScore], vague: bool, answers: dict[str, str]) -> Question | None:
    if not types:
        return None
    pending = [q for q in _questions().values() if q.code not in answers]
    chosen = None
    if vague:
        chosen = next((q for q in pending if q.vague), None)
    elif types[0].score < ASK_BELOW and len(types) > 1:
        pair = {types[0].code, types[1].code}
        for q in pending:
            if pair <= set(q.types) and (not q.needs or pair & set(q.needs)):
                chosen = q
                break
    if chosen is None:
        return None
    return Question(
        code=chosen.code,
        text=chosen.text,
        text_en=chosen.text_en,
        choices=[QuestionChoice(code=c.code, text=c.text, text_en=c.text_en) for c in chosen.choices],
    )
