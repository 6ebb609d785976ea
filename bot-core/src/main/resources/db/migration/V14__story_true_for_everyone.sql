-- Lived-experience topics (such as LGBTQ+ inclusion or mental health) are named in the reason for
-- a match only with the person's own consent; an HR import never gives it.
alter table participant add column topics_shared_at timestamptz;

-- A pair with no language in common is proposed only if the program says so.
alter table program add column require_shared_language boolean not null default true;

-- People left without a partner are told so, privately, with why and what happens next.
alter table nudge drop constraint nudge_kind_check;
alter table nudge add constraint nudge_kind_check check (kind in
    ('introduction', 'book_first_meeting', 'mentor_preparation', 'meeting_reminder',
     'check_in', 'reflection', 'stalled', 'at_risk', 'kickoff', 'midpoint', 'closing',
     'feedback_campaign', 'proposal', 'proposal_withdrawn', 'help_request', 'coordinator_nudge',
     'feedback_invitation', 'unmatched'));
