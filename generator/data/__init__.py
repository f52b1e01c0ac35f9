"""What is derived from a report for readers to take away: the targets and results its
figures give (`indicators`), its search index (`search`) and its downloads (`downloads`,
with the JSON schema of `report.json`).

May import: `text`, `anchors`, `editions`.
"""
