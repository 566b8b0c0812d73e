-- Case-worker assignments take effect on a business date (caseloads of a month use the assignment in force).
alter table rp_caseworker add column effective_from date;
