-- Messages to people other than the one who acted go through the ledger too, with its
-- guarantees: proposals to each side, the withdrawal notice, help requests, coordinator nudges.
alter table nudge drop constraint nudge_kind_check;
alter table nudge add constraint nudge_kind_check check (kind in
    ('introduction', 'book_first_meeting', 'mentor_preparation', 'meeting_reminder',
     'check_in', 'reflection', 'stalled', 'at_risk', 'kickoff', 'midpoint', 'closing',
     'feedback_campaign', 'proposal', 'proposal_withdrawn', 'help_request', 'coordinator_nudge'));
