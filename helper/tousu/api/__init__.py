"""Thin HTTP blueprints under /api/v1: validate, call one layer, return JSON."""

from __future__ import annotations

from flask import Flask

PREFIX = "/api/v1"


def register_blueprints(app: Flask) -> None:
    from . import advice, cases, fill, meta, pages, pairing, settings, tokens

    for module in (meta, pairing, tokens, pages, advice, fill, cases, settings):
        app.register_blueprint(module.bp, url_prefix=PREFIX)
