-- Private, no-fault requests for support or a rematch. Seen only by the program's coordinators.
-- The note is the person's own words: sealed with AES-GCM like reflections.
create table help_request (
    id              bigint generated always as identity primary key,
    program_id      bigint      not null references program (id) on delete cascade,
    person_id       bigint      not null references person (id) on delete cascade,
    sealed_note     bytea,
    created_at      timestamptz not null,
    resolved_at     timestamptz
);
create index help_request_open on help_request (program_id) where resolved_at is null;
