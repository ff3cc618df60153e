"""Collection from the sources, offline: the sources file, and each adapter's parser on the real formats."""

from __future__ import annotations

from pathlib import Path

import pytest

from nichibei.collect import diet, feed, listing
from nichibei.collect.sources import SourcesError, load_sources, parse_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"

DIET = """[[source]]
name = "diet"
kind = "diet"
publisher = "NDL"
license = "free"
language = "ja"
url = "https://kokkai.ndl.go.jp/api/speech"
queries = ["日米首脳会談"]
"""


def test_the_repository_sources_file_is_valid():
    sources = load_sources(ROOT / "sources.toml")
    assert [(s.name, s.kind) for s in sources] == [("diet", "diet"), ("wh", "feed"), ("mofa", "listing")]
    assert all(s.publisher and s.license and s.language for s in sources)


@pytest.mark.parametrize("text,message", [
    pytest.param("not toml [", "not TOML", id="not-toml"),
    pytest.param("x = 1", "no [[source]] tables", id="no-sources"),
    pytest.param(DIET.replace('kind = "diet"', 'kind = "ftp"'), "kind 'ftp' is not one of", id="bad-kind"),
    pytest.param(DIET.replace('publisher = "NDL"\n', ""), "source diet: 'publisher' is missing", id="no-publisher"),
    pytest.param(DIET.replace('queries = ["日米首脳会談"]', "queries = []"), "'queries' is missing", id="no-queries"),
    pytest.param(DIET + "colour = 1\n", "unknown field(s) colour", id="unknown-field"),
    pytest.param(DIET.replace('url = "https:', 'url = "ftp:'), "not an http(s) URL", id="bad-url"),
    pytest.param(DIET + "maximum_records = 500\n", "maximum_records is at most 100", id="too-many-records"),
    pytest.param(DIET + "days = 0\n", "days must be a whole number", id="zero-days"),
    pytest.param(DIET + DIET, "the name is used twice", id="duplicate-name"),
    pytest.param(DIET.replace('name = "diet"', 'name = "Diet Records"'), "must be lower-case", id="bad-name"),
    pytest.param(DIET.replace('kind = "diet"', 'kind = "listing"').replace('queries = ["日米首脳会談"]',
                                                                         'pattern = "("'),
                 "pattern is not a regular expression", id="bad-pattern"),
])
def test_a_bad_sources_file_is_one_clear_error(text, message):
    with pytest.raises(SourcesError, match=r"^sources\.toml: .*") as err:
        parse_sources(text)
    assert message in str(err.value)


@pytest.mark.parametrize("name,ids,next_position,total", [
    pytest.param("speech-page1.json", ["121304242X00320240412_005", "121304242X00320240412_012"], 3, 3, id="first-page"),
    pytest.param("speech-page2.json", ["121315254X00220240405_003"], None, 3, id="last-page"),
    pytest.param("speech-none.json", [], None, 0, id="no-hits-no-speechRecord"),
])
def test_diet_page(name, ids, next_position, total):
    page = diet.parse_page((FIXTURES / "diet" / name).read_bytes())
    assert [s.speech_id for s in page.speeches] == ids
    assert (page.next_position, page.total) == (next_position, total)


def test_a_diet_speech_is_stored_with_lf_line_ends_like_the_raw_speeches():
    page = diet.parse_page((FIXTURES / "diet" / "speech-page1.json").read_bytes())
    speech = page.speeches[0]
    assert speech.text == ("○上川国務大臣　お答えいたします。\n　四月十日、ワシントンにおいて日米首脳会談が行われました。\n"
                           "　両首脳は、日米同盟がかつてなく強固であることを確認いたしました。\n")
    assert (speech.date, speech.house, speech.meeting, speech.speaker) == ("2024-04-12", "衆議院", "外務委員会", "上川陽子")
    assert diet.file_name(speech, "diet") == "diet/2024-04-12_121304242X00320240412_005.txt"
    existing = next((ROOT / "raw" / "diet").glob("*.txt")).read_bytes()
    assert b"\r" not in existing and existing.endswith(b"\n")  # the convention the stored speeches follow


def test_diet_error_answer_is_not_a_page():
    with pytest.raises(ValueError, match="19011"):
        diet.parse_page((FIXTURES / "diet" / "error-400.json").read_bytes())


