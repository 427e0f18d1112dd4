// The dates that "as of" questions, timelines and incident filters range over.
CREATE INDEX practice_valid_from IF NOT EXISTS FOR (n:Practice) ON (n.validFrom);
CREATE INDEX practice_valid_to IF NOT EXISTS FOR (n:Practice) ON (n.validTo);
CREATE INDEX practice_recorded_at IF NOT EXISTS FOR (n:Practice) ON (n.recordedAt);
CREATE INDEX incident_date_id IF NOT EXISTS FOR (n:Incident) ON (n.date, n.id);
CREATE INDEX incident_kind IF NOT EXISTS FOR (n:Incident) ON (n.kind);
CREATE INDEX incident_recorded_at IF NOT EXISTS FOR (n:Incident) ON (n.recordedAt);
CREATE INDEX source_published_at IF NOT EXISTS FOR (n:Source) ON (n.publishedAt);
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX provision_article IF NOT EXISTS FOR (n:Provision) ON (n.article);
