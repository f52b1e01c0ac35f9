"""Every report under content/reports in one site, and the library over them.

Owns finding the reports (`discovery`), building them in worker processes that die
with the build (`publish`, `workers`), reusing what did not change (`reuse`,
`records`), the library's pages (`library`, `pages`), the search across reports
(`shards`), the archive's downloads (`downloads`), the addresses reports no longer
stand at (`addresses`), and checking every report without building (`checks`).
A report is still built by the stages below; the archive only lists, links and
searches what reports produced.

May import: `text`, `anchors`, `editions`, `data`, `site`.
"""