@pytest.mark.parametrize("body,expected", [
    pytest.param((FIXTURES / "wh" / "feed.xml").read_bytes().replace(b"{base}", b"https://www.whitehouse.gov"), [
        ("https://www.whitehouse.gov/?p=27431",
         "https://www.whitehouse.gov/briefings-statements/2025/02/united-states-japan-joint-leaders-statement/",
         "2025-02-07T23:30:00+00:00"),
        ("https://www.whitehouse.gov/?p=27420",
         "https://www.whitehouse.gov/briefings-statements/2025/02/presidential-message-on-remembrance/",
         "2025-02-06T21:00:00+00:00")], id="wordpress-rss"),
    pytest.param(b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:x,2025:1</id>'
                 b'<link rel="alternate" href="https://example.org/a"/><title>A</title>'
                 b'<published>2025-04-07T18:05:00Z</published></entry></feed>',
                 [("tag:x,2025:1", "https://example.org/a", "2025-04-07T18:05:00+00:00")], id="atom"),
])
def test_feed_items(body, expected):
    assert [(i.guid, i.link, i.published_at) for i in feed.parse_feed(body)] == expected


def test_listing_links_by_url_pattern_relative_root_relative_and_absolute():
    html = (FIXTURES / "mofa" / "us.html").read_text(encoding="utf-8").replace("{base}", "https://www.mofa.go.jp")
    links = listing.listing_links(html, "https://www.mofa.go.jp/mofaj/na/na1/us/",
                                  r"^https://www\.mofa\.go\.jp/mofaj/na/na1/us/page[0-9a-z]+_[0-9]+\.html$")
    assert links == ("https://www.mofa.go.jp/mofaj/na/na1/us/page4_000001.html",
                     "https://www.mofa.go.jp/mofaj/na/na1/us/page4_000002.html",
                     "https://www.mofa.go.jp/mofaj/na/na1/us/pageit_000003.html")


@pytest.mark.parametrize("charset", [
    pytest.param("Shift_JIS", id="shift-jis-label"), pytest.param("shift-jis", id="dash"),
    pytest.param("Windows-31J", id="windows-31j"), pytest.param("x-sjis", id="x-sjis"),
])
def test_a_shift_jis_label_is_read_as_code_page_932(charset):
    body = (FIXTURES / "mofa" / "pageit_000003.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        body.decode("shift_jis")  # 﨑 and 髙 exist only in code page 932
    text = listing.decode_page(body, charset)
    assert "藤﨑一郎駐米大使、髙橋秘書官" in text and "\ufffd" not in text


OLD_HEADER = "file,publisher,source_url,published_at,retrieved_at,license,notes\n"


@pytest.mark.parametrize("header,notes", [
    pytest.param(None, "speech", id="new-manifest-has-every-column"),
    pytest.param(OLD_HEADER, "speech; http_status=200; speaker=上川陽子", id="narrow-header-kept-in-notes"),
])
def test_rows_are_appended_under_the_manifests_own_header(tmp_path, header, notes):
    from nichibei.collect import store
    from nichibei.ingest.load import load_raw

    raw = tmp_path / "raw"
    raw.mkdir()
    if header:
        (raw / "old.txt").write_text("会談した。\n", encoding="utf-8")
        (raw / "sources.csv").write_text(header + "old.txt,NHK,,2024-01-01,,,\n", encoding="utf-8")
    before = (raw / "sources.csv").read_bytes() if header else b""
    assert store.write_new(raw, "diet/a.txt", "○上川国務大臣　日米首脳会談について。\n".encode())
    assert not store.write_new(raw, "diet/a.txt", b"other bytes")             # never over a file
    store.append_rows(raw, [{"file": "diet/a.txt", "publisher": "NDL", "notes": "speech", "http_status": "200",
                             "speaker": "上川陽子"}])
    assert (raw / "sources.csv").read_bytes().startswith(before)              # only appended to
    docs, rejections = load_raw(raw)
    assert rejections.height == 0
    assert docs.filter(docs["source_file"] == "diet/a.txt")["notes"][0] == notes


def test_nothing_is_written_through_a_link_in_the_raw_folder(tmp_path):
    from nichibei.collect import store

    (tmp_path / "raw").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "raw" / "diet").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(OSError, match="symbolic link"):
        store.write_new(tmp_path / "raw", "diet/a.txt", b"x")
    assert not list((tmp_path / "elsewhere").iterdir())


def test_collect_with_a_bad_sources_file_is_one_line(tmp_path, capsys):
    from nichibei.cli import main

    (tmp_path / "sources.toml").write_text(DIET.replace('publisher = "NDL"\n', ""), encoding="utf-8")
    assert main(["collect", "--sources", str(tmp_path / "sources.toml"), "--raw", str(tmp_path / "raw")]) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"nichibei: SourcesError: {tmp_path / 'sources.toml'}: source diet: "
                                        "'publisher' is missing"]
    assert not (tmp_path / "raw").exists()
