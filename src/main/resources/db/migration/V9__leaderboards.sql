-- Leaderboards: the top volunteers of a region's subtree for the current week, month or year
-- (Asia/Shanghai calendar) or all time, by minutes served or points earned. README "Leaderboards".
--
-- The scores are derived from approved hour claims and kept off the approval's path: an approval
-- or reversal appends a delta, and one folder at a time (advisory lock) turns the deltas into
-- score rows and rank histograms, a few times a second. Period codes: 1 WEEK (ISO, from Monday),
-- 2 MONTH, 3 YEAR, 4 ALL (period_start 1970-01-01).

-- A volunteer's choice to stay off public boards (they still see their own rank).
alter table volunteer add column leaderboard_hidden boolean not null default false;

-- What approvals and reversals add to a volunteer's scores, awaiting the folder. served_on is the
-- claim's service day; a row without one asks the folder to re-read the volunteer's visibility.
create table leaderboard_delta (
    id           bigint generated always as identity primary key,
    volunteer_id bigint not null,
    served_on    date,
    minutes      bigint not null default 0,
    points       bigint not null default 0
);

-- One row per volunteer and period, carrying the four regions of the home community's path, so
-- that each level's board is one index range. Rows of past periods are purged (see
-- leaderboard_keep_from): boards show the current period.
create table leaderboard_score (
    volunteer_id bigint   not null references volunteer (id),
    period       smallint not null check (period between 1 and 4),
    period_start date     not null,
    community_id bigint   not null,
    street_id    bigint   not null,
    district_id  bigint   not null,
    city_id      bigint   not null,
    minutes      bigint   not null,
    points       bigint   not null,
    hidden       boolean  not null,
    primary key (volunteer_id, period, period_start)
);
-- top-N of each level and metric, ties by volunteer id (the order the boards document)
create index leaderboard_community_minutes on leaderboard_score (community_id, period, period_start, minutes desc, volunteer_id) where not hidden;
create index leaderboard_community_points  on leaderboard_score (community_id, period, period_start, points desc, volunteer_id) where not hidden;
create index leaderboard_street_minutes    on leaderboard_score (street_id, period, period_start, minutes desc, volunteer_id) where not hidden;
create index leaderboard_street_points     on leaderboard_score (street_id, period, period_start, points desc, volunteer_id) where not hidden;
create index leaderboard_district_minutes  on leaderboard_score (district_id, period, period_start, minutes desc, volunteer_id) where not hidden;
create index leaderboard_district_points   on leaderboard_score (district_id, period, period_start, points desc, volunteer_id) where not hidden;
create index leaderboard_city_minutes      on leaderboard_score (city_id, period, period_start, minutes desc, volunteer_id) where not hidden;
create index leaderboard_city_points       on leaderboard_score (city_id, period, period_start, points desc, volunteer_id) where not hidden;

-- How many visible volunteers of a district or city hold each value, so that a rank there is a
-- sum over the values above it instead of a count over up to millions of index entries. Streets
-- and communities (a few thousand volunteers) are counted on the score indexes. Metric: 1 minutes,
-- 2 points. volunteers has no ">= 0" CHECK: PostgreSQL checks the proposed row of an INSERT ... ON
-- CONFLICT DO UPDATE, which carries the (negative) change; leaderboard_rebuild() recomputes it.
create table leaderboard_histogram (
    region_id    bigint   not null,
    period       smallint not null check (period between 1 and 4),
    period_start date     not null,
    metric       smallint not null check (metric in (1, 2)),
    value        bigint   not null check (value > 0),
    volunteers   integer  not null,
    primary key (region_id, period, period_start, metric, value)
);

-- The first day of the period holding p_day. The service computes the same in Java (LeaderboardPeriod).
create function leaderboard_period_start(p_period smallint, p_day date) returns date
language sql immutable as $$
    select case p_period
               when 1 then date_trunc('week', p_day::timestamp)::date
               when 2 then date_trunc('month', p_day::timestamp)::date
               when 3 then date_trunc('year', p_day::timestamp)::date
               else date '1970-01-01'
           end
$$;

