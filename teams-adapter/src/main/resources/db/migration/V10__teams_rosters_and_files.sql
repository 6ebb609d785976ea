-- Microsoft Teams: the teams and group chats the bot is installed in. Their member lists
-- (the connector's pagedmembers, which carry email and AAD object id) are how the bot finds
-- people it has never talked to, such as participants a coordinator imported by email.
create table teams_roster (
    -- a team's id (its General channel's thread id) or a group chat's conversation id
    conversation_id text        primary key,
    tenant_id       text        not null,
    service_url     text        not null,
    kind            text        not null check (kind in ('team', 'groupChat')),
    seen_at         timestamptz not null
);

-- Files offered through Teams' file-consent card (reports, exports, a person's own data),
-- waiting for the person to accept or decline. The content is personal data: it is sealed
-- with the instance's secret key, bound to its conversation, and deleted once answered or
-- expired. It lives here, not in memory, because the answer may reach another replica.
create table teams_pending_file (
    id              uuid        primary key,
    conversation_id text        not null,
    file_name       text        not null,
    sealed          bytea       not null,
    expires_at      timestamptz not null
);
create index teams_pending_file_expiry on teams_pending_file (expires_at);
