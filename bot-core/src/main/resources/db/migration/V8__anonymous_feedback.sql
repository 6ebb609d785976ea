-- Anonymous feedback campaigns and pre/post self-assessment surveys (docs/PRIVACY.md).
--
-- What is stored is shaped so that nobody with the database can tell who said what:
--   * while a campaign is open, every answer so far sits in ONE sealed value on the campaign
--     row (the ballot box: shuffled, each ballot padded to the same size, AES-GCM sealed), so
--     no answer has a row, a ctid, an xmin or a position of its own;
--   * a receipt (an HMAC of person and campaign under a key derived from MENTORING_SECRET_KEY)
--     stops a second answer; it says nothing about what was answered, and is deleted at close;
--   * at close the ballots are written out in one statement, in random order, with random ids,
--     no person, no time; fewer than k ballots are discarded unread.

-- Forms are data, per program and purpose; a program without its own form uses the default.
create table feedback_form (
    program_id  bigint      not null references program (id) on delete cascade,
    purpose     text        not null check (purpose in ('feedback', 'pre_survey', 'post_survey')),
    form        jsonb       not null,
    updated_at  timestamptz not null,
    primary key (program_id, purpose)
);

create table feedback_campaign (
    id                  bigint generated always as identity primary key,
    program_id          bigint      not null references program (id) on delete cascade,
    purpose             text        not null check (purpose in ('feedback', 'pre_survey', 'post_survey')),
    -- who opened it: the schedule ('kickoff', 'midpoint', 'closing', once each) or a coordinator ('manual')
    origin              text        not null check (origin in ('kickoff', 'midpoint', 'closing', 'manual')),
    audience            text        not null check (audience in ('mentors', 'mentees', 'everyone')),
    -- the form as it was when the campaign opened: later edits do not change what people answered
    form                jsonb       not null,
    -- k as it was when the campaign opened (the program setting, never below 3)
    anonymity_threshold integer     not null check (anonymity_threshold >= 3),
    opened_at           timestamptz not null,
    closes_at           timestamptz not null,
    closed_at           timestamptz,
    -- true once the ballots were written out (or discarded, below k) and the receipts deleted
    released            boolean     not null default false,
    ballot_box          bytea,
    ballots             integer     not null default 0,
    invited             integer     not null default 0,
    constraint feedback_campaign_dates check (opened_at < closes_at)
);
create index feedback_campaign_program on feedback_campaign (program_id, id);
-- the schedule opens each of its campaigns once, however often it is asked
create unique index feedback_campaign_scheduled on feedback_campaign (program_id, purpose, origin)
    where origin <> 'manual';
-- at most one campaign per purpose collects answers at a time
create unique index feedback_campaign_one_open on feedback_campaign (program_id, purpose)
    where not released;

-- "This person has answered this campaign": nothing else, and no time.
create table feedback_receipt (
    campaign_id bigint not null references feedback_campaign (id) on delete cascade,
    receipt     bytea  not null,
    primary key (campaign_id, receipt)
);

-- Released answers: a random id, the campaign, the role only when every role group reached k.
-- No person, no participant, no time.
create table feedback_response (
    id          uuid   primary key,
    campaign_id bigint not null references feedback_campaign (id) on delete cascade,
    role        text   check (role in ('mentor', 'mentee')),
    answers     jsonb  not null
);

-- Campaign invitations go through the nudge ledger like every other message.
alter table nudge drop constraint nudge_kind_check;
alter table nudge add constraint nudge_kind_check check (kind in
    ('introduction', 'book_first_meeting', 'mentor_preparation', 'meeting_reminder',
     'check_in', 'reflection', 'stalled', 'at_risk', 'kickoff', 'midpoint', 'closing',
     'feedback_campaign', 'proposal', 'proposal_withdrawn', 'help_request', 'coordinator_nudge',
     'feedback_invitation'));
