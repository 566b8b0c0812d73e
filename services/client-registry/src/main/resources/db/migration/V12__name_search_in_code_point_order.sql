-- Name search as a range in code-point order: "search_name collate C between prefix and its successor"
-- is served by these indexes with any plan (a LIKE with a parameter is not, under C.UTF-8), and the
-- keyset pagination orders the same way. One index for callers of one municipality, one for
-- district-wide callers (portals, district staff), who read the name order across all twelve.
drop index person_directory_name_idx;
create index person_directory_name_idx on person_directory (municipality, (search_name collate "C"), person_id);
create index person_directory_district_name_idx on person_directory ((search_name collate "C"), person_id);
