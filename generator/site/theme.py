"""What the theme's templates and scripts need of an edition: the switcher's entries, the
interface strings of the scripts, and a report's citation data (config.extra)."""

from __future__ import annotations

from ..editions.editions import EDITIONS, ENGLISH, Edition
from .context import Site


def report_theme(site: Site, strings: dict[str, dict[str, str]]) -> dict:
    """Return what the theme templates need of an edition (config.extra); `strings` are
    the interface strings of every edition (strings_by_edition)."""
    meta, edition = site.meta, site.edition
    return {
        "alternate": [switcher_entry(e) for e in EDITIONS],
        "edition": edition.code,
        "report_path": site.base,
        "archive": bool(site.base),
        "og_locale": edition.og_locale,
        "ui": strings[edition.code],
        "ui_editions": strings,
        "cite": {
            "author": meta.speaker, "title": meta.title, "publisher": meta.publisher, "place": meta.place,
            "author_en": meta.speaker_en.split(",")[0], "title_en": meta.title_en,
            "publisher_en": meta.publisher_en, "place_en": meta.place_en,
            "date": meta.date.isoformat() if meta.date else str(meta.year or ""),
            "date_en": ENGLISH.format_date(meta.date) or str(meta.year or ""),
            "revised": site.revisions[-1].key, "edition": edition.citation_name,
            "edition_en": edition.citation_name_en,
            # The English of a clause, shown in place in the Chinese editions (cite.js).
            "english": f"{site.base}downloads/translation.json" if site.translation and not edition.english else "",
        },
    }


def interface_strings(edition: Edition) -> dict[str, str]:
    """Return the interface strings the theme's scripts use (search, cite, English in place)."""
    return {key: value for prefix in ("search", "cite", "library_home", "translation", "show_", "hide_")
            for key, value in edition.ui(prefix).items()}


def strings_by_edition(editions) -> dict[str, dict[str, str]]:
    """Return the interface strings of editions (as converted for the site) by edition code,
    the language of its pages: written once for the site, assets/javascripts/strings.js."""
    return {edition.code: interface_strings(edition) for edition in editions}


SHORT_NAMES = {"zh-Hans": "简", "zh-Hant-TW": "臺", "zh-Hant-HK": "港", "en": "EN"}


def switcher_entry(edition: Edition) -> dict[str, str]:
    return {"code": edition.code, "name": edition.name, "lang": edition.lang, "prefix": edition.prefix,
            "og_locale": edition.og_locale, "short": SHORT_NAMES.get(edition.code, edition.code)}
