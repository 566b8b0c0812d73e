-- benefit-calculation: the facts of the asset exemptions (§ 12(1) S. 2 Nr. 3, 5 SGB II) and of the parental allowance
-- left free (§ 10(5) BEEG), as the registry now declares them (registry.assets-declared, registry.income-declared).
-- Declarations without them: no exemption, nothing left free.
alter table bf_asset add column owner_occupied boolean not null default false;
alter table bf_asset add column living_space integer;
alter table bf_asset add column house boolean not null default false;
alter table bf_asset add column recognised_pension_provision boolean not null default false;
alter table bf_income add column earned_before_birth boolean not null default false;
