-- Failed attempts at secret codes (check-in codes, payment codes), counted per scope (what is
-- limited: a caller, an activity, a shop) and key (which one). A window opens at the first failure
-- and ends at window_ends_at; a failure after it opens the next one. The counters live here, not in
-- a replica's memory, so that a limit holds whichever replica a guess reaches.
create table attempt_counter (
    scope          text        not null,
    key            text        not null,
    failures       integer     not null check (failures > 0),
    window_ends_at timestamptz not null,
    primary key (scope, key)
);
-- the purge deletes counters whose window has ended
create index attempt_counter_window_ends on attempt_counter (window_ends_at);
