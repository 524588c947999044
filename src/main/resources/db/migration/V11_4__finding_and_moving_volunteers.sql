-- Finding volunteers by name prefix, and moving a volunteer's home community. README "Volunteers:
-- personal data, finding and moving".

-- Staff find the volunteers of the communities they serve by the start of a name: one range of
-- this index per community, already in the order the results are listed (name, then id). Byte
-- ("C") order, so that LIKE 'prefix%' is a range whatever the database's collation is, and the
-- id, so that the ids of a page come from the index alone. Its leading column serves every
-- lookup volunteer_home served, so that one goes.
create index volunteer_home_name on volunteer (home_community_id, name collate "C", id);
drop index volunteer_home;

-- Every change of a volunteer's home community, who made it and when: the audit of moves. Written
-- once, never changed (the trigger refuses it to every role, the service's included).
create table volunteer_move (
    id                bigint generated always as identity primary key,
    volunteer_id      bigint not null references volunteer (id),
    from_community_id bigint not null references region (id),
    to_community_id   bigint not null references region (id),
    moved_by          text   not null,
    moved_at          timestamptz not null default now(),
    check (from_community_id <> to_community_id)
);
create index volunteer_move_volunteer on volunteer_move (volunteer_id, id);

create function refuse_volunteer_move_change() returns trigger language plpgsql as $$
begin
    raise exception 'the volunteer moves are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'TB100';
end $$;
create trigger volunteer_move_append_only before update or delete on volunteer_move
    for each row execute function refuse_volunteer_move_change();
create trigger volunteer_move_no_truncate before truncate on volunteer_move
    for each statement execute function refuse_volunteer_move_change();

-- A board ranks the volunteers who live in its subtree now: a folded delta re-homes its score rows
-- to the volunteer's home community at fold time (V9 kept the region a row was created with, so
-- a volunteer who moved kept scoring in the old community until the period ended). A move appends
-- a delta without a service day, which re-reads home and visibility into every score row. The
-- histograms follow: a touched row's old values leave its old district and city, the new ones
-- enter the new. Only the ON CONFLICT clause differs from V9.
create or replace function leaderboard_fold(p_limit int) returns int language plpgsql as $$
declare
    n int;
    today date := leaderboard_today();
begin
    if not pg_try_advisory_xact_lock(hashtext(current_schema() || '.leaderboard_fold')) then
        return 0;
    end if;
    with d as (
        delete from leaderboard_delta
         where id in (select id from leaderboard_delta order by id limit p_limit)
        returning volunteer_id, served_on, minutes, points
    ), v as (
        select vo.id, vo.leaderboard_hidden as hidden, r.path
          from volunteer vo join region r on r.id = vo.home_community_id
         where vo.id in (select volunteer_id from d)
         order by vo.id
           for share of vo
    ), k as (
        select x.volunteer_id, x.period, x.period_start, sum(x.minutes) as minutes, sum(x.points) as points
          from (select d.volunteer_id, p.period, leaderboard_period_start(p.period, d.served_on) as period_start,
                       d.minutes, d.points
                  from d cross join (values (1::smallint), (2::smallint), (3::smallint), (4::smallint)) p(period)
                 where d.served_on is not null
                union all
                select s.volunteer_id, s.period, s.period_start, 0, 0
                  from leaderboard_score s
                 where s.volunteer_id in (select volunteer_id from d where served_on is null)) x
         where x.period_start >= leaderboard_keep_from(x.period, today)
         group by x.volunteer_id, x.period, x.period_start
    ), old as (
        select s.* from leaderboard_score s join k using (volunteer_id, period, period_start)
    ), up as (
        insert into leaderboard_score as s (volunteer_id, period, period_start, community_id, street_id,
                                            district_id, city_id, minutes, points, hidden)
        select k.volunteer_id, k.period, k.period_start, v.path[4], v.path[3], v.path[2], v.path[1],
               k.minutes, k.points, v.hidden
          from k join v on v.id = k.volunteer_id
        on conflict (volunteer_id, period, period_start) do update
           set minutes = s.minutes + excluded.minutes, points = s.points + excluded.points, hidden = excluded.hidden,
               community_id = excluded.community_id, street_id = excluded.street_id,
               district_id = excluded.district_id, city_id = excluded.city_id
        returning s.period, s.period_start, s.district_id, s.city_id, s.minutes, s.points, s.hidden
    ), h as (
        -- each touched row's old values leave the histograms, its new ones enter
        insert into leaderboard_histogram as h (region_id, period, period_start, metric, value, volunteers)
        select c.region_id, c.period, c.period_start, c.metric, c.value, sum(c.n)
          from (select e.region_id, o.period, o.period_start, e.metric, e.value, -1 as n
                  from old o, leaderboard_histogram_entries(o.district_id, o.city_id, o.minutes, o.points, o.hidden) e
                union all
                select e.region_id, u.period, u.period_start, e.metric, e.value, 1
                  from up u, leaderboard_histogram_entries(u.district_id, u.city_id, u.minutes, u.points, u.hidden) e) c
         group by c.region_id, c.period, c.period_start, c.metric, c.value
        having sum(c.n) <> 0
        on conflict (region_id, period, period_start, metric, value) do update
           set volunteers = h.volunteers + excluded.volunteers
    )
    select count(*) into n from d;
    return n;
end $$;
