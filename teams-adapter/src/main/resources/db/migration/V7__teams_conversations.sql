-- Microsoft Teams: what the bot needs to reach a person later (proactive messages). Teams has
-- no "open a DM with this user id" call that works without context: the bot must keep the
-- conversation reference (and its service URL, which can change) from the activities it sees.
create table teams_person (
    tenant_id                text        not null,
    aad_object_id            text        not null,
    -- the Bot Framework user id (29:...), needed to create a conversation with the person
    user_id                  text        not null,
    display_name             text,
    -- the latest service URL seen for this person: where proactive calls go
    service_url              text        not null,
    -- the bot's 1:1 conversation with the person, once known, as the SDK's ConversationReference JSON
    personal_conversation_id text,
    personal_reference       jsonb,
    seen_at                  timestamptz not null,
    primary key (tenant_id, aad_object_id)
);
create index teams_person_conversation on teams_person (personal_conversation_id);

-- Which delivery keys were sent into which conversation: Teams offers bots no message search,
-- so this is how a retried delivery finds the message it already sent instead of sending twice.
create table teams_delivery (
    conversation_id text        not null,
    delivery_key    text        not null,
    activity_id     text        not null,
    sent_at         timestamptz not null,
    primary key (conversation_id, delivery_key)
);
