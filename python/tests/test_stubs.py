"""bodo_ko.pyi against what the package really gives: every JSON object of
the corpus output must have exactly the fields its stub class lists, with
values of the listed types, and every public name of the module and its
classes must be in the stubs. A field added to the library fails here
until the stub names it."""

import ast
import datetime
import functools
import inspect
import re
from pathlib import Path

import pytest

import bodo_ko

STUBS = Path(__file__).resolve().parents[1] / "bodo_ko.pyi"
TREE = ast.parse(STUBS.read_text(encoding="utf-8"))
CLASSES = {node.name: node for node in TREE.body if isinstance(node, ast.ClassDef)}
ALIASES = {
    node.targets[0].id: node.value
    for node in TREE.body
    if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@functools.lru_cache(maxsize=None)
def fields(name):
    """The annotated fields of a stub class and of its stub bases."""
    node = CLASSES[name]
    found = {}
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in CLASSES:
            found.update(fields(base.id))
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            found[statement.target.id] = statement.annotation
    return found


@functools.lru_cache(maxsize=None)
def names_in(annotation):
    """The names an annotation mentions, aliases expanded."""
    names = set()
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            names |= names_in(ALIASES[node.id]) if node.id in ALIASES else {node.id}
        elif isinstance(node, ast.Attribute):
            names.add(ast.unparse(node))
        elif isinstance(node, ast.Constant):
            names.add(repr(node.value))
    return names


def check(value, annotation, where, problems):
    """Compares one JSON value with the annotation of its field."""
    allowed = names_in(annotation)
    if isinstance(value, dict):
        classes = sorted(n for n in allowed if n in CLASSES)
        # A union of shapes (`PersonRef | OrganizationRef`): the one whose fields the object has.
        fitting = [c for c in classes if fields(c).keys() == value.keys()]
        if len(classes) == 1 or len(fitting) == 1:
            check_object(value, (fitting or classes)[0], where, problems)
        else:
            problems.append(f"{where}: an object {guess(value)}, but the stub says {ast.unparse(annotation)}")
    elif isinstance(value, list):
        if "tuple" not in allowed and "Span" not in allowed:
            problems.append(f"{where}: a list, but the stub says {ast.unparse(annotation)}")
        for i, element in enumerate(value):
            check(element, annotation, f"{where}[{i}]", problems)
    else:
        kind = {type(None): "None", str: "str", int: "int", bool: "bool", float: "float"}[type(value)]
        ok = kind in allowed or repr(value) in allowed
        if kind == "str" and "datetime.date" in allowed:
            ok = ok or bool(ISO_DATE.fullmatch(value))
        if not ok:
            problems.append(f"{where}: {value!r} is not {ast.unparse(annotation)}")


def guess(value):
    """An annotation for a JSON value, to paste into the stubs."""
    if value is None or isinstance(value, (bool, int, float)):
        return type(value).__name__ if value is not None else "None"
    if isinstance(value, str):
        return "datetime.date" if ISO_DATE.fullmatch(value) else "str"
    if isinstance(value, list):
        inner = " | ".join(sorted({guess(v) for v in value})) or "Any"
        return f"tuple[{inner}, ...]"
    keys = set(value)
    if {"text", "span", "char_span"} == keys:
        return "TextItem"
    return "NewClass(" + ", ".join(value) + ")"


def check_object(value, cls, where, problems):
    declared = fields(cls)
    for missing in value.keys() - declared.keys():
        problems.append(f"{where}: class {cls} lacks {missing}: {guess(value[missing])}")
    for gone in declared.keys() - value.keys():
        problems.append(f"{where}: class {cls} lists {gone!r}, which the JSON does not have")
    for key in value.keys() & declared.keys():
        check(value[key], declared[key], f"{where}.{key}", problems)


def test_stubs_describe_every_field_of_the_corpus_output(main_corpus, fixture_doc):
    problems = []
    for path, _, doc in [(Path("fixture"), None, fixture_doc)] + main_corpus:
        check_object(doc.to_dict(), "Document", path.name, problems)
    # One line per kind of problem, not per occurrence.
    unique = sorted({p.split(": ", 1)[1] for p in problems})
    assert not problems, "bodo_ko.pyi is stale:\n" + "\n".join(unique[:40])


def test_stub_checker_catches_a_stale_stub(fixture_doc):
    data = fixture_doc.to_dict()
    data["title"]["new_field"] = 1
    del data["people"][0]["title"]
    data["dates"][0]["weekday"] = 3
    problems = []
    check_object(data, "Document", "fixture", problems)
    assert len(problems) == 3, problems


def public(obj):
    return {n for n in dir(obj) if not n.startswith("_")}


def test_stubs_name_every_public_name_of_the_module():
    stub_names = set(CLASSES) | set(ALIASES)
    for node in TREE.body:
        if isinstance(node, ast.FunctionDef):
            stub_names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            stub_names.add(node.target.id)
    runtime = public(bodo_ko) - {"bodo_ko"} | {"__version__"}
    assert runtime - stub_names == set()
    # Classes the stubs add for typing only must not pretend to exist.
    for name, node in CLASSES.items():
        type_check_only = any(ast.unparse(d) == "type_check_only" for d in node.decorator_list)
        assert type_check_only != hasattr(bodo_ko, name), name


@pytest.mark.parametrize("name", ["Extractor", "Document", "Item", "Input"])
def test_stubs_name_every_method(name):
    node = CLASSES[name]
    stub = {s.name for s in node.body if isinstance(s, ast.FunctionDef)}
    stub |= {s.target.id for s in node.body if isinstance(s, ast.AnnAssign)}
    missing = {m for m in public(getattr(bodo_ko, name)) if m not in stub}
    assert missing == set()
    # Arguments as the stubs say.
    for method in stub & public(getattr(bodo_ko, name)):
        runtime = getattr(getattr(bodo_ko, name), method)
        if not callable(runtime) or isinstance(runtime, property):
            continue
        declared = next(s for s in node.body if isinstance(s, ast.FunctionDef) and s.name == method)
        stub_args = [a.arg for a in declared.args.args if a.arg != "self"]
        try:
            signature = inspect.signature(runtime)
        except ValueError:
            continue
        real_args = [p for p in signature.parameters if p != "self"]
        assert real_args == stub_args, f"{name}.{method}"


def test_dates_are_typed_as_the_views_give_them(fixture_doc):
    assert "datetime.date" in names_in(fields("DateMention")["date"])
    assert isinstance(fixture_doc.dates[0].date, datetime.date)
