"""The golden fixture, the 2021-12-22 산업통상자원부 release: the same facts
as the Rust golden test (fixtures/*.golden.json), through the Python API."""

import datetime
import json
import os
import subprocess

import pytest

from conftest import FIXTURE, GOLDEN


def test_to_json_is_the_example_json_byte_for_byte(fixture_doc):
    # The Rust golden test holds the file equal to `extract FIXTURE`'s output.
    assert doc_json(fixture_doc) == GOLDEN.read_bytes()


@pytest.mark.skipif(
    "BODO_EXTRACT_EXAMPLE" not in os.environ,
    reason="BODO_EXTRACT_EXAMPLE (the built examples/extract) is not set",
)
def test_to_json_equals_the_example_run_on_the_fixture(fixture_doc):
    printed = subprocess.run(
        [os.environ["BODO_EXTRACT_EXAMPLE"], str(FIXTURE)], capture_output=True, check=True
    ).stdout
    assert doc_json(fixture_doc) == printed


def doc_json(doc):
    return (doc.to_json() + "\n").encode("utf-8")


def test_to_dict_is_the_golden_json(fixture_doc, golden):
    assert fixture_doc.to_dict() == golden
    assert json.loads(fixture_doc.to_json(pretty=False)) == golden
    assert "\n" not in fixture_doc.to_json(pretty=False)


def test_facts_as_attributes(fixture_doc):
    doc = fixture_doc
    assert doc.schema_version == 1
    assert doc.title.text == "산업 디지털 전환에 산업계 참여 확산"
    assert doc.title.span == (0, 50) and doc.title.char_span == (0, 20)
    assert [s.text for s in doc.subtitles][0] == "대한상의 등 20개 단체 「산업 디지털 전환 네트워크」 결성"
    assert doc.header is None
    assert (doc.issuer.name, doc.issuer.alias, doc.issuer.head.name) == ("산업통상자원부", "산업부", "문승욱")

    first = doc.dates[0]
    assert (first.text, first.date, first.weekday, first.year_source) == (
        "12월 22일(수)",
        datetime.date(2021, 12, 22),
        "수",
        "document",
    )
    assert first.end_date is None
    assert (doc.times[0].start, doc.times[0].end) == ("14:00", "16:30")
    assert doc.venues[0].text == "서울 코엑스 그랜드볼룸"

    people = {p.name: (p.title, p.affiliation) for p in doc.people}
    assert people["박진규"] == ("1차관", "산업통상자원부")
    assert people["김태환"] == ("회장", "한국산업지능화협회")
    names = [o.name for o in doc.organizations]
    assert "대한상공회의소" in names
    assert "대한상의" in doc.organizations[names.index("대한상공회의소")].aliases

    event = doc.events[0]
    assert (event.name, event.date, event.start_time, event.venue) == (
        "산업 디지털 전환 페스티벌",
        datetime.date(2021, 12, 22),
        "14:00",
        "서울 코엑스 그랜드볼룸",
    )
    assert "한국산업지능화협회" in event.hosts
    assert doc.attendees[0].group == "정부"
    assert doc.commitments[1].index == 1
    assert all(q.speaker == "박진규 산업통상자원부 1차관" for q in doc.quotes)
    assert doc.contacts[0].phone == "1800-5233"
    assert [w.kind for w in doc.warnings] == ["numbering"]


def test_blocks_are_a_tree_of_items(fixture_doc):
    item = next(b for b in fixture_doc.blocks if b.marker == "□")
    assert (item.kind, item.marker, item.level) == ("item", "□", 1)
    assert item.children[0].level == 2
    assert isinstance(item.children, tuple)
