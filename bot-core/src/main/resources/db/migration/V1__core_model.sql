-- The core model: programs, people, participants, pairings, meetings, check-ins, reflections,
-- and the audit log. All instants are timestamptz (stored UTC); people carry their own zone.

create table person (
    id              bigint generated always as identity primary key,
    email           text        not null,
    display_name    text        not null,
    time_zone       text        not null default 'UTC',
    work_start      time        not null default '09:00',
    work_end        time        not null default '17:00',
    -- ISO days of week worked, 1 = Monday .. 7 = Sunday
    work_days       smallint[]  not null default '{1,2,3,4,5}',
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint person_email_shape check (position('@' in email) > 1),
    constraint person_work_hours check (work_start < work_end)
);
create unique index person_email_key on person (lower(email));

-- How a person is known on a chat platform: Slack (team id, user id) or Teams (tenant, AAD object id).
create table platform_identity (
    platform        text   not null check (platform in ('slack', 'teams')),
    workspace_id    text   not null,
    user_id         text   not null,
    person_id       bigint not null references person (id) on delete cascade,
    primary key (platform, workspace_id, user_id)
);
create index platform_identity_person on platform_identity (person_id);

create table program (
    id                      bigint generated always as identity primary key,
    name                    text        not null,
    theme                   text        not null,
    direction               text        not null default 'reverse'
                                        check (direction in ('reverse', 'traditional', 'reciprocal')),
    starts_on               date,
    ends_on                 date,
    cadence_days            integer     not null default 14 check (cadence_days between 1 and 90),
    session_minutes         integer     not null default 45 check (session_minutes between 10 and 480),
    state                   text        not null default 'draft'
                                        check (state in ('draft', 'enrolling', 'matching', 'active', 'closed')),
    anonymity_threshold     integer     not null default 5 check (anonymity_threshold >= 3),
    default_time_zone       text        not null default 'UTC',
    min_grade_gap           integer     not null default 1 check (min_grade_gap >= 0),
    reporting_chain_depth   integer     not null default 2 check (reporting_chain_depth >= 1),
    repeat_window_days      integer     not null default 365 check (repeat_window_days >= 0),
    nudge_policy            jsonb       not null default '{}',
    created_at              timestamptz not null,
    constraint program_dates check (ends_on is null or starts_on is null or starts_on < ends_on)
);
create unique index program_name_key on program (lower(name));

create table program_coordinator (
    program_id  bigint not null references program (id) on delete cascade,
    person_id   bigint not null references person (id) on delete cascade,
    primary key (program_id, person_id)
);

create table participant (
    id                      bigint generated always as identity primary key,
    program_id              bigint      not null references program (id) on delete cascade,
    person_id               bigint      not null references person (id) on delete cascade,
    role                    text        not null check (role in ('mentor', 'mentee')),
    grade                   integer     not null check (grade between 0 and 100),
    department              text        not null check (length(department) > 0),
    manager_person_id       bigint      references person (id) on delete set null,
    topics_offered          text[]      not null default '{}',
    topics_sought           text[]      not null default '{}',
    languages               text[]      not null default '{}',
    -- lived-experience focus areas: opt-in only, encrypted (AES-GCM) by the application
    focus_areas_sealed      bytea,
    capacity                integer     not null default 1 check (capacity between 1 and 10),
    privacy_consent_at      timestamptz,
    status                  text        not null default 'active' check (status in ('active', 'paused', 'left')),
    snoozed_until           timestamptz,
    enrolled_at             timestamptz not null,
    unique (program_id, person_id),
    constraint participant_not_own_manager check (manager_person_id is null or manager_person_id <> person_id)
);
create index participant_person on participant (person_id);

create table pairing (
    id                  bigint generated always as identity primary key,
    program_id          bigint      not null references program (id) on delete cascade,
    mentor_id           bigint      not null references participant (id) on delete cascade,
    mentee_id           bigint      not null references participant (id) on delete cascade,
    state               text        not null check (state in
                          ('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active',
                           'paused', 'ended', 'declined', 'rematched')),
    score               bigint      not null default 0,
    explanation         text        not null default '',
    pinned              boolean     not null default false,
    proposed_at         timestamptz not null,
    activated_at        timestamptz,
    closed_at           timestamptz,
    version             integer     not null default 0,
    constraint pairing_distinct check (mentor_id <> mentee_id)
);
-- A mentee is in at most one open pairing; a mentor's capacity is checked by the application.
create unique index pairing_one_open_per_mentee on pairing (mentee_id)
    where state in ('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused');
create unique index pairing_one_open_per_pair on pairing (mentor_id, mentee_id)
    where state in ('proposed', 'accepted_by_mentor', 'accepted_by_mentee', 'active', 'paused');
create index pairing_program_state on pairing (program_id, state);

create table meeting (
    id              bigint generated always as identity primary key,
    pairing_id      bigint      not null references pairing (id) on delete cascade,
    scheduled_at    timestamptz not null,
    recorded_by     bigint      references person (id) on delete set null,
    status          text        not null default 'planned' check (status in ('planned', 'held', 'missed', 'cancelled')),
    created_at      timestamptz not null
);
create index meeting_pairing on meeting (pairing_id, scheduled_at);

-- "Did you meet?" answers, one per person per pairing per cadence window.
create table check_in (
    id              bigint generated always as identity primary key,
    pairing_id      bigint      not null references pairing (id) on delete cascade,
    person_id       bigint      not null references person (id) on delete cascade,
    window_start    date        not null,
    answer          text        not null check (answer in ('met', 'not_yet', 'rescheduled')),
    answered_at     timestamptz not null,
    unique (pairing_id, person_id, window_start)
);

-- Private reflections: readable by the author only; the text is sealed with AES-GCM.
create table reflection (
    id                      bigint generated always as identity primary key,
    author_person_id        bigint      not null references person (id) on delete cascade,
    pairing_id              bigint      references pairing (id) on delete set null,
    sealed_text             bytea       not null,
    shared_with_partner     boolean     not null default false,
    created_at              timestamptz not null
);
create index reflection_author on reflection (author_person_id);

create table audit_log (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    actor_person_id bigint      references person (id) on delete set null,
    actor           text        not null,
    action          text        not null,
    program_id      bigint      references program (id) on delete set null,
    subject         text        not null default '',
    outcome         text        not null default 'done' check (outcome in ('done', 'refused'))
);
create index audit_log_program on audit_log (program_id, at);
