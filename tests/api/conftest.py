from __future__ import annotations

import pytest

# The app and the client are tests/support/api.py's, shared with tests/security.
from ..support.api import Api, make_app, pair


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


@pytest.fixture
def anonymous(app) -> Api:
    return Api(app)


@pytest.fixture
def api(app) -> Api:
    return pair(app)


# One app for a module whose requests are all refused by the guard before any route runs, so
# nothing is written and no test can see another's state (tests/api/test_security.py: ~350
# requests, one app each made the file the slowest of the unit layer). A test that changes the
# app or writes through it takes the function-scoped `app`/`api` above.
@pytest.fixture(scope="module")
def guarded_app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("guarded"))


@pytest.fixture(scope="module")
def guarded_anonymous(guarded_app) -> Api:
    return Api(guarded_app)


@pytest.fixture(scope="module")
def guarded_api(guarded_app) -> Api:
    return pair(guarded_app)
