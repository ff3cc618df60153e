"""Patterns of site furniture: the kinds of line a news or government page puts around its article.

Each pattern describes a kind of furniture (a dateline, a "back to top" link, a ranking widget), never a
particular site. Patterns run on the NFKC form of a line with surrounding white space removed, as Polars
(Rust) regular expressions and as Python ones, so they avoid look-around.
"""

from __future__ import annotations

import re
from datetime import date

from nichibei.rules import RuleFileError, load_rules

# The words and phrasings of each kind of furniture, one alternative a row (`rules/furniture.csv`); the code
# below keeps only how a kind's alternatives sit in its line (anchored, followed by a colon...).
_FURNITURE = load_rules("nichibei.clean", "furniture", ("kind", "pattern", "flags"))


def _kind(kind: str, prefix: str = "", suffix: str = "") -> str:
    """The pattern of one kind of furniture: its alternatives in file order, between `prefix` and `suffix`."""
    rows = [r for r in _FURNITURE if r["kind"] == kind]
    flags = {r["flags"] for r in rows}
    if not rows or len(flags) > 1:
        raise RuleFileError(f"rules/furniture.csv: kind {kind!r} has {'no rows' if not rows else 'mixed flags'}")
    return ("(?i)" if "i" in flags.pop() else "") + prefix + "|".join(r["pattern"] for r in rows) + suffix

ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}

