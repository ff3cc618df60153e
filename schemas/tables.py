"""Every table of a release, declared once.

Each table is a Pandera model: its fields give the column names, types, nullability, checks and
descriptions; `Config.unique` is the primary key and `Config.description` says what a row is. The
Arrow schemas used for writing, `datapackage.json` and the README's data dictionary are all derived
from these models (see `schemas.registry`).
"""

from __future__ import annotations

import polars as pl
import pandera.polars as pa

UTC_TIMESTAMP = pl.Datetime(time_unit="us", time_zone="UTC")

LANGUAGES = ["ja", "en", "mixed"]
SEGMENT_LANGUAGES = ["ja", "en", "und"]
SEGMENT_KINDS = ["title", "heading", "paragraph", "list_item"]
TEMPORAL_KINDS = [
    "date", "datetime", "time", "month", "year", "year_range", "fiscal_year", "weekday", "duration",
]
RESOLVED_BY = ["explicit", "anchor", "context", "unresolved"]
PRECISIONS = ["year", "month", "day", "hour", "minute"]
ENTITY_TYPES = [
    "person", "country", "region", "organization", "framework", "place", "treaty", "weapon_system",
]
OFFICE_CODES = [
    "prime_minister", "president", "vice_president", "foreign_minister", "defense_minister",
    "chief_cabinet_secretary", "deputy_chief_cabinet_secretary", "secretary_of_state",
    "secretary_of_defense", "treasury_secretary", "national_security_advisor",
    "deputy_national_security_advisor", "ambassador", "minister", "other",
]
MEETING_TYPES = [
    "summit", "2plus2", "trilateral_summit", "phone_call", "video_call", "foreign_ministers",
    "defense_ministers", "courtesy_call", "other",
]
BOILERPLATE_RULES = {
    "dateline": "the publication date (and time) of the page, before the article or, for agency copy, after it",
    "timestamp": "a further date stamp of the page after its dateline (an update time, the print edition)",
    "masthead": "the site's name above the headline",
    "category_tag": "section and category labels (`- 政治`, `NEWS / NATIONAL`, `READOUT`)",
    "navigation_menu": "a menu of links (`ホーム | 政治 | 経済`)",
    "breadcrumb": "a breadcrumb trail (`ホーム > 政治 > 外交`) or the section label it repeats",
    "ranking_widget": "a ranking of most-read articles and its items",
    "related_articles": "a list of related articles and its items",
    "tag_list": "tags or keywords of the page",
    "advertisement": "an advertisement or app promotion",
    "social_widget": "share, follow and subscribe prompts",
    "author_bio": "an author's profile",
    "byline": "a byline or agency credits (`By Jane Doe`, `Reporting by …`)",
    "photo_caption": "a photo caption or credit",
    "paywall": "a paywall or members-only prompt",
    "pagination": "links to the previous or next article",
    "back_to_top": "a link back to the top of the page or to an index",
    "copyright": "a copyright line",
    "page_tool": "page tools and chrome: print, enlarge, sign in, cookie notices, counters",
    "separator": "a line of rule characters",
    "end_mark": "the end mark of a press release (`###`, `-30-`)",
    "front_matter": "the YAML front matter of a Markdown document (its fields fill the document's metadata)",
    "footer": "the page footer after the article (addresses, policies, site links)",
    "html_head": "the HTML head (its title and metadata)",
    "html_script": "scripts, styles and templates",
    "html_navigation": "HTML navigation elements",
    "html_header": "the page header outside the article",
    "html_footer": "the page footer outside the article",
    "html_aside": "asides and sidebars",
    "html_widget": "embedded widgets, frames and buttons",
    "html_form": "forms and search boxes",
    "link_dense_list": "an HTML list made mostly of links",
}
REJECTION_STAGES = ["scan", "read", "decode", "manifest", "clean", "extract"]

_ISO2 = r"^[A-Z]{2}$"


def _field(description: str, **kwargs):
    return pa.Field(description=description, **kwargs)


