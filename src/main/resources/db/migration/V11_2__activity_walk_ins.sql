-- Attendance and check-ins count only volunteers who enrolled, unless the activity says walk-ins
-- are welcome. Activities published before this rule existed took anyone who came; they default
-- to enrolled-only like new ones, since nothing recorded which of them meant to welcome walk-ins.
alter table activity add column walk_ins_welcome boolean not null default false;
