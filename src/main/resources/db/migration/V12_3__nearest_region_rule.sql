-- Several rules belong to a region and are inherited down the tree: conversion rules, the
-- redemption minimum, transfer rules, points expiry. Each applies the rule of the nearest region on
-- the path: the region itself first, then its parent, up to the city. This function states "nearest"
-- once: how far up a path (region.path, from the city down to the region) a region is, 0 for the
-- region itself, 1 for its parent; null if it is not on the path. A lookup takes the rules on the
-- path and the least distance:
--
--   select ... from redemption_rule rr where rr.region_id = any (h.path)
--   order by region_path_distance(h.path, rr.region_id) limit 1
--
-- `region_id = any (path)` lets the rule table's primary key find the (at most four) candidates.
-- The function is one SQL expression, immutable and not strict, so the planner inlines it.
create function region_path_distance(p_path bigint[], p_region_id bigint) returns integer
language sql immutable parallel safe as $$
    select cardinality(p_path) - array_position(p_path, p_region_id)
$$;