class Documents(pa.DataFrameModel):
    """One row per raw document that was read and cleaned."""

    doc_id: str = _field(
        "Stable id of the document: the first 16 hex digits of the SHA-256 of its raw bytes.",
        str_matches=r"^[0-9a-f]{16}$",
    )
    source_file: str = _field("Path of the raw file relative to the raw folder, with `/` separators.")
    raw_sha256: str = _field("SHA-256 of the raw bytes, 64 hex digits.", str_matches=r"^[0-9a-f]{64}$")
    encoding: str = _field("Character encoding the raw bytes were decoded from (Python codec name).")
    format: str = _field("How the raw file was read: `text` (plain text), `html`, or `markdown` (a `.md` file, or a "
                         "text file that opens with a YAML front-matter block).", isin=["text", "html", "markdown"])
    language: str = _field(
        "Main language of the cleaned text: `ja`, `en`, or `mixed` when both carry a substantial share.",
        isin=LANGUAGES,
    )
    title: str = _field("Title of the document as it stands in the text (a Markdown document's front-matter "
                        "`title`), site decorations left out; null when the text has no title.", nullable=True)
    published_date: pl.Date = _field(
        "Publication date: from the text when it gives one (a dateline, or the front matter's `date`, else the "
        "local date of its `published_time`), else from `sources.csv`; null when neither gives it.", nullable=True)
    published_date_source: str = _field(
        "Where `published_date` comes from: `text` (a dateline or the front matter) or `manifest` (`sources.csv`).",
        nullable=True, isin=["text", "manifest"])
    published_utc: UTC_TIMESTAMP = _field(
        "Publication time (UTC) when the document's front matter gives it (`published_time`), else null.",
        nullable=True)
    published_utc_offset_minutes: pl.Int64 = _field(
        "UTC offset, in minutes, that `published_time` was written with (-240 for US Eastern daylight time); the "
        "publisher's local time is `published_utc` plus this offset.", nullable=True)
    dateline: str = _field("The dateline as it stands in the raw text (removed from `text`), or null.", nullable=True)
    publisher: str = _field("Publisher, as recorded in `sources.csv`.", nullable=True)
    source_url: str = _field("Address of the document: its front matter's `source_url`, else the address "
                             "recorded in `sources.csv`.", nullable=True)
    license: str = _field("Licence of the document's text, as recorded in `sources.csv`.", nullable=True)
    retrieved_date: pl.Date = _field("Date the document was collected, from `sources.csv`.", nullable=True)
    text: str = _field(
        "The decoded raw text with line ends normalised to `\\n` and the boilerplate lines removed, nothing else "
        "changed; every `char_start`/`char_end` in the release counts code points into it. Null only in a public "
        "release when the licence does not allow redistribution (`is_text_withheld`).", nullable=True)
    n_chars: pl.Int64 = _field("Length of the cleaned text in Unicode code points (also when it is withheld).", ge=0)
    is_text_withheld: bool = _field("True when this release withholds the text because its licence does not "
                                    "allow redistribution (public releases only).")
    is_relevant: bool = _field("True when the document reports at least one US–Japan meeting.")

    class Config:
        description = "Documents: one row per raw document that was read and cleaned."
        unique = ["doc_id"]
        strict = True


class Boilerplate(pa.DataFrameModel):
    """Every piece of a raw document that is not in `documents.text`, with the rule that removed it."""

    doc_id: str = _field("Document the piece was removed from.")
    piece_no: pl.Int64 = _field("1-based order of the piece within its document.", ge=1)
    line_no: pl.Int64 = _field("1-based line of the decoded raw text split on `\\n`; null for HTML.",
                               nullable=True, ge=1)
    locator: str = _field("CSS path of the removed HTML element; null for plain text.", nullable=True)
    text: str = _field("The removed text as it stands in the raw document; null in a public release when the "
                       "document's text is withheld.", nullable=True)
    rule: str = _field("Name of the rule that removed it (see the README's list of rules).",
                       isin=list(BOILERPLATE_RULES))

    class Config:
        description = "Boilerplate: site furniture removed from the documents, so nothing is lost silently."
        unique = ["doc_id", "piece_no"]
        strict = True


class Segments(pa.DataFrameModel):
    """Title, headings, paragraphs and list items of each document."""

    doc_id: str = _field("Document the segment belongs to.")
    seg_no: pl.Int64 = _field("1-based order of the segment within its document.", ge=1)
    kind: str = _field("`title`, `heading`, `paragraph` or `list_item`.", isin=SEGMENT_KINDS)
    language: str = _field("Language of the segment: `ja`, `en`, or `und` when it has no letters.",
                           isin=SEGMENT_LANGUAGES)
    char_start: pl.Int64 = _field("Start offset in `documents.text` (code points, 0-based).", ge=0)
    char_end: pl.Int64 = _field("End offset in `documents.text` (code points, exclusive).", ge=0)
    text: str = _field("The segment's text: `documents.text[char_start:char_end]`; null in a public release when "
                       "the document's text is withheld.",
                       nullable=True)

    class Config:
        description = "Segments: title, headings, paragraphs and list items with their offsets and language."
        unique = ["doc_id", "seg_no"]
        strict = True


