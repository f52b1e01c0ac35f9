"""The same tree for each reader: the editions, their conversion and what is said beside
the text.

Owns the editions as data and their interface strings (`editions`, `strings`),
OpenCC with reviewed corrections (`conversion`), the glossaries (`glossary`), the
English (`summaries`, `translation`), the home page's cards (`highlights`), and a
report's inputs read from its folder and reconciled with its lock (`inputs`).

May import: `text`, `anchors`.
"""
