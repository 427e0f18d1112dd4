// Every committed write gives the graph a new version token (src/db/kept-answers.ts): answers
// kept for a question are reused while the token is unchanged. One node; the constraint makes
// concurrent first writes find the same one.
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;
