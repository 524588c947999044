-- A held redemption of items is captured by naming the units the volunteer keeps: the others go
-- back to stock at the capture, as every unit does at a void or an expiry. Each line says so:
--   quantity           units taken from stock when the redemption was made (held or bought);
--   released_quantity  of those, units put back unsold (partial capture, void, expiry);
--   refunded_quantity  of the kept ones (quantity - released_quantity), units brought back later.
-- The shelf is short by quantity - released_quantity - refunded_quantity because of the line, and
-- nothing can return more units than were kept.
alter table redemption_line add column released_quantity integer not null default 0;

-- Voids and expiries before this migration put every unit back: say so. Item holds captured in part
-- by points before it cannot say which units were kept; their lines stay as they were, and refunds
-- of them remain bounded by the captured points (redemption.refunded_points).
update redemption_line l set released_quantity = l.quantity
  from redemption r where r.id = l.redemption_id and r.status in ('VOIDED', 'EXPIRED');

alter table redemption_line drop constraint redemption_line_check;
alter table redemption_line add constraint redemption_line_released_quantity_check
    check (released_quantity between 0 and quantity);
alter table redemption_line add constraint redemption_line_refunded_quantity_check
    check (refunded_quantity between 0 and quantity - released_quantity);

-- Backstop for any writer that gets the lines wrong: at commit, a redemption of items costs its
-- lines (points = sum of quantity x price); while HELD no unit is released; once CAPTURED the
-- captured points are the price of the kept units; VOIDED or EXPIRED, every unit is released.
-- Checked when lines are written and when a hold is resolved (the only times released_quantity
-- changes), so a redemption of points, the hot path, costs nothing here.
create function assert_redemption_lines_agree(p_redemption_id bigint) returns void language plpgsql as $$
begin
    if exists (select 1 from redemption r join redemption_line l on l.redemption_id = r.id
               where r.id = p_redemption_id
               group by r.id
               having r.points <> sum(l.quantity * l.points_price)
                   or (r.status = 'HELD' and bool_or(l.released_quantity > 0))
                   or (r.status = 'CAPTURED'
                       and r.captured_points <> sum((l.quantity - l.released_quantity) * l.points_price))
                   or (r.status in ('VOIDED', 'EXPIRED') and not bool_and(l.released_quantity = l.quantity))) then
        raise exception 'the lines of redemption % disagree with its points, status or captured points',
            p_redemption_id using errcode = 'TB201';
    end if;
end $$;

create function redemption_line_agrees() returns trigger language plpgsql as $$
begin
    perform assert_redemption_lines_agree(new.redemption_id);
    return null;
end $$;

create function redemption_resolution_agrees() returns trigger language plpgsql as $$
begin
    perform assert_redemption_lines_agree(new.id);
    return null;
end $$;

create constraint trigger redemption_line_agrees after insert on redemption_line
    deferrable initially deferred for each row execute function redemption_line_agrees();
create constraint trigger redemption_resolution_agrees after update of status on redemption
    deferrable initially deferred for each row when (old.status = 'HELD')
    execute function redemption_resolution_agrees();
