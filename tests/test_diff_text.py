"""Text diffs and feature matching, the parts of `iwp diff` a user sees in every report."""

from __future__ import annotations

from conftest import VITV
from iwp_cli.diff.match import Located, match_features
from iwp_cli.diff.textdiff import Paragraph, Words, compact, text_diff
from iwp_cli.loader import load_path
from iwp_cli.model import Feature
from test_diff_sources import GitRepo


def test_rewrapped_text_is_unchanged_and_paragraphs_are_aligned():
    old = "Eerste alinea over de regio.\n\nTweede alinea,\nover twee regels.\n"
    assert text_diff(old, "Eerste alinea over de regio.\n\nTweede alinea, over twee regels.") == ()
    new = "Een nieuwe eerste alinea.\n\nEerste alinea over de hele regio.\n"
    assert text_diff(old, new) == (
        Paragraph("added", None, "Een nieuwe eerste alinea."),
        Paragraph(
            "changed",
            "Eerste alinea over de regio.",
            "Eerste alinea over de hele regio.",
            (
                Words("equal", "Eerste alinea over de"),
                Words("insert", "hele"),
                Words("equal", "regio."),
            ),
        ),
        Paragraph("removed", "Tweede alinea, over twee regels.", None),
    )
    assert text_diff(None, "Nieuw.") == (Paragraph("added", None, "Nieuw."),)


def test_compact_keeps_five_words_around_each_change():
    words = (
        Words("equal", "een twee drie vier vijf zes zeven acht"),
        Words("delete", "oud"),
        Words("insert", "nieuw"),
        Words("equal", "a b c d e f g h i j k l"),
        Words("insert", "erbij"),
        Words("equal", "x y"),
    )
    assert compact(words) == (
        Words("equal", "… vier vijf zes zeven acht"),
        Words("delete", "oud"),
        Words("insert", "nieuw"),
        Words("equal", "a b c d e … h i j k l"),
        Words("insert", "erbij"),
        Words("equal", "x y"),
    )


def _located(principle: str, name: str, *effects: str) -> Located:
    feature = Feature.model_validate({"name": name, "effects": list(effects)})
    return Located(principle, 0, feature)


def test_matching_prefers_the_same_name_then_the_same_principle():
    old = [_located("diversity", "Samenwerken", "A"), _located("reflection", "Samenwerken", "B")]
    new = [_located("reflection", "Samenwerken", "B"), _located("embedding", "Samenwerken", "A")]
    matches = match_features(old, new)
    assert [(m.old.principle, m.new.principle) for m in matches] == [
        ("reflection", "reflection"),
        ("diversity", "embedding"),
    ]


def test_matching_by_content_needs_some_likeness_of_names():
    same = ("Uitdagend, motiverend", "Actief geïnteresseerde opdrachtgevers")
    old = [_located("diversity", "Authentieke opdrachten", *same)]
    reworded = match_features(
        old, [_located("diversity", "Echte vragen van opdrachtgevers", *same)]
    )
    assert reworded[0].old is not None and reworded[0].score == 0.75
    unrelated = match_features(old, [_located("diversity", "Kwartaallunch", *same)])
    assert [(m.old is None, m.new is None) for m in unrelated] == [(True, False), (False, True)]


def test_names_only_features_match_on_names_alone():
    old = [_located("diversity", "Werken in teams")]
    assert match_features(old, [_located("diversity", "Werken in vaste teams")])[0].score
    assert match_features(old, [_located("diversity", "Lunch")])[0].old is None


def test_every_open_point_of_value_in_the_valley_is_counted_as_iwp_check_lists_them(
    iwp, tmp_path, monkeypatch
):
    """The summary's open points equal the IWP301 and IWP302 findings of `iwp check`."""
    import json

    loaded = load_path(VITV)
    assert loaded.description is not None
    report = json.loads(iwp("check", VITV, "--format", "json", "--fail-on", "error").stdout)
    codes = [f["code"] for f in report["findings"]]
    repo = GitRepo(tmp_path / "repo", monkeypatch)
    repo.write("iwp.toml", 'lang = "nl"\n')
    diff = iwp("diff", VITV, VITV, "--format", "json")
    summary = json.loads(diff.stdout)["summary"]["old"]
    assert (summary["to_improve"], summary["no_consensus"]) == (
        codes.count("IWP301"),
        codes.count("IWP302"),
    )
    assert iwp("diff", VITV, VITV).stdout.splitlines()[-1] == "Geen verschillen."


def test_thousands_of_changed_paragraphs_are_paired_in_order_without_comparing_all(monkeypatch):
    """A text with every one of 3,000 paragraphs changed: each old paragraph is compared with
    a few new ones, not with all of them (the figures are in bench/diff.py's spirit: no time
    in tests), and every paragraph is paired with its own new version."""
    from iwp_cli.diff import textdiff

    words = [
        "studenten",
        "docenten",
        "werken",
        "samen",
        "aan",
        "echte",
        "vragen",
        "uit",
        "de",
        "praktijk",
    ]
    old = [" ".join(words[(n + i) % len(words)] for i in range(30)) + f" {n}" for n in range(3000)]
    new = [text.replace(" samen ", " graag samen ", 1) for text in old]
    calls = []
    real = textdiff._word_similarity

    def counted(a, b):
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(textdiff, "_word_similarity", counted)
    changes = text_diff("\n\n".join(old), "\n\n".join(new))
    assert [c.op for c in changes] == ["changed"] * 3000
    assert all(c.old == o and c.new == n for c, o, n in zip(changes, old, new, strict=True))
    assert len(calls) <= textdiff.PARAGRAPH_WINDOW * 3000


def test_a_changed_paragraph_after_inserted_ones_is_still_paired():
    old = "De eerste alinea over de regio en haar bedrijven.\n\nSlot."
    added = "\n\n".join(f"Nieuwe alinea nummer {n} over iets anders." for n in range(5))
    new = f"{added}\n\nDe eerste alinea over de hele regio en haar bedrijven.\n\nSlot."
    ops = [c.op for c in text_diff(old, new)]
    assert ops == ["added"] * 5 + ["changed"]
