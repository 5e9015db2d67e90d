"""Type stubs of bodo_ko: Korean government press releases (보도자료) as
typed data with exact spans.

The whole API is in this one file. The classes from `TextItem` down are
the shapes of the JSON objects of a Document; at run time each of them is
a `bodo_ko.Item`, read-only, with the JSON field names as attributes. When
the library adds or changes a field, update the class here:
`tests/test_stubs.py` compares every class with the JSON of the corpus and
names the fields to add or drop.
"""

import datetime
import os
from collections.abc import Iterable
from typing import Any, Literal, Union, final, type_check_only

__version__: str
SCHEMA_VERSION: int

Span = tuple[int, int]
"""A half-open range `(start, end)`."""

@final
class Extractor:
    """Analyses releases. Build one (loading the dictionary takes about a
    tenth of a second) and share it: it is thread-safe, and every method
    releases the GIL while bodo works. It pickles as its options."""

    def __init__(
        self,
        reference_date: datetime.date | str | None = None,
        dictionary: str | os.PathLike[str] | None = None,
    ) -> None:
        """`reference_date` (a date or `"YYYY-MM-DD"`): the day to infer
        missing years from when a release has no dated header or explicit
        dates. `dictionary`: a compiled ko-dic directory to load instead
        of the embedded one (`DictionaryError` when it cannot be)."""
    @property
    def reference_date(self) -> datetime.date | None: ...
    @property
    def dictionary(self) -> str | None: ...
    def extract(self, text: str) -> Document:
        """Analyses the text of one release. Never fails."""
    def extract_file(self, path: str | os.PathLike[str]) -> Document:
        """Reads a release (UTF-8, UTF-16, CP949 text, HWPX, HWP 5.0, PDF,
        HTML or Markdown, told by the content) and analyses it; the
        reader's warnings come first. Raises `FileNotFoundError`
        (or another `OSError`), or `FormatError`."""
    def extract_bytes(self, data: bytes, name: str = "-") -> Document:
        """As `extract_file`, for a file's contents in memory; `name`
        labels errors."""
    def extract_many(
        self,
        texts_or_paths: Iterable[Union[str, bytes, os.PathLike[str]]],
        threads: int | None = None,
    ) -> list[Document]:
        """Analyses many releases on `threads` threads (default: all
        cores) with the GIL released; results in input order. `str` is a
        text, `os.PathLike` a file, `bytes` a file's contents. The first
        input that cannot be read raises."""
    def __reduce__(self) -> tuple[type[Extractor], tuple[datetime.date | None, str | None]]: ...

@final
class Input:
    """A release file read as text: what spans refer to."""

    @property
    def text(self) -> str: ...
    @property
    def encoding(self) -> str:
        """How the bytes were decoded: `utf-8`, `utf-8-sig`, `utf-16le`,
        `utf-16be`, `euc-kr`, `hwpx`, `hwp5` or `pdf`."""
    @property
    def format(self) -> str:
        """What the file was: `text`, `hwpx`, `hwp`, `pdf`, `html` or `markdown`."""

def read_file(path: str | os.PathLike[str]) -> Input:
    """Reads a release file as `Extractor.extract_file` does."""

class FormatError(ValueError):
    """A file that is no release bodo can read (encoding, broken or
    encrypted HWP/HWPX, over 64 MiB)."""

class DictionaryError(OSError):
    """The `dictionary` given could not be loaded."""

@final
class Item:
    """A read-only object of a Document's JSON; its fields are attributes.
    Objects are `Item`s, lists tuples, `date` / `*_date` fields
    `datetime.date`."""

    def __init__(self, fields: dict[str, Any]) -> None: ...
    def __getattr__(self, name: str) -> Any: ...
    def to_dict(self) -> dict[str, Any]:
        """The plain JSON form: new dicts and lists, dates as strings."""

