-- Each re-assessment of the yearly review keeps the figures and explanation it used, sealed like a decision's.
alter table hardship_review_item add column figures_enc text;
