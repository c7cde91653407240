-- Responses to writes sent with an Idempotency-Key, replayed when the browser sends twice.

CREATE TABLE idempotency_keys (
    scope       TEXT NOT NULL,   -- the paired extension id: keys of two clients never collide
    key         TEXT NOT NULL,
    fingerprint TEXT NOT NULL,   -- method, path and canonical body of the first request
    status      INTEGER NOT NULL,
    body        TEXT NOT NULL,
    created_at  REAL NOT NULL,   -- epoch seconds, only for expiry
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
