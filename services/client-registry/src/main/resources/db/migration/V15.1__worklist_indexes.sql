-- The worklist selects a case worker's cases by any of the three assignment columns (a bitmap OR of these indexes).
create index case_directory_benefits_cw_idx on case_directory (benefits_caseworker) where benefits_caseworker is not null;
create index case_directory_placement_cw_idx on case_directory (placement_caseworker) where placement_caseworker is not null;
create index case_directory_case_manager_idx on case_directory (case_manager) where case_manager is not null;
