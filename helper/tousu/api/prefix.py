"""Where the API lives: every blueprint is registered under this prefix (a leaf module, so the
OpenAPI document can name it without importing the package that registers the blueprints)."""

PREFIX = "/api/v1"
