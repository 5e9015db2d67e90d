"""The corpus of ../shared: spans hold for Python strings, readers give the
same text as the corpus, extract_many is extract one by one."""

import datetime

import bodo_ko
from conftest import CORPUS, corpus_files


METHODS = {"to_dict", "to_json", "from_json"}


def spanned(value, path="doc"):
    """Every JSON object with `text` and `span`, with where it stands."""
    if isinstance(value, dict):
        if "text" in value and "span" in value:
            yield path, value
        for key, child in value.items():
            yield from spanned(child, f"{path}.{key}")
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from spanned(child, f"{path}[{i}]")


def items(value, path="doc"):
    """The same, walked through the attribute API (Items and tuples)."""
    if isinstance(value, (bodo_ko.Item, bodo_ko.Document)):
        names = [n for n in dir(value) if n not in METHODS]
        if "text" in names and "char_span" in names:
            yield path, value
        for name in names:
            yield from items(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, tuple):
        for i, child in enumerate(value):
            yield from items(child, f"{path}[{i}]")


def test_char_spans_slice_python_strings(corpus):
    checked = 0
    for path, text, doc in corpus:
        data = text.encode("utf-8")
        for where, item in spanned(doc.to_dict()):
            assert text[slice(*item["char_span"])] == item["text"], f"{path.name}: {where}"
            assert data[slice(*item["span"])].decode("utf-8") == item["text"], f"{path.name}: {where}"
            checked += 1
        if "wider" in path.parts:
            continue  # the attribute walk is slow in Python: the main corpus is enough
        for where, item in items(doc):
            assert text[slice(*item.char_span)] == item.text, f"{path.name}: {where}"
    assert len(corpus) >= 66 and checked > 10_000


def test_every_date_is_a_date(corpus):
    for path, _, doc in corpus:
        for d in doc.dates:
            assert d.date is None or isinstance(d.date, datetime.date), path.name


def test_originals_read_to_the_corpus_text(extractor):
    originals = sorted((CORPUS / "originals").glob("*.hwp*"))
    assert len(originals) == 16
    for original in originals:
        release = CORPUS / "releases" / (original.stem + ".txt")
        read = bodo_ko.read_file(original)
        assert read.encoding in ("hwpx", "hwp5")
        assert read.text == bodo_ko.read_file(release).text, original.name
        assert extractor.extract_file(original) == extractor.extract_file(release), original.name


def test_a_corpus_release(extractor):
    # 고용노동부, 2026-04-10: header, title, subtitle and contact block.
    doc = extractor.extract_file(CORPUS / "originals" / "156754052.hwpx")
    assert doc.title.text == "2026년 고용노동부 소관 제1회 추가경정예산 주요 내용"
    assert doc.subtitles[0].text == "총 4,165억원 증액 의결"
    assert doc.header.embargo.date == datetime.date(2026, 4, 10)
    assert doc.header.embargo.note == "배포 즉시"
    assert doc.issuer.name == "고용노동부"
    assert doc.dates[1].text == "4월 10일" and doc.dates[1].date == datetime.date(2026, 4, 10)
    phones = [c.phone for c in doc.contacts]
    assert "044-202-7026" in phones and "044-202-7034" in phones


def test_extract_many_is_extract_one_by_one(extractor, main_corpus):
    files = [path for path, _, _ in main_corpus]
    one_by_one = [extractor.extract_file(p) for p in files]
    assert [doc for _, _, doc in main_corpus] == one_by_one
    assert extractor.extract_many(files, threads=1) == one_by_one
    assert extractor.extract_many(reversed(files), threads=2) == one_by_one[::-1]


def test_extract_many_takes_texts_paths_and_bytes(extractor):
    files = corpus_files()[:3]
    inputs = [
        bodo_ko.read_file(files[0]).text,
        files[1],
        files[2].read_bytes(),
        files[0].read_text(encoding="utf-8"),
    ]
    docs = extractor.extract_many(inputs, threads=2)
    expected = [extractor.extract_file(p) for p in files] + [extractor.extract_file(files[0])]
    assert docs == expected
    assert extractor.extract_many([]) == []
    assert extractor.extract_many(iter([files[0]]), threads=8) == expected[:1]
