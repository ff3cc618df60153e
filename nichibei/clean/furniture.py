"""Patterns of site furniture: the kinds of line a news or government page puts around its article.

Each pattern describes a kind of furniture (a dateline, a "back to top" link, a ranking widget), never a
particular site. Patterns run on the NFKC form of a line with surrounding white space removed, as Polars
(Rust) regular expressions and as Python ones, so they avoid look-around.
"""

from __future__ import annotations

import re
from datetime import date

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

BACK_TO_TOP = (
    r"(?i)^[▲△↑^]?\s*(?:(?:この)?ページの?)?(?:先頭|トップ|top|上)(?:へ|に)(?:戻る|もどる)?\s*[▲△↑]?$"
    r"|^(?:目次|一覧|ホーム|トップページ|前のページ|記事一覧|ニュース一覧|一覧ページ|トップ)(?:へ|に)(?:戻る|もどる)$"
    r"|^(?:back|return|go)\s+to\s+(?:the\s+)?(?:top|index|contents|list|home)(?:\s+of\s+(?:the\s+)?page)?$"
    r"|^(?:page\s*top|top\s+of\s+(?:the\s+)?page|[▲↑]\s*(?:top|ページトップ))$"
)
_DECOR_OPEN = r"[\s▼▽▶►▷■□◆◇●○・【<\[(「『]*"
_DECOR_CLOSE = r"[】>\])」』]?"
WIDGET_HEADER = (
    rf"(?i)^{_DECOR_OPEN}(?:この記事の|この記事に)?[A-Za-z ]{{0,20}}(?:ランキング|読まれている記事|よく読まれている|人気記事|アクセスランキング|関連記事|関連ニュース"
    r"|関連リンク|関連情報|関連動画|おすすめ記事|オススメ記事|あわせて読みたい|合わせて読みたい|こちらもおすすめ|注目記事"
    r"|最新記事|新着記事|この記事を読んだ人は|こんな記事も|他にも読まれて|ranking|related (?:articles|stories|posts|news"
    r"|coverage|links|content|topics)|most (?:read|popular|viewed)|trending|recommended|read (?:more|next)"
    r"|more (?:stories|on this|from)|see also|you may also like|also read|related)"
    rf"{_DECOR_CLOSE}\s*:?$"
)
#: "Read more: <headline> <link>": a related-article pointer on one line.
READ_MORE = (r"(?i)^(?:read more|see also|related|関連記事|関連ニュース|あわせて読みたい)\s*:\s*\S"
             r"|^(?:関連リンク|関連記事|関連ニュース|関連情報)\s+\S")
TAG_HEADER = r"(?i)^(?:tags?|topics|categories|タグ|キーワード|関連キーワード)\s*:?$"
TAG_LINE = r"^[【\[<(]?(?:この記事の)?(?:関連)?(?:キーワード|タグ)[】\]>)]?\s*:?\s*\S"
#: A further date stamp of the page after its dateline: an update time, the print edition, the magazine issue.
TIMESTAMP_WORD = r"(?i)(?:updated|更新|号|掲載|edition|版|print)"
RANKING_HEADER = r"(?i)(?:ランキング|読まれている|人気|ranking|most (?:read|popular|viewed)|trending)"
ADVERTISEMENT = (
    r"(?i)^(?:広告|pr|\[pr\]|【pr】|スポンサーリンク|スポンサードリンク|advertisement|sponsored|ad|ads)$"
    r"|^(?:\[PR\]|【PR】|PR:|広告:)"
    r"|^(?:advertisement|sponsored content|sponsored|スポンサーリンク)\s*[·・|:\-–—]\s*.{0,40}$"
    r"|^(?:アプリ(?:で|を|なら)|(?i:download (?:our|the) app|get the app))"
    r"|(?:最新号|定期購読|バックナンバー|購読のお申し込み)(?:のご案内|はこちら)?$"
)
#: Photo captions and credits: （写真）…, 写真：ロイター, … (AP Photo/…). These hold even for a line that reads as a
#: sentence; the weak forms below only for a line that is not one (a paragraph may end with its agency's （共同）).
PHOTO_CAPTION = (
    r"(?i)^(?:[(（〔\[【]\s*写真[^)）〕\]】]{0,20}[)）〕\]】]|写真\s*[:：]|画像\s*[:：]|photo\s*:|image\s*:|credit\s*:|"
    r"\(?photo(?:graph)?(?: by| credit)?\s*:)"
    r"|[(（](?:ap|reuters|afp|kyodo|jiji|getty images?|epa|bloomberg|共同|時事|ロイター)\s*photo[^)）]{0,40}[)）]$"
    r"|^[(（]写真提供[:：][^)）]*[)）]$"
)
PHOTO_CAPTION_WEAK = r".[^(（]*[(（](?:代表撮影|共同|時事|ロイター|AP|AFP|EPA|Reuters)[)）]$"
CAPTION_SHAPE = r"[(（](?:右|左|中央|手前|奥|右から|左から)[^)）]{0,6}[)）].{0,40}＝[^。]{1,40}$"
#: Paywalls and members-only prompts.
PAYWALL = (r"(?i)(?:有料記事|有料会員|会員限定|会員登録|無料会員|続きを読む|続きは|残り\d+文字|ログインして|"
           r"subscribe to (?:read|continue)|subscribers only|this article is for subscribers|premium content)")
