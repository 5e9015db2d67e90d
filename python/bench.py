"""Throughput of bodo_ko against the Rust example CLI on the same files.

    python python/bench.py [--rounds 5] [--cli target/release/examples/extract] [FILE_OR_DIR ...]

Default input: the 66 releases of ../shared/corpus/releases. Prints MB/s
(10^6 bytes of input per second, dictionary loading excluded, best of
--rounds runs) for:

- the example CLI, `--jobs 1` and `--jobs 2` (read, extract, serialise to
  JSON Lines, written to /dev/null; the MB/s its summary line reports);
- Python `extract` one text at a time: the call alone; then reading every
  field but `blocks` as attributes (the facts: dates, people …, turned
  into Python objects); every field; the JSON (`to_json()`, what the CLI
  prints); the whole tree as dicts (`to_dict()`);
- `extract_many` on 1 and 2 threads (texts in memory, facts read), and
  the speed-up.

Build the CLI first: cargo build --release --example extract
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import bodo_ko

REPO = Path(__file__).resolve().parents[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "examples" / "extract")
    args = parser.parse_args()
    paths = args.paths or [REPO.parent / "shared" / "corpus" / "releases"]
    files = sorted(f for p in paths for f in (p.rglob("*") if p.is_dir() else [p]) if f.suffix in (".txt", ".hwpx", ".hwp"))
    size = sum(f.stat().st_size for f in files)
    texts = [bodo_ko.read_file(f).text for f in files]
    print(f"{len(files)} files, {size / 1e6:.3f} MB, best of {args.rounds} rounds, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")

    rows = []
    if args.cli.exists():
        for jobs in (1, 2):
            rows.append((f"example CLI --jobs {jobs}", best(args.rounds, lambda: cli(args.cli, files, jobs))))
    else:
        print(f"(no CLI at {args.cli}: cargo build --release --example extract)", file=sys.stderr)

    extractor = bodo_ko.Extractor()

    def each(convert):
        def run():
            started = time.perf_counter()
            for text in texts:
                convert(extractor.extract(text))
            return size / 1e6 / (time.perf_counter() - started)

        return run

    facts = [n for n in dir(extractor.extract(texts[0])) if n not in ("blocks", "to_dict", "to_json", "from_json")]

    def read_facts(doc):
        for name in facts:
            getattr(doc, name)

    def read_all(doc):
        read_facts(doc)
        doc.blocks

    rows.append(("Python extract", best(args.rounds, each(lambda doc: None))))
    rows.append(("Python extract + every field but blocks", best(args.rounds, each(read_facts))))
    rows.append(("Python extract + every field", best(args.rounds, each(read_all))))
    rows.append(("Python extract + to_json()", best(args.rounds, each(lambda doc: doc.to_json(pretty=False)))))
    rows.append(("Python extract + to_dict()", best(args.rounds, each(lambda doc: doc.to_dict()))))
    for threads in (1, 2):
        def many(threads=threads):
            started = time.perf_counter()
            for doc in extractor.extract_many(texts, threads=threads):
                read_facts(doc)
            return size / 1e6 / (time.perf_counter() - started)

        rows.append((f"Python extract_many, {threads} thread(s), + every field but blocks", best(args.rounds, many)))

    width = max(len(name) for name, _ in rows)
    for name, rate in rows:
        print(f"{name:<{width}}  {rate:6.3f} MB/s")
    rates = dict(rows)
    one = rates["Python extract_many, 1 thread(s), + every field but blocks"]
    two = rates["Python extract_many, 2 thread(s), + every field but blocks"]
    print(f"extract_many, 2 threads vs 1: {two / one:.2f}x")
    if "example CLI --jobs 1" in rates:
        cli_rate = rates["example CLI --jobs 1"]
        for name, rate in rows[2:7]:
            print(f"{name} / CLI --jobs 1: {rate / cli_rate:.2f}")


def best(rounds, run):
    return max(run() for _ in range(rounds))


def cli(binary, files, jobs):
    """The MB/s of the CLI's own summary line (which excludes loading)."""
    done = subprocess.run(
        [str(binary), "--jsonl", "--jobs", str(jobs), *map(str, files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=True,
        text=True,
    )
    return float(re.search(r"([\d.]+) MB/s", done.stderr).group(1))


if __name__ == "__main__":
    main()
