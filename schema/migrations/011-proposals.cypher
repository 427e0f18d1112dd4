// Contributors' proposals awaiting review (src/api/proposals). Bookkeeping, not the model: no
// :Entity label, never exported, searched or counted; a proposal enters the graph only as the
// write its approval makes.
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status);
CREATE INDEX proposal_proposer IF NOT EXISTS FOR (n:Proposal) ON (n.proposerKeyId);