class TemporalMentions(pa.DataFrameModel):
    """Dates, times and durations found in the documents, resolved to ISO 8601."""

    doc_id: str = _field("Document the expression stands in.")
    char_start: pl.Int64 = _field("Start offset in `documents.text` (code points, 0-based).", ge=0)
    char_end: pl.Int64 = _field("End offset in `documents.text` (code points, exclusive).", ge=0)
    surface: str = _field("The expression as it stands: `documents.text[char_start:char_end]`; "
                          "null in a public release when the document's text is withheld and this quotation is "
                          "not kept.",
                          nullable=True)
    kind: str = _field("`date`, `datetime`, `time`, `month`, `year`, `year_range`, `fiscal_year`, `weekday` or "
                       "`duration`.", isin=TEMPORAL_KINDS)
    value: str = _field(
        "Normalised value: date `YYYY-MM-DD`, month `YYYY-MM`, year `YYYY`, year_range `YYYY/YYYY`, fiscal_year "
        "`YYYY` (Japanese fiscal year from 1 April), weekday as `YYYY-MM-DD`, datetime ISO 8601 with the UTC "
        "offset of the place meant, time `HH:MM`, duration ISO 8601 (`PT80M`); null when unresolved.",
        nullable=True)
    resolved_by: str = _field(
        "How the value was found: `explicit` (all in the expression), `anchor` (relative to the publication "
        "date), `context` (from nearby text), `unresolved`.", isin=RESOLVED_BY)
    precision: str = _field("Finest unit the value states: `year`, `month`, `day`, `hour` or `minute`.",
                            nullable=True, isin=PRECISIONS)
    tz_name: str = _field("IANA time zone of a datetime or time (`Asia/Tokyo`, `America/New_York`).", nullable=True)
    anchor_date: pl.Date = _field("Anchor date used to resolve a relative expression.", nullable=True)
    value_utc: UTC_TIMESTAMP = _field("The UTC instant of a datetime.", nullable=True)
    is_approximate: bool = _field("True when the text hedges the value (約, およそ, ごろ, about).")
    rule: str = _field("Name of the rule that recognised the expression.")

    class Config:
        description = "Temporal mentions: every date, time and duration, with its value and evidence."
        unique = ["doc_id", "char_start", "char_end"]
        strict = True


class Entities(pa.DataFrameModel):
    """People, countries, organisations, places, treaties and weapon systems, one id per real thing."""

    entity_id: str = _field("Stable id, `type:slug` (`person:kishida_fumio`, `country:us`).")
    entity_type: str = _field("Kind of entity.", isin=ENTITY_TYPES)
    name_en: str = _field("Name in English (people given name first).", nullable=True)
    name_ja: str = _field("Name in Japanese.", nullable=True)
    aliases: pl.List(pl.Utf8) = _field("Surface forms that name this entity (in CSV joined with `|`).")
    country_code: str = _field("ISO 3166-1 alpha-2 code of the person's country or the place's country.",
                               nullable=True, str_matches=_ISO2)
    is_provisional: bool = _field("True when the entity is not in the reference data but was built from a "
                                  "document's text (a name with an office or title).")

    class Config:
        description = "Entities: reference data plus provisional entities found in the text."
        unique = ["entity_id"]
        strict = True


class Offices(pa.DataFrameModel):
    """Offices held by people, with dates, for resolving titles at a date."""

    entity_id: str = _field("The office holder (a person in `entities`).")
    office: str = _field("Office code.", isin=OFFICE_CODES)
    office_detail: str = _field("The post's name where `office` is `minister` or `other`.", nullable=True)
    country_code: str = _field("Country whose office it is (ISO 3166-1 alpha-2).", str_matches=_ISO2)
    host_country_code: str = _field("For ambassadors, the country they are posted to.", nullable=True,
                                    str_matches=_ISO2)
    start_date: pl.Date = _field("First day in office.")
    end_date: pl.Date = _field("Last day in office; null while in office.", nullable=True)

    class Config:
        description = "Offices: who held which office when."
        unique = ["entity_id", "office", "office_detail", "start_date"]
        strict = True


