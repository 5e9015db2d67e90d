"""Throughput of bodo_ko against the Rust example CLI on the same files.

    python python/bench.py [--rounds 5] [--cpu] [--cli PATH] [FILE_OR_DIR ...]

Default input: the 66 releases of ../shared/corpus/releases. Prints MB/s
(10^6 bytes of input per second, dictionary loading excluded, best of
--rounds rounds, the cases taking turns within each round) for:

- the example CLI, `--jobs 1` and `--jobs 2` (read, extract, serialise to
  JSON Lines, written to /dev/null);
- Python `extract` one text at a time: the call alone; then reading every
  field but `blocks` as attributes (the facts: dates, people …, turned
  into Python objects); every field; the JSON (`to_json()`, what the CLI
  prints); the whole tree as dicts (`to_dict()`);
- `extract_many` on 1 and 2 threads (texts in memory, facts read), and
  the speed-up.

`--cpu` counts CPU time instead of elapsed time, for a machine that other
work keeps busy (the single-thread ratios stay meaningful, the speed-up
of threads does not, and is left out). Build the CLI first:
cargo build --release --example extract
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bodo_ko

REPO = Path(__file__).resolve().parents[1]
METHODS = {"blocks", "to_dict", "to_json", "from_json"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="CPU time instead of elapsed time")
    parser.add_argument("--cli", type=Path, default=REPO / "target" / "release" / "examples" / "extract")
    args = parser.parse_args()
    paths = args.paths or [REPO.parent / "shared" / "corpus" / "releases"]
    files = sorted(f for p in paths for f in (p.rglob("*") if p.is_dir() else [p]) if f.suffix in (".txt", ".hwpx", ".hwp"))
    size = sum(f.stat().st_size for f in files)
    texts = [bodo_ko.read_file(f).text for f in files]
    clock = time.process_time if args.cpu else time.perf_counter
    extractor = bodo_ko.Extractor()
    facts = [n for n in dir(extractor.extract(texts[0])) if n not in METHODS]

    def read_facts(doc):
        for name in facts:
            getattr(doc, name)

    def each(use):
        def run():
            started = clock()
            for text in texts:
                use(extractor.extract(text))
            return clock() - started

        return run

    def many(threads):
        def run():
            started = clock()
            for doc in extractor.extract_many(texts, threads=threads):
                read_facts(doc)
            return clock() - started

        return run

    cases = []
    if args.cli.exists():
        startup = cli_startup(args.cli, args.cpu)
        for jobs in (1, 2) if not args.cpu else (1,):
            cases.append((f"example CLI --jobs {jobs}", lambda jobs=jobs: run_cli(args.cli, files, jobs, args.cpu) - startup))
    else:
        print(f"(no CLI at {args.cli}: cargo build --release --example extract)", file=sys.stderr)
    cases += [
        ("Python extract", each(lambda doc: None)),
        ("Python extract + every field but blocks", each(read_facts)),
        ("Python extract + every field", each(lambda doc: read_facts(doc) or doc.blocks)),
        ("Python extract + to_json()", each(lambda doc: doc.to_json(pretty=False))),
        ("Python extract + to_dict()", each(lambda doc: doc.to_dict())),
        ("Python extract_many, 1 thread, facts", many(1)),
    ]
    if not args.cpu:
        cases.append(("Python extract_many, 2 threads, facts", many(2)))

    print(
        f"{len(files)} files, {size / 1e6:.3f} MB, best of {args.rounds} rounds, "
        f"{'CPU' if args.cpu else 'elapsed'} time, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    seconds = {name: float("inf") for name, _ in cases}
    for _ in range(args.rounds):
        for name, run in cases:
            seconds[name] = min(seconds[name], run())
    rate = {name: size / 1e6 / s for name, s in seconds.items()}
    width = max(map(len, rate))
    base = rate.get("example CLI --jobs 1")
    for name, r in rate.items():
        versus = f"  {r / base:.2f} of the CLI" if base and name.startswith("Python extract") and "many" not in name else ""
        print(f"{name:<{width}}  {r:6.3f} MB/s{versus}")
    if not args.cpu:
        two = rate["Python extract_many, 2 threads, facts"] / rate["Python extract_many, 1 thread, facts"]
        print(f"extract_many, 2 threads vs 1: {two:.2f}x")


def run_cli(binary, paths, jobs, cpu):
    """Seconds (elapsed, or CPU of the child) of one CLI run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [str(binary), "--jsonl", "--jobs", str(jobs), *map(str, paths)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    if not cpu:
        return time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def cli_startup(binary, cpu):
    """What a run costs before analysing anything (loading the dictionary):
    the best of three runs on a one-line release."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as tiny:
        tiny.write("보도자료\n")
        tiny.flush()
        return min(run_cli(binary, [tiny.name], 1, cpu) for _ in range(3))


if __name__ == "__main__":
    main()
