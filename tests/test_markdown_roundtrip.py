"""No loss between the forms: generated descriptions go YAML -> Markdown -> YAML and
Markdown -> YAML -> Markdown and keep the same model (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iwp_cli.convert import convert
from iwp_cli.loader import load_text
from iwp_cli.yamlwriter import dump_yaml

# Letters, the notation's own characters and words, so that texts look like marks.
_WORDS = st.sampled_from(
    ["Motiverend", "(J)", "(S)", "(J,S)", "(nog verbeteren)", "– geen consensus", ";", "|",
     "\\", "-", "(potentiële)", "`code`", "(noot: x)", "<br>", "**vet**", "a", "b", "ééén"]
)  # fmt: skip
TEXT = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)
STATUS = st.sampled_from([None, "to-improve", "no-consensus"])
WHO = st.sampled_from([None, [], ["J"], ["S"], ["J", "S"]])
IDS = ["authentic-work-environment", "learning-community", "diversity", "embedding"]


def _entry(text: str, status: str | None, note: str | None, who: Any = "skip") -> Any:
    entry: dict[str, Any] = {"text": text}
    if who != "skip" and who is not None:
        entry["who"] = who
    if status:
        entry["status"] = status
    if note:
        entry["note"] = note
    return entry


EFFECT = st.builds(_entry, TEXT, STATUS, st.none() | TEXT, WHO)
PRECONDITION = st.builds(_entry, TEXT, STATUS, st.none() | TEXT)


@st.composite
def features(draw: st.DrawFn) -> dict[str, Any]:
    feature: dict[str, Any] = {"name": draw(TEXT), "effects": draw(st.lists(EFFECT, max_size=3))}
    preconditions = draw(st.none() | st.lists(PRECONDITION, max_size=3))
    if preconditions is not None:
        feature["preconditions"] = preconditions
    for key, value in (
        ("status", draw(STATUS)),
        ("note", draw(st.none() | TEXT)),
        ("also", draw(st.lists(st.sampled_from(IDS), max_size=2, unique=True))),
        ("aspect", draw(st.sampled_from([None, "culture", "environment"]))),
    ):
        if value:
            feature[key] = value
    return feature


@st.composite
def descriptions(draw: st.DrawFn) -> dict[str, Any]:
    entry = st.builds(lambda found: {"features": found}, st.lists(features(), max_size=3))
    principles = draw(st.dictionaries(st.sampled_from(IDS), entry, max_size=3))
    kinds = st.sampled_from([None, "advice", "research"])
    item = st.builds(lambda t, k: {"text": t, **({"kind": k} if k else {})}, TEXT, kinds)
    return {
        "iwp": 1,
        "name": draw(TEXT),
        "date": "2026-09-01",
        "language": draw(st.sampled_from(["nl", "en"])),
        "starting_points": {"occasion": draw(TEXT), "context": draw(TEXT)},
        "outcomes": {
            "products": draw(st.lists(item, max_size=2)),
            "development": [],
            "sustainability": draw(st.lists(TEXT, max_size=2)),
        },
        "processes": draw(st.lists(TEXT, max_size=2)),
        "principles": principles,
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(descriptions())
def test_yaml_to_markdown_and_back_keeps_the_model(data: dict[str, Any]) -> None:
    yaml = load_text(dump_yaml(data), shown="x.yaml")
    assert yaml.description is not None, yaml.findings
    markdown = convert(yaml, "md")
    from_md = load_text(markdown, shown="x.md")
    assert from_md.description == yaml.description, markdown
    back = load_text(convert(from_md, "yaml"), shown="back.yaml")
    assert back.description == yaml.description
    again = load_text(convert(back, "md"), shown="again.md")
    assert again.description == from_md.description