@final
class Document:
    """One analysed release, read-only; fields as in the JSON."""

    schema_version: int
    title: TextItem | None
    subtitles: tuple[TextItem, ...]
    header: Header | None
    issuer: Issuer | None
    blocks: tuple[Block, ...]
    dates: tuple[DateMention, ...]
    times: tuple[TimeMention, ...]
    durations: tuple[DurationMention, ...]
    venues: tuple[TextItem, ...]
    people: tuple[Person, ...]
    organizations: tuple[Organization, ...]
    attendees: tuple[Attendee, ...]
    events: tuple[Event, ...]
    commitments: tuple[Commitment, ...]
    quotes: tuple[Quote, ...]
    contacts: tuple[Contact, ...]
    warnings: tuple[Warning, ...]

    def to_json(self, pretty: bool = True) -> str:
        """The JSON of the example extractor: pretty as it prints one file
        (less the final newline), or compact on one line."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON as new, plain dicts and lists (dates as strings)."""
    @staticmethod
    def from_json(json: str) -> Document:
        """A Document from `to_json()` output; `ValueError` otherwise."""

# The shapes of the JSON objects (all `Item` at run time).

@type_check_only
class _Object:
    def to_dict(self) -> dict[str, Any]: ...

@type_check_only
class TextItem(_Object):
    """A piece of the input: `text[slice(*item.char_span)] == item.text`."""

    text: str
    span: Span
    """UTF-8 byte offsets."""
    char_span: Span
    """Offsets in code points, as `str` slicing uses."""

@type_check_only
class Block(TextItem):
    kind: Literal[
        "header",
        "title",
        "subtitle",
        "paragraph",
        "item",
        "note",
        "box",
        "table_row",
        "list_item",
        "contact",
        "attachment",
        "separator",
    ]
    marker: str | None
    marker_span: Span | None
    number: int | None
    level: int
    cells: tuple[TextItem, ...]
    footnote_refs: tuple[TextItem, ...]
    children: tuple[Block, ...]

@type_check_only
class Header(_Object):
    embargo: DateTimeMention | None
    distributed: DateMention | None

@type_check_only
class DateTimeMention(TextItem):
    date: datetime.date | None
    time: str | None
    note: str | None

@type_check_only
class DateMention(TextItem):
    date: datetime.date | None
    weekday: str | None
    year_source: Literal["explicit", "document", "reference", "unknown"]
    end_date: datetime.date | None

@type_check_only
class TimeMention(TextItem):
    start: str
    end: str | None
    bound: Literal["from", "until", "after", "before"] | None

@type_check_only
class DurationMention(TextItem):
    number: int
    unit: Literal["year", "month", "week", "day", "hour", "minute"]

@type_check_only
class PersonRef(_Object):
    """Points to `doc.people[person]`."""

    person: int

@type_check_only
class OrganizationRef(_Object):
    """Points to `doc.organizations[organization]`."""

    organization: int

Ref = Union[PersonRef, OrganizationRef]

@type_check_only
class Issuer(_Object):
    name: str
    alias: str | None
    head: Person | None
    organization_id: int | None

@type_check_only
class Person(TextItem):
    """One entry per person: the first mention, then every mention."""

    name: str
    title: str | None
    affiliation: str | None
    affiliation_id: int | None
    """Index in `doc.organizations`."""
    id: int
    """Index in `doc.people`."""
    mentions: tuple[TextItem, ...]

@type_check_only
class Organization(_Object):
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[TextItem, ...]
    id: int
    """Index in `doc.organizations`."""

@type_check_only
class Attendee(TextItem):
    group: str | None
    name: str | None
    title: str | None
    organization: str | None
    entity: Ref | None

@type_check_only
class Event(TextItem):
    name: str
    date: datetime.date | None
    start_time: str | None
    end_time: str | None
    venue: str | None
    hosts: tuple[str, ...]
    attendees: tuple[str, ...]
    venue_id: int | None
    """Index in `doc.venues`."""
    host_refs: tuple[Ref, ...]
    attendee_refs: tuple[Ref, ...]

@type_check_only
class Commitment(TextItem):
    actor: str | None
    index: int | None
    actor_ref: Ref | None

@type_check_only
class Quote(TextItem):
    speaker: str | None
    speaker_ref: Ref | None

@type_check_only
class Contact(TextItem):
    department: str | None
    name: str | None
    title: str | None
    phone: str | None
    email: str | None
    person_id: int | None
    department_id: int | None

@type_check_only
class Warning(_Object):
    kind: Literal["numbering", "weekday", "date", "count", "input", "layout"]
    message: str
    span: Span
    char_span: Span
