-- The nudge ledger: every message the bot plans to send on its own initiative is one row here,
-- from planning to delivery (or to the reason it was not delivered).

create table nudge (
    id                  bigint generated always as identity primary key,
    -- kind/scope/recipient/window, e.g. check_in/pairing:7/person:12/window:2026-01-19;
    -- planning the same nudge twice, or by two instances at once, hits this key
    idempotency_key     text        not null,
    program_id          bigint      not null references program (id) on delete cascade,
    pairing_id          bigint      references pairing (id) on delete cascade,
    -- null for a message to the pair's group conversation and for program-level entries
    recipient_person_id bigint      references person (id) on delete cascade,
    audience            text        not null check (audience in ('person', 'pair', 'program')),
    kind                text        not null check (kind in
                          ('introduction', 'book_first_meeting', 'mentor_preparation', 'meeting_reminder',
                           'check_in', 'reflection', 'stalled', 'at_risk', 'kickoff', 'midpoint', 'closing',
                           'feedback_campaign')),
    window_ref          text        not null,
    -- when it should go out, already inside the recipient's working hours
    due_at              timestamptz not null,
    -- after this it is no use any more (a reminder after the meeting, a check-in after the next one)
    expires_at          timestamptz,
    state               text        not null default 'planned' check (state in
                          ('planned', 'sending', 'sent', 'skipped', 'failed_retrying', 'dead', 'cancelled')),
    attempts            integer     not null default 0,
    -- when a worker may next pick the row up: due_at, a deferral, a backoff, or the lease's end
    next_attempt_at     timestamptz not null,
    lease_owner         text,
    lease_until         timestamptz,
    conversation_id     text,
    platform_message_id text,
    -- an error or skip CODE (e.g. user_not_found, recipient_snoozed), never message text
    last_error          text,
    created_at          timestamptz not null,
    sent_at             timestamptz,
    constraint nudge_recipient check ((audience = 'person') = (recipient_person_id is not null)),
    constraint nudge_pair check (audience <> 'pair' or pairing_id is not null)
);
create unique index nudge_idempotency_key on nudge (idempotency_key);
-- claiming reads only rows that can still go out, oldest first: the cost follows what is due
create index nudge_claimable on nudge (next_attempt_at, id) where state in ('planned', 'failed_retrying', 'sending');
create index nudge_dead_letters on nudge (program_id, id) where state = 'dead';
create index nudge_pairing on nudge (pairing_id, kind);
create index nudge_recipient on nudge (recipient_person_id);

-- Where each active pairing's schedule has been planned up to: the planner only reads the
-- pairings whose next window comes within its horizon, never all of them.
create table nudge_plan_cursor (
    pairing_id      bigint      primary key references pairing (id) on delete cascade,
    -- 0: the activation nudges are still to plan; k: cadence window k is next
    next_window     integer     not null,
    next_plan_at    timestamptz not null
);
create index nudge_plan_cursor_next on nudge_plan_cursor (next_plan_at);

-- How far the planner has read event streams (activations, bookings, check-ins), and which
-- program milestones it has planned.
create table nudge_planner_mark (
    name        text        primary key,
    seen_until  timestamptz not null
);

-- The planner follows these streams by time instead of scanning every pairing.
create index pairing_activated_at on pairing (activated_at) where activated_at is not null;
create index meeting_created_at on meeting (created_at);
create index check_in_met on check_in (answered_at) where answer = 'met';
