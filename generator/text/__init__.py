"""The report as read: its text and the files around it, before any id is given.

Owns reading input files safely (`source`: regular UTF-8 files of bounded size, no
links, no control characters; `yamlfile`: strict YAML with the line of every value;
`errors`: problems with file and line), the text's lines and headings (`lines`,
`headings`, `numerals`, `frontmatter`), the parser and its parts (`parse`,
`drafts`, `divisions`, `closing`, `appendices`) into the tree (`model`), the
regions (`regions`), what the text says of itself (`metadata`) and the
quantities it states (`figures`).

May import: nothing of the generator outside `text`.
"""
