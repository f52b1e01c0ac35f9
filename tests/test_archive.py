"""The archive end to end: three small reports (the flagship and two State Council
excerpts, tests/fixtures/archive/) built into one site with the library over them.

The flagship's first addresses (tests/data/flagship-urls.txt, taken from the
site before the archive) land on their clauses; the library lists every
report in every edition; the search data finds every sentence; the targets
of one year meet the results of the next; an unchanged report is reused and
an edited one alone rebuilt.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from generator.archive import discovery
from generator.archive import publish as archive
from generator.archive import shards
from generator.data import postings, search
from generator.editions.editions import EDITIONS
from generator.site import outputs

from .conftest import FIXTURE, ROOT, SHARED
from .helpers import broken_links, report_index

FIXTURES = ROOT / "tests" / "fixtures" / "archive"
URLS = ROOT / "tests" / "data" / "flagship-urls.txt"
SLUGS = ("national-2022", "national-2023", "jilin-2023")


def make_archive(folder: Path) -> archive.Archive:
    """Lay out an archive's content folder from the fixtures; return the archive."""
    content = folder / "content"
    (content / "reports").mkdir(parents=True)
    for name in ("conversion.yml", "regions.yml"):
        shutil.copyfile(SHARED / name, content / name)
    shutil.copyfile(ROOT / "tests" / "fixtures" / "archive-shared" / "glossary.yml", content / "glossary.yml")
    (content / "library.yml").write_text("root_report: jilin-2023\n", encoding="utf-8")
    shutil.copytree(FIXTURE, content / "reports" / "jilin-2023")
    for report in FIXTURES.iterdir():
        shutil.copytree(report, content / "reports" / report.name)
    return archive.Archive(ROOT, folder / "docs", folder / "site", "", content)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Build the archive once; return (archive, outcome of the first build)."""
    where = make_archive(tmp_path_factory.mktemp("archive"))
    outcome = archive.build(where, strict=True, jobs=2)
    return where, outcome


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0].site


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, path: str) -> Path:
    return site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")


def test_every_report_is_built_in_every_edition(built, site):
    _, outcome = built
    assert sorted(outcome.built) == sorted(SLUGS)
    for slug in SLUGS:
        base = slug.replace("-", "/", 1) if slug.startswith("national") else "jilin/2023"
        for edition in EDITIONS:
            assert (site / edition.prefix / base / "index.html").is_file(), (edition.code, slug)
            assert (site / edition.prefix / base / "search" / "clauses.json").is_file()


def test_one_copy_of_the_theme_for_the_whole_site(site):
    bundles = [p for p in site.rglob("bundle.*.min.js")]
    assert [p.relative_to(site).as_posix() for p in bundles] == [f"assets/javascripts/{bundles[0].name}"]
    assert not list(site.rglob("*.map")) and not list(site.rglob("lunr*"))


def test_the_interface_strings_are_written_once_for_every_edition(site):
    """The scripts' strings of every edition, converted for the traditional ones, are one
    file of the site (by edition code, the language of the pages), in no page."""
    copies = [p.relative_to(site).as_posix() for p in site.rglob("strings.js")]
    assert copies == ["assets/javascripts/strings.js"]
    script = (site / copies[0]).read_text(encoding="utf-8")
    strings = json.loads(script[script.index("{"): script.rindex("}") + 1])
    assert set(strings) == {edition.code for edition in EDITIONS}
    assert strings["zh-Hans"]["search_loading"] == "正在载入……"
    assert strings["zh-Hant-TW"]["search_loading"] == strings["zh-Hant-HK"]["search_loading"] == "正在載入……"
    for page in ("index.html", "zh-tw/jilin/2023/p1/index.html", "en/national/2023/index.html"):
        html = soup(site / page)
        assert html.html["lang"] in strings and not html.select("#ui-strings"), page
        assert [s["src"] for s in html.select("script[src$='strings.js']")], page


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_the_library_home_lists_every_report_by_region(site, edition):
    home = soup(site / edition.prefix / "index.html")
    links = {a["href"] for a in home.select(".library-grid__year")}
    assert links == {"national/2022/", "national/2023/", "jilin/2023/"}
    regions = [a["href"] for a in home.select(".library-grid__region")]
    assert regions == ["national/", "jilin/"]  # the State Council first
    for row in home.select(".library-table tbody tr"):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        columns = 6 if edition.english else 5  # the English library says how much of each report is in English
        assert len(cells) == columns and all(cells[:2]) and cells[-1].replace(",", "").isdigit(), cells


def flagship_urls() -> list[str]:
    return [line for line in URLS.read_text(encoding="utf-8").split("\n") if line and not line.startswith("#")]


def follow(site: Path, url: str) -> tuple[Path, str]:
    """Return the page an old address ends on (following a redirect page) and its anchor."""
    parsed = urlparse(url)
    page = page_file(site, parsed.path)
    refresh = soup(page).select_one('meta[http-equiv="refresh"]')
    if refresh is None:
        return page, parsed.fragment
    href = refresh["content"].split("url=", 1)[1]
    target, _, anchor = href.partition("#")
    resolved = (page.parent / target).resolve() / "index.html"
    return resolved, parsed.fragment or anchor


@pytest.mark.parametrize("url", flagship_urls())
def test_every_address_of_the_flagship_lands_on_its_clause(site, url):
    parsed = urlparse(url)
    if parsed.path.startswith("/downloads/"):
        name = parsed.path.rsplit("/", 1)[1]
        assert (site / "downloads" / name).read_bytes() == (site / "jilin/2023/downloads" / name).read_bytes()
        return
    page, anchor = follow(site, url)
    edition = next(e for e in reversed(EDITIONS) if parsed.path.startswith("/" + e.prefix))
    home = site / edition.prefix / "index.html"
    if page == home:  # the library's home now: its script sends the report's clause ids on
        data = json.loads(soup(home).select_one("#root-report").get_text())
        assert data["base"] == "jilin/2023/" and (not anchor or anchor in data["ids"])
        page = site / edition.prefix / "jilin/2023/index.html"
    assert page.is_file() and page.is_relative_to(site / edition.prefix / "jilin/2023"), (url, page)
    if anchor:
        assert soup(page).find(id=anchor) is not None, (url, page, anchor)


def search_index(site: Path) -> tuple[dict, list[tuple[list, dict]]]:
    """Return the manifest of the search across reports and, for each range, its reports
    and the places of every pair (decoded)."""
    folder = site / "search"
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    ranges = []
    for number, (_, _, count) in enumerate(manifest["ranges"]):
        reports = json.loads((folder / f"r{number}" / "reports.json").read_text(encoding="utf-8"))
        places: dict[str, list] = {}
        for k in range(count):
            table = json.loads((folder / f"r{number}" / f"{postings.bucket_name(k, count)}.json").read_text(encoding="utf-8"))
            assert all(postings.bucket(pair, count) == postings.bucket_name(k, count) for pair in table)
            places |= {pair: postings.decode(text) for pair, text in table.items()}
        ranges.append((reports, places))
    return manifest, ranges


def clause_rows(site: Path, prefix: str, base: str, size: int) -> list[list]:
    """Return a report's clauses as the search across reports shows them, from its chunk files."""
    rows, n = [], 0
    while (site / prefix / base / "search" / f"t{n}.json").is_file():
        chunk = json.loads((site / prefix / base / "search" / f"t{n}.json").read_text(encoding="utf-8"))
        assert len(chunk) == size or not (site / prefix / base / "search" / f"t{n + 1}.json").exists()
        rows, n = rows + chunk, n + 1
    return rows


