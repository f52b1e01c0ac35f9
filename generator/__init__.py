"""A static bilingual publication site for official Chinese reports, clause by clause.

The package is its pipeline, one subpackage per stage, each importing only the
stages before it:

    text      the report as read (text, metadata, figures)
    anchors   ids that last (the lock, matching, tombstones, the catalog)
    editions  the same tree for each reader (conversion, glossary, English)
    data      what readers take away (targets and results, search, downloads)
    site      a report's website (Markdown, the engine, publication)
    archive   every report in one site, and the library over them

`build` (one report), `cli` (the commands) and `preview` (the live preview) sit
on top and are the only modules that know the order of the stages.
"""