class Mentions(pa.DataFrameModel):
    """Entity mentions in the documents' text."""

    doc_id: str = _field("Document the mention stands in.")
    char_start: pl.Int64 = _field("Start offset in `documents.text` (code points, 0-based).", ge=0)
    char_end: pl.Int64 = _field("End offset in `documents.text` (code points, exclusive).", ge=0)
    surface: str = _field("The mention as it stands: `documents.text[char_start:char_end]`; "
                          "null in a public release when the document's text is withheld and this quotation is "
                          "not kept.",
                          nullable=True)
    entity_id: str = _field("The entity it names.")
    entity_type: str = _field("Kind of the entity.", isin=ENTITY_TYPES)
    match_kind: str = _field("How it was resolved: an alias, a family name with a title, an office at a date, "
                             "or a provisional entity.")
    role: str = _field("Office the person held at `reference_date`, when the mention says or implies it.",
                       nullable=True, isin=OFFICE_CODES)
    role_detail: str = _field("The post's name for roles `minister` and `other`.", nullable=True)
    country_code: str = _field("Country of the person or place.", nullable=True, str_matches=_ISO2)
    reference_date: pl.Date = _field("Date the offices were looked up at (the meeting's date, else the "
                                     "document's).", nullable=True)
    is_flagged: bool = _field("True when the resolution needs a human look (see `flag`).")
    flag: str = _field("Why the mention is flagged (`given_name_mismatch`, `provisional`...).", nullable=True)

    class Config:
        description = "Mentions: where each entity is named in the text."
        unique = ["doc_id", "char_start", "char_end", "entity_id"]
        strict = True


class Speakers(pa.DataFrameModel):
    """The speaker who opens a speech of the Diet record (`○岸田国務大臣`), with the office held that day."""

    doc_id: str = _field("The speech (a document).")
    char_start: pl.Int64 = _field("Start offset of the speaker mark in `documents.text` (after `○`).", ge=0)
    char_end: pl.Int64 = _field("End offset of the speaker mark (exclusive).", ge=0)
    surface: str = _field("The speaker mark as it stands: `documents.text[char_start:char_end]`; "
                          "null in a public release when the document's text is withheld and this quotation is "
                          "not kept.",
                          nullable=True)
    name_as_written: str = _field("The speaker's name as the mark gives it: the full name, or the family name.",
                                  nullable=True)
    title_as_written: str = _field("The title the mark gives (`国務大臣`, `委員`); null for a member called by "
                                   "name and `君`.", nullable=True)
    entity_id: str = _field("The speaker (a person in `entities`); null when the mark does not single out one "
                            "person the reference data knows.", nullable=True)
    role: str = _field("Office the speaker held on the sitting date, when the title stands for one.",
                       nullable=True, isin=OFFICE_CODES)
    role_detail: str = _field("The post's name for roles `minister` and `other`.", nullable=True)
    reference_date: pl.Date = _field("The sitting date the office was looked up at (`documents.published_date`).",
                                     nullable=True)

    class Config:
        description = ("Speakers: who opens each Diet speech, so that `私` in it can be read as that person and the "
                       "speaker is not taken for someone the speech names.")
        unique = ["doc_id", "char_start"]
        strict = True


class Meetings(pa.DataFrameModel):
    """One row per US–Japan meeting."""

    meeting_id: str = _field("Stable id of the meeting, derived from its type, date and principals.")
    meeting_type: str = _field("Type of meeting.", isin=MEETING_TYPES)
    date_local: pl.Date = _field("Date where the meeting took place; null when the texts do not give it.",
                                 nullable=True)
    start_utc: UTC_TIMESTAMP = _field("Start of the meeting (UTC); null when not stated.", nullable=True)
    tz_local: str = _field("IANA time zone of the meeting place.", nullable=True)
    city: str = _field("City, in English, as the text names it; null when the text does not.", nullable=True)
    city_ja: str = _field("City in Japanese.", nullable=True)
    country_code: str = _field("Country where the meeting took place (ISO 3166-1 alpha-2).", nullable=True,
                               str_matches=_ISO2)
    venue: str = _field("Venue (the White House, the Prime Minister's Office), when the text names it.",
                        nullable=True)
    duration_minutes: pl.Int64 = _field("Length of the meeting in minutes.", nullable=True, ge=0)
    mode: str = _field(
        "How the meeting was held: `in_person` (the text places it), `phone` or `video` (a telephone or video word "
        "says so); null when the text does not say. `meeting_type` says who met: leaders by telephone keep "
        "`phone_call`, ministers by telephone are their level's type with mode `phone`.",
        nullable=True, isin=["in_person", "phone", "video"])
    n_sources: pl.Int64 = _field("Number of documents that report the meeting.", ge=1)

    class Config:
        description = "Meetings: one row per US–Japan meeting reported in the documents."
        unique = ["meeting_id"]
        strict = True


