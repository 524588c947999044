-- Who may withdraw stored hours, per region (inherited with the rest of the service rule): a
-- minimum of stored minutes the payer must hold, and whether the requester needs a need approved by
-- staff (the stand-in for an age threshold such as Shanghai's 65: volunteers carry no birth date).
alter table service_rule add column min_stored_minutes bigint check (min_stored_minutes > 0);
alter table service_rule add column approved_need_required boolean not null default false;

-- Staff's approval of a resident's need to be served (one row per volunteer; a withdrawal removes it).
create table service_eligibility (
    volunteer_id bigint      primary key references volunteer (id),
    approved_by  text        not null check (length(approved_by) between 1 and 100),
    approved_at  timestamptz not null default now(),
    reason       text        not null check (length(reason) between 1 and 500)
);
