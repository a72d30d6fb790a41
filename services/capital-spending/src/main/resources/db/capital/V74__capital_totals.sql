-- What the capital snapshot reads, maintained in the same transaction as the contract states
-- they sum, so that a refresh costs O(OPDs × sub-kegiatan) and not O(contracts) (issue 11).
-- Per sub-kegiatan rather than per priority project: the projects are configuration (a project
-- lists its sub-kegiatan), so a changed configuration needs no migration. V74: after the core's
-- V60 (a database migrated before this file still accepts it in order) and a number no other
-- service's migrations use. CapitalBatchingPropertyIntegrationTests checks it against a model.
create table capital_total (
    pemda              text          not null,
    fiscal_year        integer       not null,
    opd                text          not null,
    sub_activity       text          not null,
    contracts          bigint        not null,
    -- sum of contract_value
    contracted         numeric(18,2) not null,
    -- sum of paid (net of reversals)
    paid               numeric(18,2) not null,
    -- sum of contract_value × physical_progress (percent): the value-weighted progress
    progress_value     numeric(24,4) not null,
    -- sum of contract_value − paid over the contracts handed over (BAST)
    handed_over_unpaid numeric(18,2) not null,
    planned_end        date          not null,
    primary key (pemda, fiscal_year, opd, sub_activity)
);

insert into capital_total (pemda, fiscal_year, opd, sub_activity, contracts, contracted, paid, progress_value,
    handed_over_unpaid, planned_end)
select pemda, fiscal_year, opd, sub_activity, count(*), sum(contract_value), sum(paid),
       sum(contract_value * physical_progress),
       coalesce(sum(contract_value - paid) filter (where handed_over_on is not null), 0), max(planned_end)
from capital_contract group by pemda, fiscal_year, opd, sub_activity;
