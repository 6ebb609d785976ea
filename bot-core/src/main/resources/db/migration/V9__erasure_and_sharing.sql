-- Erasure (forget-me, forget @person) and opt-in sharing (docs/PRIVACY.md).

-- A person may let coordinators see their sealed focus areas (in exports); null: they did not.
alter table participant add column focus_areas_shared_at timestamptz;

-- Erasing a person deletes their participations, but the program keeps its anonymous
-- aggregates: the pairing row stays (ended), with the erased side set to null.
alter table pairing alter column mentor_id drop not null;
alter table pairing alter column mentee_id drop not null;
alter table pairing drop constraint pairing_mentor_id_fkey;
alter table pairing drop constraint pairing_mentee_id_fkey;
alter table pairing add constraint pairing_mentor_id_fkey
    foreign key (mentor_id) references participant (id) on delete set null;
alter table pairing add constraint pairing_mentee_id_fkey
    foreign key (mentee_id) references participant (id) on delete set null;