def test_the_search_across_reports_finds_every_clause_whole_newest_first(site):
    """Every clause (heading, front line, paragraph) is found by any run of its folded text,
    from the index alone, at its number; its chunk row links to a page that holds it; the
    reports stand newest first, each with its name in every edition."""
    manifest, ranges = search_index(site)
    table = json.loads((site / "search" / "fold.json").read_text(encoding="utf-8"))
    listed = [row for reports, _ in ranges for row in reports]
    assert [row[0] for row in listed] == ["national/2023/", "jilin/2023/", "national/2022/"]
    assert [row[1] for row in listed] == sorted((row[1] for row in listed), reverse=True)
    for reports, places in ranges:
        first = 0
        for base, year, labels, count in reports:
            assert set(labels) == {e.code for e in EDITIONS} and all(str(year) in label for label in labels.values())
            rows = clause_rows(site, "", base, manifest["chunk"])
            assert len(rows) == count and count
            assert all(len(clause_rows(site, e.prefix, base, manifest["chunk"])) == count for e in EDITIONS if e.opencc)
            for number, (url, title, anchor, _, heading, sentences) in enumerate(rows):
                page = BeautifulSoup(page_file(site, "/" + base + url).read_text(encoding="utf-8"), "html.parser")
                assert page.find(id=anchor) is not None and title, (base, url, anchor)
                text = search.fold("".join(t for _, t in sentences) or heading, table)
                for at in range(0, max(1, len(text) - 5), 7):
                    word = text[at:at + 6]
                    if len(word) >= 2:
                        assert first + number in postings.matches(word, places), (base, anchor, word)
            first += count


