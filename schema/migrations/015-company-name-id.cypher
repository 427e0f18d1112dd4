// Companies are listed by name, then id (src/api/entities/orders.ts): with both in one index a
// page is an ordered walk of it that stops after the page, not a sort of every company (the
// dashboard's first question read all 10,000 of the large bench graph's, 40,000 at xlarge).
CREATE INDEX company_name_id IF NOT EXISTS FOR (n:Company) ON (n.name, n.id);
