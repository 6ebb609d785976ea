-- Signed requests seen recently, so a replay inside the signature's window has no second effect,
-- on any instance. The key is a SHA-256 of what identifies the request (Slack: its signature, and
-- an event's id; Teams: its activity id and conversation); nothing here names a person or says what
-- was asked. A row is useless once its request could no longer be accepted (expires_at), and is
-- deleted then.
create table inbound_request_seen (
    request_hash    bytea       primary key,
    expires_at      timestamptz not null
);
create index inbound_request_seen_expiry on inbound_request_seen (expires_at);
