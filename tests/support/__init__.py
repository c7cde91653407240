"""Helpers shared by several test areas (imported, not fixtures)."""
