"""A listing of many talks: each a title line, a speaker line, the abstract and maybe a biography.

Expected layout (see README "Ingesting pages"): an optional first line naming the collection,
then for each talk a title line followed by a speaker line ("Name, Affiliation", "Name, Role,
Affiliation", "Name, Role at Affiliation"; several speakers joined by ";" or " and "), then
abstract paragraphs; a paragraph that starts with the speaker's name (or "Prof. Name", "Dr.
Lastname") followed by "is", "received", "was"... begins the biography. A title "X Seminar:
Title" puts the talk in the series X Seminar. A title line followed by chapter lines
("01:51:00 - "Title", Name, Role, Affiliation") is one recorded event with several talks.
"""

from __future__ import annotations

import re

from kg.errors import DataError
from kg.ingest.pages import common
from kg.ingest.pages.extracted import EventText, PageExtract, SpeakerText, TalkText
from kg.ingest.pages.text import Line, Page
from kg.records.ids import slugify

_CHAPTER = re.compile(r"^(?P<offset>\d{1,2}:\d{2}(?::\d{2})?)\s*[-–—]\s*(?P<rest>.+)$")
_QUOTED = re.compile(r"^[\"“](?P<title>[^\"”]+)[\"”],?\s*(?P<rest>.*)$")
_SERIES_PREFIX = re.compile(r"^(?P<series>[^:]{2,50}?(?:Seminar|Colloquium|Lecture Series|"
                            r"Distinguished Lecture))\s*:\s*(?P<title>.+)$")
_BIO_VERB = r"(?:is|was|received|joined|holds|has|completed|obtained|earned|works|leads|serves)\b"


def extract(page: Page) -> PageExtract:
    """Every talk of a listing page, with the collection, series and recorded events it names."""
    lines = [line for line in page.lines if line.text]
    starts: list[int] = []
    for i in range(len(lines) - 1):
        if (not starts or starts[-1] < i - 1) and _is_entry_start(lines, i):
            starts.append(i)
    schools = [i for i in range(len(lines) - 1) if _CHAPTER.match(lines[i + 1].text)
               and not _CHAPTER.match(lines[i].text)]
    if not starts and not schools:
        raise DataError(f"{page.path}: no talk found: a listing needs a title line followed by a "
                        f"speaker line such as 'Ada Lovelace, Analytical University'")
    first_entry = min(starts + schools)
    collection_name = lines[0].text if first_entry > 0 else page.path.stem
    collection = EventText(slugify(collection_name), collection_name, "talk_collection",
                           at=common.where("title", lines[0]))
    result = PageExtract("talk_listing", f"{collection_name} (listing of talks)",
                         slugify(collection_name), events=[collection])
    boundaries = sorted(set(starts + schools)) + [len(lines)]
    series: dict[str, EventText] = {}
    for n, start in enumerate(boundaries[:-1]):
        end = boundaries[n + 1]
        if start in schools:
            _school(lines[start:end], result, collection)
        else:
            result.talks.append(_entry(lines[start:end], collection, series))
    result.events.extend(series[k] for k in sorted(series))
    return result


def _is_entry_start(lines: list[Line], i: int) -> bool:
    title, speaker = lines[i], lines[i + 1]
    if len(title.text) > 200 or title.text.endswith((".", ",")) and not title.text.endswith("..."):
        return False
    if _CHAPTER.match(title.text):
        return False
    speakers = common.speaker_line(speaker.text)
    if not speakers or len(speaker.text) > 200:
        return False
    if not any(s.affiliation for s in speakers) and i + 2 < len(lines):
        # "Title / Title-like line / Name, Affiliation": the second line is the title
        following = common.speaker_line(lines[i + 2].text)
        if following and any(s.affiliation for s in following):
            return False
    return True


def _entry(block: list[Line], collection: EventText, series: dict[str, EventText]) -> TalkText:
    title_line, speaker_line, body = block[0], block[1], block[2:]
    speakers = common.speaker_line(speaker_line.text) or []
    title: str | None = title_line.text
    alt: list[tuple[str, str]] = []
    event = collection.key
    prefixed = _SERIES_PREFIX.match(title_line.text)
    if prefixed:
        name = prefixed["series"].strip()
        event = slugify(name)
        series.setdefault(event, EventText(event, name, "seminar_series",
                                           at=common.where("listing", title_line)))
        title = prefixed["title"].strip()
        alt = [(title_line.text, "listing")]
    texts = [line.text for line in body]
    bio_at = next((i for i, text in enumerate(texts) if _starts_biography(text, speakers)), None)
    abstract_texts = texts if bio_at is None else texts[:bio_at]
    bio_texts = [] if bio_at is None else texts[bio_at:]
    abstract = "\n\n".join(abstract_texts) or None
    names, org_of, sentence = common.collaborators(abstract or "")
    return TalkText(speakers, title, alt_titles=alt, event=event, abstract=abstract,
                    biography="\n\n".join(bio_texts) or None, collaborators=names,
                    collaborator_affiliations=org_of,
                    collaboration_evidence=sentence, at=common.where("listing", title_line))


def _starts_biography(text: str, speakers: list[SpeakerText]) -> bool:
    for speaker in speakers:
        words = speaker.name.split()
        options = [re.escape(speaker.name), re.escape(words[-1]), re.escape(words[0])]
        if re.match(rf"^(?:(?:Prof\.?|Professor|Dr\.?)\s+)?(?:{'|'.join(options)})\s+{_BIO_VERB}", text):
            return True
    return bool(re.match(r"^(?:bio(?:graphy)?|about the speakers?)\s*:", text, re.IGNORECASE))


def _school(block: list[Line], result: PageExtract, collection: EventText) -> None:
    """A recorded event with chapters: one event, one talk per chapter that names a speaker."""
    name = block[0].text
    lowered = name.lower()
    kind = "school" if "school" in lowered else "workshop" if "workshop" in lowered else \
        "conference" if "conference" in lowered else "talk_collection"
    event = EventText(slugify(name), name, kind, part_of=None,
                      description="Chapters as printed: " + "; ".join(line.text for line in block[1:]),
                      at=common.where("listing", block[0]))
    result.events.append(event)
    for line in block[1:]:
        chapter = _CHAPTER.match(line.text)
        if not chapter:
            continue
        quoted = _QUOTED.match(chapter["rest"])
        if not quoted:
            continue
        speakers = common.speaker_line(quoted["rest"]) or []
        if not speakers:
            continue
        result.talks.append(TalkText(speakers, quoted["title"].strip(), event=event.key,
                                     recording_offset=chapter["offset"],
                                     at=common.where("listing", line)))
