"""A pybtex formatting style for GB/T 7714-2015, numeric (顺序编码制).

Entries are listed in citation order and numbered. Punctuation is the
half-width set the standard prescribes (". , : //"), each followed by a space
except "//" and the type mark, which follow the title directly:

    张登国. 第一书记“嵌入式”乡村治理的行动范式与优化策略[J]. 山东社会科学, 2021(11): 74-79.
    ANSELL C, GASH A. Collaborative Governance ...[J]. Journal ..., 2008, 18(4): 543-571. DOI:10.1093/jopart/mum032.

Whether an entry is Chinese or Western is read from its ``language`` field
(``zh`` or ``en``; without it, from the title's script). That decides how
personal names are written (Chinese names in full as given; Western names as
SURNAME plus initials without dots) and what follows the third author when
there are more: "等" or "et al.".

An entry's ``note`` (what the book could not verify, how it corrected the
thesis's record) follows the entry as "注：…。".

Type marks: [J] article, [N] article with ``entrysubtype = {newspaper}``,
[M] book, [M]// incollection, [C]// inproceedings, [C] proceedings,
[D] thesis / mastersthesis / phdthesis, [R] techreport, [EB/OL] online (and
misc with a url), [Z] misc and anything else.

pybtex (and sphinxcontrib-bibtex) find the style by its name ``gbt7714``
through the entry point pyproject.toml declares.
"""

from __future__ import annotations

import re

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person
from pybtex.richtext import HRef, Text
from pybtex.style.formatting import BaseStyle

MAX_AUTHORS = 3
_CJK = re.compile(r"[\u3400-\u9fff]")


def entry_language(entry) -> str:
    """``zh`` or ``en``: the entry's ``language`` field, else guessed from its title."""
    language = entry.fields.get("language", "").strip().lower()
    if language in {"zh", "chinese", "zh-cn", "zh_cn"}:
        return "zh"
    if language:
        return "en"
    return "zh" if _CJK.search(entry.fields.get("title", "")) else "en"


def _plain(value: str) -> str:
    """Field text without BibTeX braces and with ``--`` page ranges as ``-``."""
    return value.replace("{", "").replace("}", "").replace("--", "-").strip()


def persons_of(entry, role: str) -> list:
    """The persons in *role*: pybtex parses author and editor itself; others (translator) are split here."""
    if entry.persons.get(role):
        return list(entry.persons[role])
    value = entry.fields.get(role, "")
    return [Person(name) for name in split_name_list(value)] if value.strip() else []


def _is_others(person) -> bool:
    return [_plain(part) for part in person.last_names] == ["others"] and not person.first_names


def format_person(person, language: str) -> str:
    """One name: a Chinese or corporate name as given; a Western one as ``SURNAME I I``."""
    surname_parts = person.prelast_names + person.last_names
    given_parts = person.first_names + person.middle_names
    corporate = len(person.last_names) == 1 and person.last_names[0].startswith("{") and not given_parts
    if corporate or _CJK.search(" ".join(surname_parts + given_parts)):
        return "".join(_plain(part) for part in surname_parts + given_parts)
    surname = " ".join(_plain(part) for part in surname_parts).upper()
    initials = []
    for given in given_parts:
        for piece in _plain(given).replace(".", " ").replace("-", " ").split():
            initials.append(piece[0].upper())
    return " ".join([surname, *initials]) if initials else surname


def format_names(persons, language: str) -> tuple[str, bool]:
    """The names joined by ", ", at most three; second value: whether more were cut (等 / et al.)."""
    named = [person for person in persons if not _is_others(person)]
    more = len(named) > MAX_AUTHORS or len(named) < len(persons)
    text = ", ".join(format_person(person, language) for person in named[:MAX_AUTHORS])
    return text, more


def _etal(language: str) -> str:
    return "等" if language == "zh" else "et al."


def _responsibility(persons, language: str) -> str:
    """主要责任者: "A, B, C, 等" / "A, B, C, et al."."""
    names, more = format_names(persons, language)
    return f"{names}, {_etal(language)}" if more and names else names


