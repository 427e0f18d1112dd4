// Ids are unique across the whole graph, not only within a label: every node of the model
// also carries :Entity, whose id is unique (an incident can no longer take a practice's id).
MATCH (n) WHERE n.id IS NOT NULL AND NOT n:Entity
  AND any(l IN labels(n) WHERE l IN ['Source', 'Regulation', 'Provision', 'Right', 'LegalBasis', 'Company', 'Product', 'Plan', 'Purpose', 'DataCategory', 'Practice', 'Authority', 'Party', 'Incident'])
CALL (n) { SET n:Entity } IN TRANSACTIONS OF 5000 ROWS;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