def test_the_index_finds_no_clause_that_does_not_hold_the_words():
    texts = ["大众创业万众创新", "万众创新，大众创业", "经济增长6.5%左右", "增长6%左右"]
    places = postings.positions(search.fold(t, {}) for t in texts)
    assert postings.matches(search.fold("大众创业、万众创新", {}), places) == {0}
    assert postings.matches("6.5%左右", places) == {2}
    assert postings.matches("左右", places) == {2, 3} and postings.matches("增长6%", places) == {3}
    assert postings.matches("创业万众", places) == {0} and postings.matches("众创业万", places) == {0}
    for pair, found in places.items():
        assert postings.decode(postings.encode(found)) == found


def test_index_files_stay_near_their_size_whatever_the_archive(tmp_path):
    """However large the table, it is spread over files of about the same bounded size."""
    for keys in (10, 5_000, 200_000):
        table = {f"{chr(0x4E00 + k % 20000)}{chr(0x4E00 + k // 20000)}": "x" * (k % 40) for k in range(keys)}
        count = shards.write_spread(table, tmp_path / str(keys))
        sizes = [p.stat().st_size for p in (tmp_path / str(keys)).iterdir()]
        assert len(sizes) == count and max(sizes) <= 2 * shards.TARGET
        merged = {k: v for p in (tmp_path / str(keys)).iterdir() for k, v in json.loads(p.read_text(encoding="utf-8")).items()}
        assert merged == table


def test_traditional_characters_fold_to_simplified_and_punctuation_is_left_out(site):
    table = json.loads((site / "search" / "fold.json").read_text(encoding="utf-8"))
    assert search.fold("經濟發展", table) == "经济发展"
    assert search.fold("“大眾創業、萬眾創新”", table) == "大众创业万众创新"
    assert search.fold("ＧＤＰ增長６．５％左右", table) == "gdp增长6.5%左右"


def test_a_year_s_targets_meet_the_next_year_s_results(site):
    rows = list(csv.DictReader(io.StringIO((site / "national" / "targets.csv").read_text(encoding="utf-8"))))
    gdp = next(r for r in rows if r["indicator"] == "gdp_growth" and r["year"] == "2022")
    assert (gdp["target"], gdp["target_qualifier"], gdp["result"]) == ("5.5", "左右", "3")
    for column in ("target_clause", "result_clause"):
        path, _, anchor = gdp[column].partition("#")
        assert soup(page_file(site, path)).find(id=anchor) is not None, gdp[column]
    page = soup(site / "national" / "index.html")
    assert page.select_one("svg.series") is not None
    for link in page.select(".targets-table a"):
        path, _, anchor = link["href"].partition("#")
        assert soup(site / "national" / path / "index.html").find(id=anchor) is not None, link["href"]


