-- The resources list (供需对接): what a volunteer can do (categories of service) and when they are
-- usually free (weekly slots, Asia/Shanghai local time). Volunteers filter open needs by them; staff
-- read the list of their regions to match needs with people.
create table volunteer_skill (
    volunteer_id bigint not null references volunteer (id),
    category     text   not null check (category ~ '^[A-Z][A-Z0-9_]{0,39}$'),
    primary key (volunteer_id, category)
);
create index volunteer_skill_category on volunteer_skill (category, volunteer_id);

create table volunteer_availability (
    volunteer_id bigint   not null references volunteer (id),
    weekday      smallint not null check (weekday between 1 and 7), -- ISO: 1 Monday .. 7 Sunday
    starts_at    time     not null,
    ends_at      time     not null,
    check (ends_at > starts_at),
    primary key (volunteer_id, weekday, starts_at)
);
