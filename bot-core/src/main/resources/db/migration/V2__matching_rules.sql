-- Rules coordinators set for matching, and workspace admins (who may make coordinators).

-- "Never pair these two", set by a coordinator for one program or (program_id null) for all.
create table never_pair (
    id              bigint generated always as identity primary key,
    program_id      bigint      references program (id) on delete cascade,
    person_low      bigint      not null references person (id) on delete cascade,
    person_high     bigint      not null references person (id) on delete cascade,
    created_by      bigint      references person (id) on delete set null,
    created_at      timestamptz not null,
    constraint never_pair_ordered check (person_low < person_high)
);
create unique index never_pair_key on never_pair (coalesce(program_id, 0), person_low, person_high);

-- Coordinator-forced pairs: kept by the matcher, which optimises everyone else around them.
create table match_pin (
    program_id      bigint      not null references program (id) on delete cascade,
    mentor_id       bigint      not null references participant (id) on delete cascade,
    mentee_id       bigint      not null references participant (id) on delete cascade,
    created_by      bigint      references person (id) on delete set null,
    created_at      timestamptz not null,
    primary key (program_id, mentee_id)
);

create table workspace_admin (
    person_id       bigint      primary key references person (id) on delete cascade,
    granted_at      timestamptz not null
);