_EN_MONTH = (r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE_NUM = r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
_DATE_JA = r"(?:\d{4}|(?:明治|大正|昭和|平成|令和)(?:\d{1,2}|元))年\d{1,2}月\d{1,2}日"
_DATE_EN = rf"(?:{_EN_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_EN_MONTH},?\s+\d{{4}})"
_WEEKDAY = r"(?:\s*\([月火水木金土日](?:曜日?)?\)|\s*[月火水木金土日]曜日?|,?\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?)?"
_TIME = (r"(?:\s*[,\-T]?\s*(?:(?:午前|午後)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?|(?:午前|午後)?\d{1,2}時(?:\d{1,2}分|半)?)"
         r"(?:\s*(?:JST|ET|EST|EDT|UTC|GMT|\(JST\)))?)?")
_LABEL = (r"(?:(?:公開日?|更新日?|掲載日?|配信日?|発表日?|投稿日?|最終更新日?|Published|Updated|Posted|Date)"
          r"(?:\s+on)?\s*:?\s*)?")
_SUFFIX = r"(?:\s*(?:公開|更新|配信|掲載|発表|発行|朝刊|夕刊|電子版|最終版|号))?"
_TIME_FIRST = (r"(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:JST|ET|EST|EDT|UTC|GMT)?\s*,?\s*)?")
#: A line holding only a date, or a date and time (with at most a label such as 公開日: or 配信).
_OPEN, _CLOSE = r"[(\[【]?\s*", r"\s*[)\]】]?"
_TRAILING = r"(?:\s*[|/・\-–—])?"
DATELINE = (rf"^{_OPEN}{_LABEL}{_TIME_FIRST}(?:{_DATE_NUM}|{_DATE_JA}|{_DATE_EN}){_WEEKDAY}{_TIME}{_SUFFIX}{_CLOSE}"
            rf"{_TRAILING}$")

LIST_MARKER = r"^[-–—•・*■□◆◇●○▪►›»]\s*\S"
#: Sentence-final punctuation of Japanese, or an English sentence end followed by more text or the end.
SENTENCE_JA = r"[。!?]"
SENTENCE_EN = r"[a-z0-9)\"'”’][.!?][\"'”’)]?(?:\s|$)"
LIST_NUMBER = r"^(?:\(\d{1,2}\)|\d{1,2}[.)])\s"
NUMBERED_MARKER = r"^(?:\(\d{1,2}\)|\d{1,2}[.)]|\d{1,2}\s|[①-⑳]|\([イロハニホヘトチリヌ]\)|[一二三四五六七八九十]+[、.])"

BACK_TO_TOP = _kind("back_to_top")
_DECOR_OPEN = r"[\s▼▽▶►▷■□◆◇●○・【<\[(「『]*"
_DECOR_CLOSE = r"[】>\])」』]?"
WIDGET_HEADER = _kind("widget_header", rf"^{_DECOR_OPEN}(?:この記事の|この記事に)?[A-Za-z ]{{0,20}}(?:", rf"){_DECOR_CLOSE}\s*:?$")
#: "Read more: <headline> <link>": a related-article pointer on one line.
READ_MORE = _kind("read_more")
TAG_HEADER = _kind("tag_header", r"^(?:", r")\s*:?$")
TAG_LINE = r"^[【\[<(]?(?:この記事の)?(?:関連)?(?:キーワード|タグ)[】\]>)]?\s*:?\s*\S"
#: A further date stamp of the page after its dateline: an update time, the print edition, the magazine issue.
TIMESTAMP_WORD = _kind("timestamp_word", r"(?:", r")")
RANKING_HEADER = _kind("ranking_header", r"(?:", r")")
ADVERTISEMENT = _kind("advertisement")
#: Photo captions and credits: （写真）…, 写真：ロイター, … (AP Photo/…). These hold even for a line that reads as a
#: sentence; the weak forms below only for a line that is not one (a paragraph may end with its agency's （共同）).
PHOTO_CAPTION = _kind("photo_caption")
PHOTO_CAPTION_WEAK = r".[^(（]*[(（](?:代表撮影|共同|時事|ロイター|AP|AFP|EPA|Reuters)[)）]$"
CAPTION_SHAPE = r"[(（](?:右|左|中央|手前|奥|右から|左から)[^)）]{0,6}[)）].{0,40}＝[^。]{1,40}$"
#: Paywalls and members-only prompts.
PAYWALL = _kind("paywall", r"(?:", r")")
#: Counters and page chrome: コメント 12件, いいね 24, Comments (3), Sign in, cookie notices, video labels.
PAGE_CHROME = _kind("page_chrome")
SEPARATOR = r"^[_\-=~*・—–─━＿]{3,}$"
# the end mark of a press release: `###`, `# # #`, `-###-`, `- 30 -`
END_MARK = r"^(?:-\s*)?(?:#\s?){3}(?:\s*-)?$|^-\s*30\s*-$"
#: "Reporting by …; Editing by …", "Our Standards: …": a news agency's credits after the story.
AGENCY_CREDIT = _kind("agency_credit", r"^(?:", r")")
LABELLED_DATELINE = _kind("labelled_dateline", r"^(?:", r")(?:[^a-z]|$)")
SOCIAL_ACTION = _kind("social_action", r"(?:", r")")
SUBSCRIBE = _kind("subscribe")
SOCIAL_TARGET = _kind("social_target", r"(?:", r")")
SHARE_BAR = (r"(?i)^(?:(?:(?:この記事を)?シェア(?:する)?|ツイート|tweet|share|lineで送る|はてなブックマーク|はてブ|pocket|"
             r"facebook|twitter|x|line|email|メール|印刷|print|follow us:?|instagram)\s*\d*[\s|/・]*){1,8}$")
COPYRIGHT = _kind("copyright")
#: Copyright words inside a line: furniture only when the line is no sentence (`時事通信社 Copyright JIJI PRESS`).
COPYRIGHT_WEAK = _kind("copyright_weak")
#: What follows a subscribe prompt: `Choose which products you want delivered to you.`
SUBSCRIBE_FOLLOWUP = _kind("subscribe_followup")
PAGE_TOOL = _kind("page_tool", r"^(?:", r")$")
PAGINATION = (r"(?i)^(?:[«‹<]\s*)?(?:前の記事|次の記事|前へ|次へ|前のページ|次のページ|previous|next|prev)"
              r"(?:\s+(?:article|story|post|page))?(?:\s*[»›>])?"
              r"(?:\s*[/|・]\s*(?:[«‹<]\s*)?(?:前の記事|次の記事|前へ|次へ|previous|next)"
              r"(?:\s+(?:article|story|post|page))?(?:\s*[»›>])?)*$")
BYLINE = (r"^(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+"
          r"(?:\s+[A-Z][\w.'’-]+){0,3})*(?:\s*/\s*[A-Za-z ]{2,30})?$")
#: A desk or staff credit: `TBSテレビ 政治部`, `KEN MORIYAMA, Nikkei staff writer`, `文＝政治ジャーナリスト 山本和夫`.
DESK_CREDIT = _kind("desk_credit")
BYLINE_ROLE = _kind("byline_role", r"^(?:", r")$")
#: How a site's own name ends, when it heads the page above the headline.
SITE_NAME = _kind("site_name", r"(?:", r")$")
ALL_CAPS_LABEL = r"^[A-Z][A-Z &/.,'-]{1,39}$"
AUTHOR_LABEL = _kind("author_label", r"^(?:", r")(?:プロフィール|紹介|情報)?\s*[:/]")
CATEGORY_LABEL = _kind("category_label", r"^(?:", r")\s*:")
MENU_SEPARATOR = r"[|]"
SECTION_SEPARATOR = r"\s[|/&]\s"
BREADCRUMB_SEPARATOR = r"\s[>›»]\s|>"

# A self-description of the kind author boxes carry: several short noun phrases, each closed by 。
_BIO_FRAGMENT = re.compile(r"[^。、,]{1,24}。")
_VERB_ENDINGS = ("た", "だ", "る", "す", "い", "ん", "う", "か", "ね", "よ", "ず", "て")


def looks_like_author_bio(line: str) -> bool:
    """Three or more short verbless phrases closed by 。, optionally in 「」 (a profile blurb, not a sentence)."""
    body = line.strip().strip("「」\"“”").strip()
    if not body.endswith("。"):
        return False
    fragments = _BIO_FRAGMENT.findall(body)
    if len(fragments) < 3 or "".join(fragments) != body:
        return False
    return all(not f[:-1].endswith(_VERB_ENDINGS) for f in fragments)


_DATELINE_PARTS = re.compile(
    rf"(?P<num>(?P<ny>\d{{4}})[-/.](?P<nm>\d{{1,2}})[-/.](?P<nd>\d{{1,2}}))"
    rf"|(?P<ja>(?:(?P<jy>\d{{4}})|(?P<era>明治|大正|昭和|平成|令和)(?P<ey>\d{{1,2}}|元))年(?P<jm>\d{{1,2}})月(?P<jd>\d{{1,2}})日)"
    rf"|(?P<en1>(?P<e1m>[A-Za-z]{{3,9}})\.?\s+(?P<e1d>\d{{1,2}}),?\s+(?P<e1y>\d{{4}}))"
    rf"|(?P<en2>(?P<e2d>\d{{1,2}})\s+(?P<e2m>[A-Za-z]{{3,9}})\.?,?\s+(?P<e2y>\d{{4}}))"
)
_DATELINE_RE = re.compile(DATELINE)


def parse_dateline(normalised_line: str) -> date | None:
    """The date a dateline states (NFKC form expected); None when the line is not a valid dateline."""
    if not _DATELINE_RE.match(normalised_line):
        return None
    m = _DATELINE_PARTS.search(normalised_line)
    if m is None:
        return None
    try:
        if m.group("num"):
            return date(int(m.group("ny")), int(m.group("nm")), int(m.group("nd")))
        if m.group("ja"):
            if m.group("jy"):
                year = int(m.group("jy"))
            else:
                n = 1 if m.group("ey") == "元" else int(m.group("ey"))
                year = ERAS[m.group("era")] + n - 1
            return date(year, int(m.group("jm")), int(m.group("jd")))
        month_name, day, year = (
            (m.group("e1m"), m.group("e1d"), m.group("e1y")) if m.group("en1")
            else (m.group("e2m"), m.group("e2d"), m.group("e2y"))
        )
        month = EN_MONTHS.get(month_name[:3].lower())
        return date(int(year), month, int(day)) if month else None
    except ValueError:
        return None


#: Any full date (with its year), wherever it stands in a line.
ANY_DATE = rf"(?:{_DATE_NUM}|{_DATE_JA}|{_DATE_EN})"