#: Counters and page chrome: コメント 12件, いいね 24, Comments (3), Sign in, cookie notices, video labels.
PAGE_CHROME = (
    r"(?i)^(?:コメント|いいね|ブックマーク|はてブ|はてなブックマーク|ツイート|シェア|comments?|likes?|reactions?|shares?)"
    r"\s*[(（]?\s*\d+\s*[)）]?\s*件?$"
    r"|^\d+\s*(?:comments?|likes?|shares?|件のコメント|コメント)$"
    r"|^(?:learn more|see more|begin text:?|end text\.?)$"
    r"|^(?:listen to this article|\d+\s*min(?:ute)?s?\s+read|read time:?.{0,12}|text size|文字サイズ.{0,20}|print)$"
    r"|^(?:sign in|sign up|log ?in|log out|ログイン|ログアウト|新規登録|マイページ|会員登録)$"
    r"|(?:cookie|クッキー)"
    r"|^(?:動画あり|動画|映像あり|\[動画\]|【動画】|video|watch video|音声あり)$"
)
SEPARATOR = r"^[_\-=~*・—–─━＿]{3,}$"
# the end mark of a press release: `###`, `# # #`, `-###-`, `- 30 -`
END_MARK = r"^(?:-\s*)?(?:#\s?){3}(?:\s*-)?$|^-\s*30\s*-$"
#: "Reporting by …; Editing by …", "Our Standards: …": a news agency's credits after the story.
AGENCY_CREDIT = (r"(?i)^(?:reporting by|additional reporting by|editing by|writing by|compiled by|our standards:"
                 r"|私たちの行動規範|行動規範\s*:)")
LABELLED_DATELINE = r"(?i)^(?:公開日?|更新日?|掲載日?|配信日?|投稿日?|最終更新日?|published|updated|posted)(?:[^a-z]|$)"
SOCIAL_ACTION = r"(?i)(?:フォロー|登録|購読|シェア|いいね|友だち追加|follow|subscribe|sign up|share|join)"
SUBSCRIBE = (r"(?i)^(?:subscribe|sign up|get (?:our|the) newsletter|メールマガジン|メルマガ|ニュースレター)"
             r"|^(?:your )?e-?mail(?: address)?$|^(?:この記事を)?シェア(?:する)?$|^share this(?: article| story| page)?$")
SOCIAL_TARGET = (r"(?i)(?:ここ|こちら|クリック|タップ|チャンネル|whatsapp|twitter|facebook|line|telegram|instagram|"
                 r"youtube|google ?news|ニュースレター|newsletter|click|tap|channel|(?:^|[^a-z])x(?:[^a-z]|$))")
