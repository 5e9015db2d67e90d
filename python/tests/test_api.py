"""The Python API: options, errors as exceptions, read-only objects,
pickling and threads."""

import datetime
import errno
import json
import pickle
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import bodo_ko
from conftest import FIXTURE

RELEASE = "산업 디지털 전환에 산업계 참여 확산\n□ 산업부는 12월 22일(수) 협력을 밝혔다."


def test_reference_date_gives_the_year(extractor):
    assert extractor.extract(RELEASE).dates[0].year_source == "unknown"
    for given in (datetime.date(2021, 12, 1), "2021-12-01", datetime.datetime(2021, 12, 1, 9)):
        dated = bodo_ko.Extractor(reference_date=given)
        assert dated.reference_date == datetime.date(2021, 12, 1)
        date = dated.extract(RELEASE).dates[0]
        assert (date.date, date.year_source) == (datetime.date(2021, 12, 22), "reference")


def test_bad_options_raise():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        bodo_ko.Extractor(reference_date="2021-02-30")
    with pytest.raises(TypeError, match="reference_date"):
        bodo_ko.Extractor(reference_date=20211201)
    with pytest.raises(bodo_ko.DictionaryError, match="no/such/ko-dic") as raised:
        bodo_ko.Extractor(dictionary="no/such/ko-dic")
    assert isinstance(raised.value, OSError)


def test_a_missing_file_is_file_not_found(extractor):
    with pytest.raises(FileNotFoundError, match=r"^no/such/release\.hwpx: ") as raised:
        extractor.extract_file("no/such/release.hwpx")
    assert raised.value.errno == errno.ENOENT
    with pytest.raises(FileNotFoundError):
        bodo_ko.read_file("no/such/release.hwpx")
    with pytest.raises(IsADirectoryError):
        extractor.extract_file(FIXTURE.parent)


def test_a_bad_format_is_a_value_error(extractor, tmp_path):
    broken = tmp_path / "a.hwpx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(bodo_ko.FormatError, match=r"a\.hwpx: broken zip archive") as raised:
        extractor.extract_file(broken)
    assert isinstance(raised.value, ValueError)
    with pytest.raises(bodo_ko.FormatError, match="^-: "):
        extractor.extract_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(bodo_ko.FormatError, match="^<input 1>: "):
        extractor.extract_many([RELEASE, b"PK\x03\x04 not really a zip", RELEASE])


def test_extract_bytes_reads_any_format(extractor, fixture_doc):
    assert extractor.extract_bytes(FIXTURE.read_bytes()) == fixture_doc
    assert extractor.extract_bytes(bytearray(FIXTURE.read_bytes()), name="x.txt") == fixture_doc
    # CP949 (EUC-KR) bytes are read as text too.
    assert extractor.extract_bytes(RELEASE.encode("cp949")) == extractor.extract(RELEASE)


def test_extract_many_refuses_what_it_cannot_read(extractor):
    with pytest.raises(TypeError, match="input 1: expected str"):
        extractor.extract_many([RELEASE, 42])
    with pytest.raises(ValueError, match="threads"):
        extractor.extract_many([RELEASE], threads=0)
    with pytest.raises(FileNotFoundError, match="no/such"):
        from pathlib import Path

        extractor.extract_many([RELEASE, Path("no/such/file.txt")])


def test_documents_and_items_are_read_only(extractor):
    doc = extractor.extract(RELEASE)
    with pytest.raises(AttributeError):
        doc.title = None
    with pytest.raises(AttributeError):
        doc.title.text = "x"
    with pytest.raises(AttributeError, match="'Document' object has no attribute 'nope'"):
        doc.nope
    with pytest.raises(AttributeError, match="'Item' object has no attribute 'nope'"):
        doc.title.nope
    assert isinstance(doc.subtitles, tuple) and isinstance(doc.title.span, tuple)
    # to_dict gives copies: changing them changes nothing.
    data = doc.to_dict()
    data["title"]["text"] = "changed"
    doc.title.to_dict()["span"].append(9)
    assert doc.title.text == RELEASE.split("\n")[0] and doc.title.span == (0, 50)
    assert doc.blocks is doc.blocks
    assert "title" in dir(doc) and "to_json" in dir(doc) and "char_span" in dir(doc.title)
    assert repr(doc.title).startswith("Item(text='산업 디지털 전환에 산업계 참여 확산', span=(0, 50)")


def test_item_views_convert_only_dates(extractor):
    date = extractor.extract(RELEASE).dates[0]
    assert date.to_dict()["date"] is None
    item = bodo_ko.Item({"date": "2021-12-22", "end_date": "2021-12-24", "text": "2021-12-22", "n": [1, {"a": None}]})
    assert item.date == datetime.date(2021, 12, 22) and item.end_date == datetime.date(2021, 12, 24)
    assert item.text == "2021-12-22"
    assert item.n[1].a is None and item.to_dict()["n"] == [1, {"a": None}]
    # Not a day of the calendar: kept as written rather than failing.
    assert bodo_ko.Item({"date": "2021-02-30"}).date == "2021-02-30"


def test_pickle_round_trips(extractor, fixture_doc):
    again = pickle.loads(pickle.dumps(extractor))
    assert isinstance(again, bodo_ko.Extractor) and again.reference_date is None
    dated = pickle.loads(pickle.dumps(bodo_ko.Extractor(reference_date="2021-12-01")))
    assert dated.reference_date == datetime.date(2021, 12, 1)
    assert dated.extract(RELEASE).dates[0].year_source == "reference"
    assert repr(dated) == "Extractor(reference_date=datetime.date(2021, 12, 1), dictionary=None)"

    doc = pickle.loads(pickle.dumps(fixture_doc))
    assert doc == fixture_doc and doc.to_json() == fixture_doc.to_json()
    person = pickle.loads(pickle.dumps(fixture_doc.people[0]))
    assert person == fixture_doc.people[0]


def test_from_json_reads_to_json(fixture_doc):
    assert bodo_ko.Document.from_json(fixture_doc.to_json()) == fixture_doc
    with pytest.raises(ValueError, match="not a bodo document"):
        bodo_ko.Document.from_json(json.dumps({"title": 3}))


def test_one_extractor_serves_many_threads(extractor):
    texts = [FIXTURE.read_text(encoding="utf-8"), RELEASE] * 4
    expected = [extractor.extract(t).to_json() for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: extractor.extract(t).to_json(), texts))
    assert got == expected


def test_extract_many_releases_the_gil(extractor):
    """A Python thread keeps counting while extract_many runs; were the GIL
    held, it would count only in the few milliseconds around the call."""
    ticks = 0
    stop = threading.Event()

    def count():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        before, started = ticks, time.perf_counter()
        time.sleep(0.2)
        rate = (ticks - before) / (time.perf_counter() - started)
        before, started = ticks, time.perf_counter()
        extractor.extract_many([FIXTURE.read_text(encoding="utf-8")] * 16, threads=1)
        during = (ticks - before) / (time.perf_counter() - started)
    finally:
        stop.set()
        counter.join()
    assert during > rate / 4, f"counted {during:.0f}/s during the call, {rate:.0f}/s before"


def test_module_metadata():
    assert bodo_ko.SCHEMA_VERSION == 1
    assert bodo_ko.__version__.count(".") == 2
