-- How each posting moves its account's four columns, stated once for every reader that sums
-- the journal (trial balance, account checks). ledger_post applies the same rule to its input.
create view posting_movement as
select transaction_id,
       account_id,
       case when phase = 0 and amount < 0 then -amount else 0 end as debits_posted,
       case when phase = 0 and amount > 0 then amount else 0 end as credits_posted,
       case when phase = 1 and amount < 0 then -amount
            when phase = 2 and amount < 0 then amount else 0 end as debits_pending,
       case when phase = 1 and amount > 0 then amount
            when phase = 2 and amount > 0 then -amount else 0 end as credits_pending
  from posting;