class MeetingParticipants(pa.DataFrameModel):
    """Who took part in each meeting."""

    meeting_id: str = _field("The meeting.")
    entity_id: str = _field("The participant (a person in `entities`).")
    role: str = _field("Office the participant held on the meeting's date.", nullable=True, isin=OFFICE_CODES)
    country_code: str = _field("Side the participant belongs to (ISO 3166-1 alpha-2).", nullable=True,
                               str_matches=_ISO2)
    side: str = _field("`principal` or `attendee` (同席).", isin=["principal", "attendee"])
    is_inferred: bool = _field("True when the text does not name the participant and the row comes from "
                               "`offices` (who held the office on the meeting's date).")
    evidence_doc_id: str = _field("Document whose text supports the row.")
    evidence_start: pl.Int64 = _field("Start offset of the supporting text in `documents.text`.", ge=0)
    evidence_end: pl.Int64 = _field("End offset of the supporting text (exclusive).", ge=0)

    class Config:
        description = "Meeting participants: principals and attendees, with evidence."
        unique = ["meeting_id", "entity_id"]
        strict = True


class MeetingSources(pa.DataFrameModel):
    """Which documents report which meeting."""

    meeting_id: str = _field("The meeting.")
    doc_id: str = _field("A document that reports it.")
    is_primary: bool = _field("True when the document is about this meeting.")
    evidence_start: pl.Int64 = _field("Start offset of the text that reports the meeting.", ge=0)
    evidence_end: pl.Int64 = _field("End offset of that text (exclusive).", ge=0)

    class Config:
        description = "Meeting sources: the documents behind each meeting."
        unique = ["meeting_id", "doc_id"]
        strict = True


class MeetingFieldValues(pa.DataFrameModel):
    """The values the reports of one meeting give of a field they disagree on."""

    meeting_id: str = _field("The meeting.")
    field: str = _field("The column of `meetings` the reports disagree on.",
                        isin=["start_utc", "tz_local", "city", "city_ja", "country_code", "venue", "duration_minutes",
                              "mode"])
    value: str = _field("The value this document gives, as text (`start_utc` in ISO 8601 UTC, `2024-04-10T15:00:00Z`; "
                        "`duration_minutes` a whole number).")
    doc_id: str = _field("The document that gives it.")
    evidence_start: pl.Int64 = _field("Start offset in `documents.text` of the text the value was read from: the "
                                      "stated start or length for `start_utc` and `duration_minutes`, else the text "
                                      "that reports the meeting.", ge=0)
    evidence_end: pl.Int64 = _field("End offset of that text (exclusive).", ge=0)
    is_chosen: bool = _field("True when this is the value `meetings` publishes.")
    rule: str = _field("Why the published value was chosen: `most_precise_place` (the place fields come from the "
                       "report that places the meeting most precisely: a city, else a venue, else a country), "
                       "`primary_report` (the document about the meeting over one that mentions it), "
                       "`first_by_doc_id` (reports of equal standing: the first by `doc_id`).",
                       isin=["most_precise_place", "primary_report", "first_by_doc_id"])

    class Config:
        description = ("Meeting field values: where the documents of one meeting disagree on a field (120 minutes "
                       "in one, 90 in another), every value with its document and offsets, and which was chosen "
                       "and why. Only fields with two values or more have rows.")
        unique = ["meeting_id", "field", "doc_id"]
        strict = True


class Topics(pa.DataFrameModel):
    """Topics discussed, tagged per segment with the words that matched."""

    doc_id: str = _field("Document.")
    seg_no: pl.Int64 = _field("Segment the topic was found in.", ge=1)
    topic_code: str = _field("Code of the topic in the codebook.")
    char_start: pl.Int64 = _field("Start offset of the matched words in `documents.text`.", ge=0)
    char_end: pl.Int64 = _field("End offset of the matched words (exclusive).", ge=0)
    evidence: str = _field("The words that matched: `documents.text[char_start:char_end]`; "
                           "null in a public release when the document's text is withheld and this quotation is "
                           "not kept.",
                           nullable=True)

    class Config:
        description = "Topics: what the documents talk about, per segment, with evidence."
        unique = ["doc_id", "seg_no", "topic_code", "char_start"]
        strict = True


class Rejections(pa.DataFrameModel):
    """Inputs that could not be used, and why."""

    source_file: str = _field("Path of the raw file relative to the raw folder.")
    stage: str = _field("Pipeline stage that rejected it.", isin=REJECTION_STAGES)
    reason: str = _field("Short code of the reason (`undecodable`, `empty_document`, `invalid_manifest_value`...).")
    detail: str = _field("What exactly was wrong, in words.")

    class Config:
        description = "Rejections: documents and manifest entries that could not be used, with the reason."
        unique = ["source_file", "stage", "reason", "detail"]
        strict = True
