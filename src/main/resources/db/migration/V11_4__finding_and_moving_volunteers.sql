-- Finding volunteers by name prefix. README "Volunteers: personal data, finding and moving".

-- Staff find the volunteers of the communities they serve by the start of a name: one range of
-- this index per community, already in the order the results are listed (name, then id). Byte
-- ("C") order, so that LIKE 'prefix%' is a range whatever the database's collation is, and the
-- id, so that the ids of a page come from the index alone. Its leading column serves every
-- lookup volunteer_home served, so that one goes.
create index volunteer_home_name on volunteer (home_community_id, name collate "C", id);
drop index volunteer_home;
