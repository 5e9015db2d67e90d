"""Shared fixtures: one Extractor for the session, the golden fixture and
the corpus of ../shared beside the checkout (as for `cargo test`)."""

import json
from pathlib import Path

import pytest

import bodo_ko

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "fixtures" / "motie-2021-12-22-industry-dx-network.txt"
GOLDEN = REPO / "fixtures" / "motie-2021-12-22-industry-dx-network.golden.json"
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def extractor():
    return bodo_ko.Extractor()


@pytest.fixture(scope="session")
def fixture_doc(extractor):
    return extractor.extract_file(FIXTURE)


@pytest.fixture(scope="session")
def golden():
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def corpus_files():
    """Every release of the corpus, text, original (HWPX, HWP) and PDF, the
    wider set included."""
    if not CORPUS.is_dir():
        raise RuntimeError(f"{CORPUS} is missing: put shared/ beside the checkout")
    files = []
    for base in (CORPUS, CORPUS / "wider"):
        for sub in ("releases", "originals", "pdf"):
            files += sorted(p for p in (base / sub).glob("*") if p.suffix in (".txt", ".hwpx", ".hwp", ".pdf"))
    return files


@pytest.fixture(scope="session")
def corpus(extractor):
    """(path, text, document) for every corpus file, analysed once."""
    files = corpus_files()
    docs = extractor.extract_many(files)
    return [(path, bodo_ko.read_file(path).text, doc) for path, doc in zip(files, docs)]


@pytest.fixture(scope="session")
def main_corpus(corpus):
    """The 66 releases and 16 originals of the corpus, not the wider set
    or the PDFs."""
    return [entry for entry in corpus if "wider" not in entry[0].parts and entry[0].suffix != ".pdf"]