def test_the_archive_s_downloads_cover_every_report(site):
    reports = json.loads((site / "downloads" / "reports.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in reports] == list(SLUGS[:2]) + ["jilin-2023"]
    for r in reports:
        for path in r["downloads"].values():
            assert (site / path).is_file(), path
    rows = list(csv.DictReader(io.StringIO((site / "downloads" / "all-figures.csv").read_text(encoding="utf-8"))))
    assert {r["report"] for r in rows} == set(SLUGS)
    for row in rows[:: max(1, len(rows) // 40)]:
        path, _, anchor = row["url"].partition("#")
        assert soup(page_file(site, path)).find(id=anchor) is not None, row["url"]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_a_shared_term_is_defined_once_and_lists_every_report_using_it(site, edition):
    page = site / edition.prefix / "terms" / "index.html"
    terms = soup(page)
    uses = {}
    for entry in terms.select(".term-entry"):
        items = entry.find_next("ul", class_="term-uses").select("li")
        uses[entry["id"]] = [li.select_one(".term-uses__year").get_text() for li in items]
        for link in entry.find_next("ul", class_="term-uses").select("a"):
            path, _, anchor = link["href"].partition("#")
            target = (page.parent / path / "index.html").resolve()
            assert soup(target).find(id=anchor) is not None, link["href"]
    # The flagship's own entry for 十四五 is that term: its uses count too, newest first.
    assert uses == {"g-14th-five-year-plan": ["2023", "2022"], "g-six-stabilities": ["2022"]}
    glossary = soup(site / edition.prefix / "national/2022/glossary/index.html")
    link = glossary.select_one("#g-six-stabilities").find_next("p", class_="term-everywhere").a["href"]
    assert link == "../../../terms/#g-six-stabilities"
    assert glossary.select_one("a.term, .term-entry") is not None


def test_a_report_folder_with_a_wrong_name_is_an_error_naming_it(tmp_path):
    where = make_archive(tmp_path)
    (where.shared / "reports" / "atlantis-2023").mkdir()
    (where.shared / "reports" / "atlantis-2023" / "report.txt").write_text("政府工作报告\n", encoding="utf-8")
    from generator.text.errors import InputError

    with pytest.raises(InputError) as caught:
        archive.build(where)
    assert "atlantis-2023" in str(caught.value.problems[0])
    assert not where.site.exists()


def test_shards_split_the_reports_without_overlap():
    entries = tuple(discovery.Entry(s, Path(s), "x", 2000 + i, s) for i, s in enumerate("abcdefg"))
    parts = [discovery.shard(entries, f"{k}/3") for k in range(3)]
    assert sorted(e.slug for part in parts for e in part) == list("abcdefg")


def test_every_internal_link_and_anchor_of_the_archive_resolves(site):
    broken, checked = broken_links(site)
    assert broken == []
    assert checked > 1000


@pytest.fixture(scope="module")
def served(site):
    from .browser import Browser, serve

    with serve(site) as url, Browser() as chromium:
        yield url, chromium


DONE = "() => { const s = document.querySelector('.cs__status').textContent; return s && !/载入|載入|Loading/.test(s); }"


def open_search(chromium, url: str, path: str):
    """Open a page with the search across reports in scope; return the page."""
    page = chromium.page()
    page.goto(f"{url}/{path}")
    if page.query_selector("input[name=cs-scope]"):
        page.click(".cs__input")
        page.check("input[name=cs-scope][value=all]")
    return page


def search_all(page, query: str) -> tuple[str, list[tuple[str, str, list[str]]]]:
    """Type a query in the search across reports; return the status and, per report shown,
    its heading (name and count), its link and the links of its results."""
    page.fill(".cs__input", query)
    page.wait_for_function(DONE, timeout=30000)
    return page.inner_text(".cs__status"), shown_groups(page)


def shown_groups(page) -> list[tuple[str, str, list[str]]]:
    groups = []
    for item in page.query_selector_all(".cs__results > li"):
        link = item.query_selector("a")
        if "cs__report" in (item.get_attribute("class") or ""):
            groups.append((item.inner_text(), link.get_attribute("href"), []))
        elif link is not None:
            groups[-1][2].append(link.get_attribute("href"))
    return groups


def counted(status: str) -> tuple[int, int]:
    """Return (reports, clauses) a status of the search across reports gives."""
    numbers = [int(n) for n in re.findall(r"\d+", status)]
    return numbers[0], numbers[1]


@pytest.mark.parametrize("path, query, expected", [
    ("zh-tw/", "预期目标", "/zh-tw/national/2023/"),  # simplified query, traditional edition
    ("national/2022/p1/", "國內生產總值", "/national/2023/"),  # traditional query, simplified edition
], ids=["simplified-on-traditional", "traditional-on-simplified"])
def test_search_across_reports_finds_both_scripts_newest_first(served, path, query, expected):
    """Reports stand newest first; each report's link opens its first match; the counts
    are those of the clauses listed; a result lands on its sentence, the words marked."""
    url, chromium = served
    page = open_search(chromium, url, path)
    status, groups = search_all(page, query)
    assert urlparse(groups[0][1]).path.startswith(expected), groups
    years = [int(re.search(r"(\d{4})", heading).group(1)) for heading, _, _ in groups]
    assert years == sorted(years, reverse=True)
    assert all(link == results[0] for _, link, results in groups)  # the report's link opens its first match
    assert counted(status) == (len(groups), sum(len(results) for _, _, results in groups))
    assert re.search(f"[个個][条條]款包含[“「]{query}[”」]", status), status  # the count says what it counts
    first = groups[0][2][0]
    page.click(f".cs__link[href='{first}']")
    page.wait_for_selector("mark.cs-arrival")
    anchor = urlparse(first).fragment
    assert page.locator(f"[id='{anchor}'] mark.cs-arrival").count() >= 1
    assert all(urlparse(r).hostname == "127.0.0.1" for r in chromium.requests)
    page.context.close()


def test_search_across_reports_folds_punctuation_reads_headings_and_shows_every_match(served):
    url, chromium = served
    page = open_search(chromium, url, "")
    _, groups = search_all(page, "完整准确全面贯彻")  # written 完整、准确、全面贯彻 in the text
    assert {urlparse(link).path for _, link, _ in groups} >= {"/national/2023/p2/", "/national/2022/p2/"}
    _, groups = search_all(page, "工作回顾")  # a part's heading
    assert {urlparse(link).fragment for _, link, _ in groups} == {"p1"}
    status, groups = search_all(page, "发展")
    shown = {heading: results for heading, _, results in groups}
    jilin = next(heading for heading in shown if "吉林" in heading)
    total = int(re.search(r"(\d+)个条款", jilin).group(1))
    assert len(shown[jilin]) < total
    before = page.locator(".cs__results .cs__link").count()
    page.click(f".cs__all:text-is('显示全部{total}个条款')")
    page.wait_for_function(f"() => document.querySelectorAll('.cs__results .cs__link').length === {before - len(shown[jilin]) + total}")
    after = {heading: results for heading, _, results in shown_groups(page)}
    assert len(after[jilin]) == total and len(set(after[jilin])) == total
    assert counted(status)[1] == sum(int(re.search(r"(\d+)个条款", h).group(1)) for h in after)
    page.context.close()


def test_a_query_typed_before_any_search_data_has_loaded_finds_what_a_later_one_finds(served):
    """The folding table held back until the query is typed: the same results as after."""
    url, chromium = served
    later = open_search(chromium, url, "")
    expected = search_all(later, "國內生產總值")
    later.context.close()
    page = chromium.page()
    held = []
    page.route("**/search/fold.json", lambda route: held.append(route))
    page.goto(f"{url}/")
    page.fill(".cs__input", "國內生產總值")
    while not held:
        page.wait_for_timeout(50)
    assert page.locator(".cs__report").count() == 0
    held[0].continue_()
    page.wait_for_function(DONE, timeout=30000)
    assert search_all(page, "國內生產總值") == expected and expected[1]
    page.context.close()


CHINESE = [e for e in EDITIONS if not e.english]


def _text_rows(index: dict) -> list:
    return [row for row in index["clauses"] if index["pages"][row[0]][2] != "glossary"]


@pytest.mark.parametrize("edition", CHINESE, ids=lambda e: e.code)
def test_a_report_s_own_search_reads_the_text_once_and_all_of_it(site, built_site, edition):
    """In the archive a Chinese edition's index holds no clause of the text (the chunk
    files the search across reports shows hold them), and the two together are the
    index of the report built alone: every clause, in order."""
    folder = site / edition.prefix / "jilin" / "2023"
    written = json.loads((folder / "search" / "clauses.json").read_text(encoding="utf-8"))
    assert written["chunks"] >= 1 and _text_rows(written) == []
    alone = report_index(built_site / edition.prefix)
    assert "chunks" not in json.loads((built_site / edition.prefix / "search" / "clauses.json").read_text("utf-8"))
    assert _text_rows(report_index(folder)) == _text_rows(alone) != []


def test_a_report_s_own_search_in_the_archive_counts_what_its_index_holds(served, site):
    """The script reads the chunk files as the index's rows: the clauses it counts for a
    query are those of the index that hold it, the glossary's entries among them."""
    url, chromium = served
    folder = site / "zh-tw" / "jilin" / "2023"
    table = json.loads((site / "search" / "fold.json").read_text(encoding="utf-8"))
    index = report_index(folder)
    for query in ("冰雪经济", "一主六双"):
        wanted = search.fold(query, table)
        expected = [row[1] for row in index["clauses"]
                    if wanted in search.fold(row[3] + "".join(text for _, text in row[4]), table)]
        page = chromium.page()
        page.goto(f"{url}/zh-tw/jilin/2023/p1/")
        page.fill(".cs__input", query)
        page.wait_for_function(DONE, timeout=30000)
        status = page.inner_text(".cs__status")
        links = page.eval_on_selector_all(".cs__link", "els => els.map(e => new URL(e.href).hash.slice(1))")
        assert expected and int(re.search(r"\d+", status).group()) == len(expected), (query, status)
        assert links and all(any(link == e or link.startswith(e + "-s") for e in expected) for link in links), query
        page.context.close()


def test_a_clause_link_to_the_old_home_page_lands_on_the_report(served):
    url, chromium = served
    page = chromium.page()
    page.goto(f"{url}/zh-tw/#p0-1")
    page.wait_for_url(re.compile(r".*/zh-tw/jilin/2023/#p0-1$"))
    assert page.locator("[id='p0-1']").count() == 1
    page.goto(f"{url}/p3/1/#p3-1-2")
    page.wait_for_url(re.compile(r".*/jilin/2023/p3/1/#p3-1-2$"))
    page.context.close()


def test_shards_built_apart_merge_into_the_whole_archive(tmp_path, site):
    where = make_archive(tmp_path)
    for k in range(2):
        part = archive.Archive(ROOT, tmp_path / f"docs-{k}", tmp_path / f"site-{k}", "", where.shared)
        outcome = archive.build(part, strict=True, jobs=1, only=f"{k}/2")
        assert outcome.built and not (part.site / "index.html").exists()  # no library in a shard
    for k in range(2):  # what the workflow's merge job does with the shards' artifacts
        shutil.copytree(tmp_path / f"site-{k}", where.site, dirs_exist_ok=True)
        shutil.copytree(tmp_path / f"docs-{k}" / ".archive", where.docs / ".archive", dirs_exist_ok=True)
        shutil.copyfile(tmp_path / f"docs-{k}" / outputs.MARKER, where.docs / outputs.MARKER)
    merged = archive.build(where, strict=True, jobs=1)
    assert merged.built == [] and sorted(merged.reused) == sorted(SLUGS)
    whole = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    parts = {p.relative_to(where.site).as_posix() for p in where.site.rglob("*") if p.is_file()}
    assert parts == whole


# Last: changes the archive the tests above read.
def test_an_unchanged_report_is_reused_and_an_edited_one_rebuilt(built):
    where, _ = built
    again = archive.build(where, strict=True, jobs=2)
    assert again.built == [] and sorted(again.reused) == sorted(SLUGS)
    report = where.shared / "reports" / "national-2023" / "report.txt"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("各位代表！", "各位代表！\n\n这是编辑新增的一句。", 1), encoding="utf-8")
    edited = archive.build(where, strict=True, jobs=2)
    assert edited.built == ["national-2023"] and sorted(edited.reused) == ["jilin-2023", "national-2022"]
    page = (where.site / "national" / "2023").rglob("*.html")
    assert any("这是编辑新增的一句。" in p.read_text(encoding="utf-8") for p in page)
    assert (where.site / "jilin" / "2023" / "p3" / "1" / "index.html").is_file()



def test_the_english_library_is_honest_and_readable(site):
    """The English library says which reports are in English and how far; a region's page
    has no front matter shown as a heading; the shared terms page labels the Chinese as
    Chinese and marks it; counts of one are singular; jobs read as millions of people."""
    home = soup(site / "en" / "index.html")
    assert [th.get_text() for th in home.select("table.library-table thead th")][2] == "In English"
    states = {td.get_text() for td in home.select("td.library-table__english")}
    assert states <= {"Full translation", "Summaries", "Headings; text in Chinese", "Not translated"}
    region = soup(site / "en" / "national" / "index.html")
    assert not [h for h in region.select("article h1, article h2") if h.get_text().startswith("description:")]
    assert "million people" in region.get_text() and "×10,000" not in region.get_text()
    terms = soup(site / "en" / "terms" / "index.html")
    for meta in terms.select("p.term-meta"):
        label, value = meta.select_one(".term-label"), meta.select_one(".term-label + span")
        assert label.get_text() == "Chinese" and value["lang"] == "zh-Hans"
    counts = [p.get_text() for p in terms.select("p.term-uses-count")]
    assert counts and not [c for c in counts if c.startswith("1 reports")]


def test_an_english_query_across_reports_is_matched_through_the_chinese_of_the_term_it_names(served, site):
    """On English pages the search across reports reads the Chinese: a query naming a
    glossary term in English (shared, or a report's own) is searched as the term's
    Chinese, and says so; an English query naming no term says plainly that the search
    reads Chinese."""
    from .test_english_archive import UNMARKED_IN_SEARCH

    url, chromium = served
    names = json.loads((site / "search" / "terms.json").read_text(encoding="utf-8"))
    assert names
    chinese_page = open_search(chromium, url, "")
    english_page = open_search(chromium, url, "en/")
    found = 0
    for english, term in names[:4]:
        status, groups = search_all(english_page, english.lower())
        assert "through the Chinese" in status and term in status, (english, status)
        assert english_page.evaluate(UNMARKED_IN_SEARCH) == []
        expected = search_all(chinese_page, term)[1]
        assert [(link, results) for _, link, results in groups] == [(link, results) for _, link, results in expected]
        found += bool(groups)
    assert found
    own = dict(names)["One Core, Six Pairs"]  # a term of one report's own glossary
    status, groups = search_all(english_page, "one core, six pairs")
    assert own in status and any("/jilin/2023/" in link for _, link, _ in groups)
    clauses = sum(len(results) for _, _, results in groups)
    assert f"{clauses} clause{'s' if clauses > 1 else ''} in {len(groups)} report{'s' if len(groups) > 1 else ''}" in status
    status, groups = search_all(english_page, "xylophone quartet")
    assert "reads the Chinese text" in status and groups == []
    chinese_page.context.close()
    english_page.context.close()
