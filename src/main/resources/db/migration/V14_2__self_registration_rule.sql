-- Whether residents may register themselves as volunteers from the mini-program (issue 14): a rule
-- of a region, inherited down the tree like the others (V12_3: the nearest region's rule applies).
-- Without a rule on the path, self-registration is closed.
create table self_registration_rule (
    region_id bigint primary key references region (id),
    allowed   boolean not null,
    set_by    text    not null,
    set_at    timestamptz not null default now()
);
