"""Ids that last: the structural ids of a report's clauses and the lock that keeps them.

Owns the ids given at first publication (`ids`), the text flattened into clauses
(`clauses`), the fingerprints that compare them (`fingerprint`), matching a new
text with the lock (`matching`) and reconciling the two (`reconcile`), the lock
file (`lock`), revisions and their dates (`revisions`, `changelog`), the pages a
report is published as (`pages`), what removed clauses and pages leave behind
(`tombstones`, `redirects`), and the archive's record of every report it
published (`catalog`).

May import: `text`.
"""