-- Scores are kept for the current and the previous period; older ones are purged.
create function leaderboard_keep_from(p_period smallint, p_today date) returns date
language sql immutable as $$
    select case p_period
               when 1 then leaderboard_period_start(p_period, p_today - 7)
               when 2 then leaderboard_period_start(p_period, (p_today - interval '1 month')::date)
               when 3 then leaderboard_period_start(p_period, (p_today - interval '1 year')::date)
               else date '1970-01-01'
           end
$$;

create function leaderboard_today() returns date language sql stable as $$
    select (now() at time zone 'Asia/Shanghai')::date
$$;

-- The histogram entries one score row stands for: its district and city, for each metric with a
-- positive value; none while the volunteer is off the boards.
create function leaderboard_histogram_entries(p_district bigint, p_city bigint, p_minutes bigint, p_points bigint,
                                              p_hidden boolean)
returns table (region_id bigint, metric smallint, value bigint) language sql immutable as $$
    select r.id, m.metric, m.value
      from unnest(array[p_district, p_city]) r(id)
     cross join (values (1::smallint, p_minutes), (2::smallint, p_points)) m(metric, value)
     where not p_hidden and m.value > 0
$$;

-- Folds up to p_limit deltas into the scores and the histograms, in one statement; returns how
-- many deltas. One folder at a time: the histograms have a single writer, so their hot rows (a
-- city's common values) are never contended. Volunteers are read FOR SHARE so that a visibility
-- change committing meanwhile waits, and its own delta re-reads the flag afterwards.
create function leaderboard_fold(p_limit int) returns int language plpgsql as $$
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
           set minutes = s.minutes + excluded.minutes, points = s.points + excluded.points, hidden = excluded.hidden
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

-- Recomputes every score and histogram from the approved claims (after a bulk load, or to repair).
-- One statement: the deltas it drops and the claims it reads come from the same snapshot, so an
-- approval committing meanwhile is counted exactly once (by its delta, folded later).
create function leaderboard_rebuild() returns bigint language plpgsql as $$
declare
    n bigint;
    today date := leaderboard_today();
begin
    perform pg_advisory_xact_lock(hashtext(current_schema() || '.leaderboard_fold'));
    delete from leaderboard_score;
    delete from leaderboard_histogram;
    with dropped as (
        delete from leaderboard_delta where served_on is not null returning 1
    ), scores as (
        insert into leaderboard_score (volunteer_id, period, period_start, community_id, street_id, district_id,
                                       city_id, minutes, points, hidden)
        select c.volunteer_id, p.period,
               leaderboard_period_start(p.period, (c.starts_at at time zone 'Asia/Shanghai')::date) as start,
               r.path[4], r.path[3], r.path[2], r.path[1], sum(c.credited_minutes), sum(c.points), vo.leaderboard_hidden
          from hour_claim c
          join volunteer vo on vo.id = c.volunteer_id
          join region r on r.id = vo.home_community_id
         cross join (values (1::smallint), (2::smallint), (3::smallint), (4::smallint)) p(period)
         where c.status = 'APPROVED'
           and leaderboard_period_start(p.period, (c.starts_at at time zone 'Asia/Shanghai')::date)
               >= leaderboard_keep_from(p.period, today)
         group by c.volunteer_id, p.period, start, r.path, vo.leaderboard_hidden
        returning period, period_start, district_id, city_id, minutes, points, hidden
    ), histogram as (
        insert into leaderboard_histogram (region_id, period, period_start, metric, value, volunteers)
        select e.region_id, s.period, s.period_start, e.metric, e.value, count(*)
          from scores s, leaderboard_histogram_entries(s.district_id, s.city_id, s.minutes, s.points, s.hidden) e
         group by e.region_id, s.period, s.period_start, e.metric, e.value
    )
    select count(*) into n from scores;
    return n;
end $$;

-- Drops the scores and histogram rows of periods no board shows any more.
create function leaderboard_purge() returns int language plpgsql as $$
declare
    n int;
    today date := leaderboard_today();
begin
    if not pg_try_advisory_xact_lock(hashtext(current_schema() || '.leaderboard_fold')) then
        return 0;
    end if;
    delete from leaderboard_score where period_start < leaderboard_keep_from(period, today);
    get diagnostics n = row_count;
    delete from leaderboard_histogram where period_start < leaderboard_keep_from(period, today) or volunteers = 0;
    return n;
end $$;
