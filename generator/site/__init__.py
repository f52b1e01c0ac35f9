"""The website of a report: its Markdown, the site engine, the files written.

Owns where a build reads and writes (`project`, `outputs`, `writer`), the Markdown
of every page (`report`, `render`, `context`, `sentences`, `links`, `structure`,
`escape`, `changes`), the theme's data (`theme`), the boundary with MkDocs or
ProperDocs (`website`, `mkdocs_hooks`, `markdown_ext`), and publishing the
editions with their redirects and sitemap (`publication`, `sitemap`).

May import: `text`, `anchors`, `editions`, `data`.
"""