def _role(persons, language: str, zh_role: str, en_role: str) -> str:
    """Translators or editors with their role: "冯钢, 刘阳, 译" / "周安华, 等译" / "FOX, URWICK L, ed"."""
    names, more = format_names(persons, language)
    if language == "zh":
        return f"{names}, 等{zh_role}" if more else f"{names}, {zh_role}"
    return f"{names}, et al., {en_role}" if more else f"{names}, {en_role}"


def _edition(entry, language: str) -> str:
    edition = _plain(entry.fields.get("edition", ""))
    if not edition or edition in {"1", "1st"}:
        return ""
    if not edition.isdigit():
        return edition
    if language == "zh":
        return f"{edition}版"
    number = int(edition)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix} ed"


def _publication(entry, publisher_field: str = "publisher") -> str:
    """出版项 "出版地: 出版者, 年", leaving out what is unknown."""
    address = _plain(entry.fields.get("address", ""))
    publisher = _plain(entry.fields.get(publisher_field, ""))
    year = _plain(entry.fields.get("year", ""))
    place = f"{address}: {publisher}" if address and publisher else (address or publisher)
    return ", ".join(part for part in (place, year) if part)


def _date(entry) -> str:
    """Date of issue: ``date`` if given, else year(-month)."""
    if entry.fields.get("date"):
        return _plain(entry.fields["date"])
    year = _plain(entry.fields.get("year", ""))
    month = _plain(entry.fields.get("month", ""))
    if year and month.isdigit():
        return f"{year}-{int(month):02d}"
    return year