SHARE_BAR = (r"(?i)^(?:(?:(?:この記事を)?シェア(?:する)?|ツイート|tweet|share|lineで送る|はてなブックマーク|はてブ|pocket|"
             r"facebook|twitter|x|line|email|メール|印刷|print|follow us:?|instagram)\s*\d*[\s|/・]*){1,8}$")
COPYRIGHT = r"(?i)^(?:copyright|\(c\)|©)|all rights reserved|無断転載|無断複製"
#: Copyright words inside a line: furniture only when the line is no sentence (`時事通信社 Copyright JIJI PRESS`).
COPYRIGHT_WEAK = r"(?i)copyright|©|著作権"
#: What follows a subscribe prompt: `Choose which products you want delivered to you.`
SUBSCRIBE_FOLLOWUP = r"(?i)deliver|inbox|newsletter|e-?mail (?:updates|alerts)|products you want|メールで|配信登録"
PAGE_TOOL = (r"(?i)^(?:印刷する|印刷|pdf版|文字サイズ|文字の大きさ|print|print this page|このページを印刷する"
             r"|写真拡大|画像拡大|拡大する|拡大|写真を拡大|hide caption|show caption|enlarge(?: image| photo)?"
             r"|toggle caption|download image)$")
PAGINATION = (r"(?i)^(?:[«‹<]\s*)?(?:前の記事|次の記事|前へ|次へ|前のページ|次のページ|previous|next|prev)"
              r"(?:\s+(?:article|story|post|page))?(?:\s*[»›>])?"
              r"(?:\s*[/|・]\s*(?:[«‹<]\s*)?(?:前の記事|次の記事|前へ|次へ|previous|next)"
              r"(?:\s+(?:article|story|post|page))?(?:\s*[»›>])?)*$")
BYLINE = (r"^(?:By|BY)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+"
          r"(?:\s+[A-Z][\w.'’-]+){0,3})*(?:\s*/\s*[A-Za-z ]{2,30})?$")
#: A desk or staff credit: `TBSテレビ 政治部`, `KEN MORIYAMA, Nikkei staff writer`, `文＝政治ジャーナリスト 山本和夫`.
DESK_CREDIT = (r"^.{0,16}(?:政治部|外信部|経済部|社会部|国際部|報道局|報道部|編集部|取材班|支局|特派員)$"
               r"|^(?:文|取材・文|構成|聞き手)\s*[=:/]"
               r"|^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)+\s*[,/]\s*(?i:.{0,30}(?:writer|reporter|correspondent|editor))$"
               r"|^(?i:the following is attributable to )")
BYLINE_ROLE = (r"(?i)^(?:(?:senior |chief |staff |political |diplomatic |foreign |washington |tokyo )*"
               r"(?:writer|reporter|correspondent|editor|columnist|contributor)|kyodo(?: news)?|jiji press|ap|afp"
               r"|reuters|bloomberg|(?:[a-z]+ )?staff writers?|(?:[a-z]+ )?staff reporters?)$")
#: How a site's own name ends, when it heads the page above the headline.
SITE_NAME = (r"(?i)(?:ホームページ|ニュース|新聞|新聞社|通信|通信社|オンライン|デジタル|電子版|ウェブ|ウォッチ|官邸|省"
             r"|news|news web|times|post|journal|herald|tribune|online|web|\.com|\.jp|\.gov|white house"
             r"|shimbun|shinbun|press|broadcasting|日報|タイムズ|テレビ|放送"
             r"|department of [a-z ]+|ministry of [a-z ]+|office of [a-z ]+|cabinet office)$")
ALL_CAPS_LABEL = r"^[A-Z][A-Z &/.,'-]{1,39}$"
AUTHOR_LABEL = (r"(?i)^(?:著者|筆者|執筆者|記者|ライター|about the author|written by|author)"
                r"(?:プロフィール|紹介|情報)?\s*[:/]")
CATEGORY_LABEL = r"(?i)^(?:カテゴリー?|ジャンル|タグ|category|categories|tags?|section)\s*:"
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
