// One full-text index for the search question: names, titles and summaries.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Company|Product|Plan|Practice|Incident|Authority|Party|Provision|Purpose)
ON EACH [n.name, n.title, n.summary];