class Style(BaseStyle):
    """GB/T 7714-2015 numeric style (顺序编码制): numbered labels, citation order."""

    default_name_style = "plain"
    default_label_style = "number"
    default_sorting_style = "none"

    # -- building blocks -------------------------------------------------
    def _head(self, entry, mark: str, persons_role: str = "author") -> list:
        """"主要责任者. 题名[标识]" as a list of pieces (no final period)."""
        language = entry_language(entry)
        pieces = []
        persons = entry.persons.get(persons_role) or []
        if persons:
            names = _responsibility(persons, language)
            pieces.append(names + (" " if names.endswith(".") else ". "))
        elif persons_role == "author" and entry.persons.get("editor"):
            pieces.append(_role(entry.persons["editor"], language, "编", "ed") + ". ")
        title = _plain(entry.fields.get("title", ""))
        pieces.append(f"{title}[{mark}]")
        return pieces

    @staticmethod
    def _finish(pieces: list, entry, url: bool = False) -> Text:
        """Append DOI (and, for online resources, nothing more: the URL is already in), the final period and
        the entry's ``note`` as "注：…。": the reader sees what was not verified or how the entry was corrected."""
        doi = _plain(entry.fields.get("doi", ""))
        if doi:
            pieces.append(f". DOI:{doi}")
        pieces.append(".")
        note = _plain(entry.fields.get("note", ""))
        if note:
            pieces.append(f" 注：{note.rstrip('。')}。")
        return Text(*pieces)

    @staticmethod
    def _pages(entry) -> str:
        pages = _plain(entry.fields.get("pages", ""))
        return f": {pages}" if pages else ""

    # -- entry types -----------------------------------------------------
    def format_article(self, context) -> Text:
        entry = context["entry"]
        if entry.fields.get("entrysubtype", "").lower() == "newspaper":
            pieces = self._head(entry, "N")
            journal = _plain(entry.fields.get("journal", ""))
            date = _date(entry)
            number = _plain(entry.fields.get("number", ""))
            source = ", ".join(part for part in (journal, date) if part)
            if number:
                source += f"({number})"
            if source:
                pieces.append(". " + source)
            return self._finish(pieces, entry)
        pieces = self._head(entry, "J")
        journal = _plain(entry.fields.get("journal", ""))
        year = _plain(entry.fields.get("year", ""))
        volume = _plain(entry.fields.get("volume", ""))
        number = _plain(entry.fields.get("number", ""))
        issue = f"({number})" if number else ""
        if volume:
            when = f"{year}, {volume}{issue}" if year else f"{volume}{issue}"
        else:
            when = f"{year}{issue}"
        source = ", ".join(part for part in (journal, when) if part)
        if source:
            pieces.append(". " + source + self._pages(entry))
        return self._finish(pieces, entry)

    def format_book(self, context, mark: str = "M") -> Text:
        entry = context["entry"]
        language = entry_language(entry)
        pieces = self._head(entry, mark)
        edition = _edition(entry, language)
        if edition:
            pieces.append(". " + edition)
        translators = persons_of(entry, "translator")
        if translators:
            pieces.append(". " + _role(translators, language, "译", "trans"))
        publication = _publication(entry)
        if publication:
            pieces.append(". " + publication + self._pages(entry))
        return self._finish(pieces, entry)

    def format_proceedings(self, context) -> Text:
        return self.format_book(context, mark="C")

    def _part(self, context, mark: str) -> Text:
        """A chapter: "析出责任者. 析出题名[M]//编者. 书名. 出版地: 出版者, 年: 页码."."""
        entry = context["entry"]
        language = entry_language(entry)
        pieces = self._head(entry, mark)
        pieces.append("//")
        editors = entry.persons.get("editor")
        if editors:
            pieces.append(_responsibility(editors, language) + ". ")
        pieces.append(_plain(entry.fields.get("booktitle", "")))
        edition = _edition(entry, language)
        if edition:
            pieces.append(". " + edition)
        publication = _publication(entry)
        if publication:
            pieces.append(". " + publication + self._pages(entry))
        return self._finish(pieces, entry)

    def format_incollection(self, context) -> Text:
        return self._part(context, "M")

    def format_inbook(self, context) -> Text:
        return self._part(context, "M")

    def format_inproceedings(self, context) -> Text:
        return self._part(context, "C")

    def _with_publisher(self, entry, tag: str, publisher_field: str) -> Text:
        """Head, then "place: publisher, year" where the publisher is *publisher_field*."""
        pieces = self._head(entry, tag)
        publication = _publication(entry, publisher_field=publisher_field)
        if publication:
            pieces.append(". " + publication)
        return self._finish(pieces, entry)

    def format_thesis(self, context) -> Text:
        return self._with_publisher(context["entry"], "D", "school")

    format_mastersthesis = format_thesis
    format_phdthesis = format_thesis

    def format_techreport(self, context) -> Text:
        return self._with_publisher(context["entry"], "R", "institution")

    def format_online(self, context) -> Text:
        entry = context["entry"]
        url = entry.fields.get("url", "").strip()
        if not url:
            return self.format_misc(context, online=False)
        pieces = self._head(entry, "EB/OL")
        date = _plain(entry.fields.get("date", ""))
        urldate = _plain(entry.fields.get("urldate", ""))
        stamp = (f"({date})" if date else "") + (f"[{urldate}]" if urldate else "")
        pieces.append(". " + (stamp + ". " if stamp else ""))
        pieces.append(HRef(url, url))
        return self._finish(pieces, entry)

    def format_misc(self, context, online: bool = True) -> Text:
        entry = context["entry"]
        if online and entry.fields.get("url"):
            return self.format_online(context)
        pieces = self._head(entry, "Z")
        address = _plain(entry.fields.get("address", ""))
        publisher = _plain(entry.fields.get("publisher", "") or entry.fields.get("organization", ""))
        place = f"{address}: {publisher}" if address and publisher else (address or publisher)
        tail = ", ".join(part for part in (place, _date(entry)) if part)
        if tail:
            pieces.append(". " + tail)
        return self._finish(pieces, entry)

    def format_unpublished(self, context) -> Text:
        return self.format_misc(context)

    def format_manual(self, context) -> Text:
        return self.format_misc(context)

    def format_booklet(self, context) -> Text:
        return self.format_misc(context)
