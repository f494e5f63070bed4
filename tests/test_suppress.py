"""Inline suppression with `# iwp: ignore[CODE,...] reason`."""

from __future__ import annotations

import json

from conftest import MINIMAL


def findings(iwp, path) -> list[tuple[str, int]]:
    report = json.loads(iwp("check", path, "-f", "json", "--lang", "en").stdout)
    return [(f["code"], f["line"]) for f in report["findings"]]


def test_suppression_on_the_line_hides_the_finding(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    text = MINIMAL.replace("name: Zorglab Noord", "name: Zorglab Noord\nnmae: x")
    path.write_text(text)
    assert ("IWP020", 3) in findings(iwp, path)
    path.write_text(text.replace("nmae: x", "nmae: x  # iwp: ignore[IWP020] kept for the old tool"))
    assert ("IWP020", 3) not in findings(iwp, path)
    assert iwp("check", path).exit_code == 0


def test_several_codes_and_unused_ones(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    text = MINIMAL.replace(
        "principles:", "principles:  # iwp: ignore[IWP101, IWP999] not all principles yet"
    )
    path.write_text(text)
    found = findings(iwp, path)
    assert ("IWP090", 12) in found
    assert all(code != "IWP101" or line != 12 for code, line in found)
    report = json.loads(iwp("check", path, "-f", "json", "--lang", "en").stdout)
    (unused,) = [f for f in report["findings"] if f["code"] == "IWP090"]
    assert unused["severity"] == "info"
    assert "`# iwp: ignore[IWP999]` matches no finding on this line" in unused["message"]


def test_a_hash_inside_text_is_not_a_comment(iwp, tmp_path):
    path = tmp_path / "a.yaml"
    text = MINIMAL.replace("principles:", "principles:  # iwp: ignore[IWP101]")
    path.write_text(text.replace("name: Zorglab Noord", 'name: "Zorglab # iwp: ignore[IWP020]"'))
    assert findings(iwp, path) == []


def test_unused_suppressions_can_be_ignored_by_configuration(iwp, tmp_path):
    (tmp_path / "iwp.toml").write_text('[rules]\nignore = ["IWP090"]\n')
    path = tmp_path / "a.yaml"
    path.write_text(MINIMAL.replace("iwp: 1", "iwp: 1  # iwp: ignore[IWP020]"))
    assert all(code != "IWP090" for code, _ in findings(iwp, path))


def test_comment_start_knows_quotes():
    from iwp_cli.suppress import comment_start

    assert comment_start("a: b  # c") == 6
    assert comment_start("# whole line") == 0
    assert comment_start("a: 'it''s # not' # yes") == 17
    assert comment_start('a: "say \\" # no" # yes') == 17
    assert comment_start("a: mbo's # yes") == 9
    assert comment_start("a: b#c") is None
    assert comment_start("- {text: 'x # y', who: [J]}") is None
