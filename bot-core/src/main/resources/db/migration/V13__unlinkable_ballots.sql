-- Anonymous answers that stay unlinkable against someone who holds the whole data directory
-- (tables and WAL), the server secret and the logs (docs/PRIVACY.md, "Anonymous feedback").
--
-- The ballot box of V8 was re-sealed at each answer, next to a receipt naming the person by
-- HMAC, in one transaction: with the key, two box versions in the WAL gave each answer its
-- author. Now:
--   * the invitation's button carries a ballot token (campaign, role, random nonce, MAC) that is
--     never stored with its recipient; the click and the submission never look the person up;
--   * an answer is written at once as a sealed ballot, encrypted to the public key of the
--     "mixer": one running instance, which keeps the private key in memory only (never on
--     disk, not derived from the server secret), so nobody with the data directory can open it;
--   * at fixed flush times the mixer moves sealed ballots into the ballot box in shuffled groups
--     of at least k per role (holding k back, so the last group at close has k too), and at
--     close it releases everything as before; fewer than k answers are never written readable;
--   * a used token (a hash of the nonce) stops a second answer with the same invitation; the
--     tokens are deleted at close.

-- design 1: the V8 box with receipts (campaigns opened before this version); design 2: this one.
alter table feedback_campaign add column design integer not null default 2 check (design in (1, 2));
update feedback_campaign set design = 1;
-- when the mixer last moved sealed ballots into the box (flush times are fixed: every hour)
alter table feedback_campaign add column flushed_at timestamptz;
-- answers lost because the mixer's key was lost (a restart) before they were written into the box
alter table feedback_campaign add column lost integer not null default 0;
-- invitations delivered again after an attempt that may have reached the person: each is a
-- person who may hold two tokens (shown with the results)
alter table feedback_campaign add column resent integer not null default 0;

-- The mixer: which instance holds the private key of the public key below, until when.
create table feedback_mixer (
    id          integer     primary key check (id = 1),
    key_id      uuid        not null,
    public_key  bytea       not null,
    holder      text        not null,
    lease_until timestamptz not null
);

-- Answers waiting to be mixed, each encrypted to the mixer's key. No person, no time column.
create table feedback_sealed_ballot (
    id          uuid   primary key,
    campaign_id bigint not null references feedback_campaign (id) on delete cascade,
    key_id      uuid   not null,
    token_hash  bytea  not null,
    sealed      bytea  not null
);
create index feedback_sealed_ballot_campaign on feedback_sealed_ballot (campaign_id);

-- "This invitation has been used": a hash of the token's nonce, nothing else; deleted at close.
create table feedback_token (
    campaign_id bigint not null references feedback_campaign (id) on delete cascade,
    token_hash  bytea  not null,
    primary key (campaign_id, token_hash)
);

-- Instances ready to take the mixer's place: each publishes a public key of its own, so a mixer
-- that stops cleanly can re-seal what waits to one of them and hand the lease over, losing nothing.
create table feedback_mixer_candidate (
    holder      text        primary key,
    key_id      uuid        not null,
    public_key  bytea       not null,
    seen_until  timestamptz not null
);
