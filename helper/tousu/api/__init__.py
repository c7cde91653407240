"""Thin HTTP blueprints under /api/v1: validate, call one layer, return JSON."""

from __future__ import annotations

from flask import Flask

from .prefix import PREFIX

__all__ = ["PREFIX", "register_blueprints"]


def register_blueprints(app: Flask) -> None:
    from . import advice, cases, fill, meta, openapi, pages, pairing, settings, tokens

    for module in (meta, openapi, pairing, tokens, pages, advice, fill, cases, settings):
        app.register_blueprint(module.bp, url_prefix=PREFIX)
