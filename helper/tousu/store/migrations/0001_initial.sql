-- Cases, their dated events and their evidence metadata.
-- Times are ISO 8601 text in China time (+08:00, whole seconds), so they compare as text.

CREATE TABLE cases (
    id               TEXT PRIMARY KEY,
    order_id         TEXT NOT NULL,
    platform         TEXT NOT NULL,
    order_json       TEXT NOT NULL CHECK (json_valid(order_json)),
    problem          TEXT NOT NULL,
    type             TEXT NOT NULL,
    remedy           TEXT,
    demand           TEXT,
    demand_amount    TEXT,
    draft            TEXT,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'filed', 'seller_responded',
                         'platform_intervening', 'resolved', 'escalated', 'closed')),
    status_text      TEXT,
    platform_case_id TEXT,
    next_action      TEXT,
    due_at           TEXT,
    evidence_ticks   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence_ticks)),
    notes            TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX cases_by_order ON cases (order_id);
CREATE INDEX cases_by_created ON cases (created_at DESC, id DESC);
CREATE INDEX cases_by_due ON cases (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE case_events (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    id      TEXT NOT NULL UNIQUE,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    type    TEXT NOT NULL,
    at      TEXT NOT NULL,
    detail  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE INDEX case_events_by_case ON case_events (case_id, at, seq);

CREATE TABLE evidence (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    size        INTEGER CHECK (size IS NULL OR size >= 0),
    media_type  TEXT NOT NULL,
    captured_at TEXT,
    source_url  TEXT,
    note        TEXT,
    stored      INTEGER NOT NULL DEFAULT 0,
    added_at    TEXT NOT NULL,
    -- The same file may prove two things, but proving one thing twice is a duplicate.
    UNIQUE (case_id, sha256, code)
);
CREATE INDEX evidence_by_sha ON evidence (sha256);
