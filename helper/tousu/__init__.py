"""Tousu (淘宝投诉助手): the local helper behind the browser extension."""

__version__ = "0.1.0"

# Bumped only when a field is renamed or removed; adding fields keeps the version.
API_VERSION = 1
SERVICE_NAME = "tousu-helper"
