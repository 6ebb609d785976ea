-- Opening and closing feedback campaigns sends nothing: it leaves the nudge ledger (which now
-- carries messages only) for scheduled work of its own, done once by the campaign milestone job.
create table campaign_milestone (
    id           bigint      generated always as identity primary key,
    program_id   bigint      not null references program (id) on delete cascade,
    action       text        not null check (action in ('open', 'close')),
    -- open: the program milestone whose scheduled campaigns open
    opens        text        check (opens in ('kickoff', 'midpoint', 'closing')),
    -- close: the campaign whose answers are released
    campaign_id  bigint      references feedback_campaign (id) on delete cascade,
    due_at       timestamptz not null,
    done_at      timestamptz,
    -- an opening that came due after the program had switched feedback campaigns off
    switched_off boolean     not null default false,
    constraint campaign_milestone_what check (
        (action = 'open' and opens is not null and campaign_id is null)
        or (action = 'close' and campaign_id is not null and opens is null))
);
-- planning the same step twice, or by two instances at once, hits one of these
create unique index campaign_milestone_open on campaign_milestone (program_id, opens) where action = 'open';
create unique index campaign_milestone_close on campaign_milestone (campaign_id) where action = 'close';
-- the job reads only what waits, oldest first
create index campaign_milestone_due on campaign_milestone (due_at, id) where done_at is null;

-- The ledger's campaign rows move over: those still waiting, to be done at their time; those done, as done.
insert into campaign_milestone (program_id, action, opens, campaign_id, due_at, done_at, switched_off)
select n.program_id,
       case when n.window_ref like 'close:%' then 'close' else 'open' end,
       case when n.window_ref like 'close:%' then null else n.window_ref end,
       case when n.window_ref like 'close:%' then substr(n.window_ref, 7)::bigint end,
       n.due_at,
       case when n.state in ('sent', 'cancelled') then coalesce(n.sent_at, n.due_at) end,
       n.state = 'cancelled'
from nudge n
where n.kind = 'feedback_campaign'
  and (n.state in ('planned', 'sending', 'failed_retrying', 'sent')
       or (n.state = 'cancelled' and n.last_error = 'switched_off'))
  and (n.window_ref not like 'close:%'
       or exists (select 1 from feedback_campaign c where c.id = substr(n.window_ref, 7)::bigint))
order by n.id
on conflict do nothing;

delete from nudge where kind = 'feedback_campaign';

alter table nudge drop constraint nudge_kind_check;
alter table nudge add constraint nudge_kind_check check (kind in
    ('introduction', 'book_first_meeting', 'mentor_preparation', 'meeting_reminder',
     'check_in', 'reflection', 'stalled', 'at_risk', 'kickoff', 'midpoint', 'closing',
     'proposal', 'proposal_withdrawn', 'help_request', 'coordinator_nudge',
     'feedback_invitation', 'unmatched'));
