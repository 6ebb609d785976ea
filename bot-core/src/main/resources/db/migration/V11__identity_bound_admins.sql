-- Authority belongs to a platform identity (platform, installation, user id), never to a user id
-- alone: a user id is unique only inside its Slack workspace (or org-wide Enterprise Grid
-- install) or Teams tenant.
--
-- Each grant is bound to every identity its person has today, so nobody loses a right they held
-- where they used it; a grant whose person has no identity yet stays unbound (platform null) and
-- is bound on that person's first request, to the identity they arrive with (AdminsInDatabase).
alter table workspace_admin drop constraint workspace_admin_pkey;
alter table workspace_admin
    add column platform        text check (platform in ('slack', 'teams')),
    add column installation_id text,
    add column user_id         text,
    add constraint workspace_admin_identity check ((platform is null) = (installation_id is null)
                                                   and (platform is null) = (user_id is null));
insert into workspace_admin (person_id, granted_at, platform, installation_id, user_id)
select a.person_id, a.granted_at, i.platform, i.workspace_id, i.user_id
  from workspace_admin a join platform_identity i on i.person_id = a.person_id
 where a.platform is null;
delete from workspace_admin a
 where a.platform is null and exists (select 1 from platform_identity i where i.person_id = a.person_id);
create unique index workspace_admin_by_identity on workspace_admin (platform, installation_id, user_id)
    where platform is not null;
create unique index workspace_admin_unbound on workspace_admin (person_id) where platform is null;
create index workspace_admin_person on workspace_admin (person_id);
