-- benefit-calculation: which version of the rule data the decisions were reviewed against (RuleChangeAmendments)
create table rule_data_review (
    fingerprint text primary key,
    reviewed_at timestamptz not null,
    cases       int not null
);
