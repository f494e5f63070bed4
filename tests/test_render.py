"""`iwp render FILE`: Markdown and HTML reports that mirror the handbook, hostile text kept as
text, reproducible bytes, safe writes, the check summary, and user templates in a sandbox."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import HARBOUR, MINIMAL, VITV, write_files
from iwp_cli.checker import CheckOptions, check_one
from iwp_cli.discovery import Target
from iwp_cli.render.checking import load_and_check

#: A reader as permissive as GitHub's: tables, and raw HTML allowed.
READER = MarkdownIt("commonmark", {"html": True}).enable("table")

#: Text that would be markup, a script, an event handler, a link or a broken table cell.
HOSTILE = [
    "<script>window.__pwned = 1</script>",
    '<img src=x onerror="window.__pwned = 1">',
    "[klik](javascript:window.__pwned=1)",
    '<a href="javascript:window.__pwned=1">a</a>',
    "pipe | in | a cell",
    "line one\nline two\n\n- item",
    "# not a heading",
    "**not bold** _nor this_ `nor code`",
    "&lt;entity&gt; &amp;",
    "back\\slash\\",
    "1. not a list",
    "<https://example.org/autolink>",
    "![img](https://example.org/x.png)",
    "<style>body{display:none}</style>",
    '" onmouseover="window.__pwned = 1',
]


def hostile_description() -> dict[str, object]:
    """A valid description whose every text is hostile (JSON is YAML 1.2)."""
    features = [
        {
            "name": text,
            "effects": [{"text": other, "who": ["J"]}, {"text": text, "status": "to-improve"}],
            "preconditions": [{"text": other, "note": text}],
            "note": text,
        }
        for text, other in zip(HOSTILE, reversed(HOSTILE), strict=True)
    ]
    return {
        "iwp": 1,
        "name": "<script>window.__pwned = 1</script> | Lab",
        "date": "2026-09-01",
        "language": "nl",
        "tags": HOSTILE[:4],
        "partners": [{"name": text, "role": text} for text in HOSTILE[:3]],
        "starting_points": {
            "occasion": "**Vet** en [een link](https://example.org).\n\n" + "\n\n".join(HOSTILE),
            "context": HOSTILE[5],
        },
        "outcomes": {
            "products": [{"id": "p1", "text": HOSTILE[0]}],
            "development": [HOSTILE[1]],
            "sustainability": [HOSTILE[2]],
        },
        "processes": [{"id": "c1", "text": HOSTILE[3], "yields": ["p1"]}],
        "principles": {
            "authentic-work-environment": {"features": features[:8], "notes": HOSTILE[4]},
            "learning-community": {"features": [{**f, "supports": ["c1"]} for f in features[8:]]},
        },
    }


def write_hostile(folder: Path, name: str = "hostile.yaml") -> Path:
    path = folder / name
    path.write_text(json.dumps(hostile_description(), ensure_ascii=False), encoding="utf-8")
    return path


def table_rows(markdown: str) -> list[list[int]]:
    """Per table, the number of cells in each row (header first)."""
    tables: list[list[int]] = []
    for token in READER.parse(markdown):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append(0)
        elif token.type in {"th_open", "td_open"}:
            tables[-1][-1] += 1
    return tables


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------


def test_markdown_report_mirrors_the_handbook(iwp):
    result = iwp("render", VITV)
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    for heading in (
        "# Value in the Valley",
        "## A. Uitgangspunten",
        "### Aanleiding & maatschappelijke urgentie, doelen & ambitie",
        "## B. Opbrengsten",
        "### Opbrengsten – verduurzaming",
        "## C. Processen",
        "## D. Ontwerpprincipes en vormgeving van de IWP",
        "### 1. Creëer een authentieke werkomgeving",
        "### 7. Zorg voor een goede inbedding in de omgeving",
        "## Open punten",
        "## Controle (iwp check)",
    ):
        assert f"\n{heading}\n" in f"\n{md}", heading
    assert md.count("| Kenmerk | Effect(en) | Randvoorwaarde(n) |") == 7
    rows = [
        "| Authentieke opdrachten | Uitdagend, motiverend (J) | Actief geïnteresseerde "
        "opdrachtgevers |",
        "| Professionele cultuur | Professioneel gedrag (J) | Respecteren en naleven van regels en "
        "waarden (nog verbeteren) |",
        "| Senior and junior medewerkers als collega’s | Elkaar meer serieus nemen (J,S) | - |",
        "| Integratie van school- en werkcultuur (geen consensus) | IWP wordt ervaren als een "
        "bedrijf (J,S); IWP wordt ervaren als school (J,S) | - |",
        "| Gemeenschappelijke werkruimte → ook principe 2 | Makkelijk contact tussen junioren en "
        "senioren (J,S); weten wie welke expertise heeft (J,S); leren van voorbeeldgedrag (J,S) | "
        "Junior en senior medewerkers werken in één ruimte |",
    ]
    for row in rows:
        assert row in md.splitlines(), row
    assert "Ook voor dit principe: Gemeenschappelijke werkruimte (principe 6)" in md
    assert "### Nog verbeteren (4)" in md
    assert "### Geen consensus (3)" in md
    assert "0 fouten, 4 waarschuwingen, 7 info" in md
    assert all(len(set(table)) == 1 for table in table_rows(md))
    assert len(table_rows(md)) == 8  # seven principles and the check


def test_features_marks_and_languages(iwp, tmp_path):
    source = tmp_path / "zorglab.yaml"
    source.write_text(
        MINIMAL
        + """      - name: Nog open
        effects: []
""",
        encoding="utf-8",
    )
    dutch = iwp("render", source).stdout
    assert "| Nog open | - | (nog niet overwogen) |" in dutch
    english = iwp("render", source, "--lang", "en").stdout
    assert "| Feature | Effect(s) | Precondition(s) |" in english
    assert "| Nog open | - | (not yet considered) |" in english
    assert "| Echte vragen | Motiverend (J) | - |" in english
    # Without --lang, the description's own language: Harbour Lab is English.
    assert "## A. Starting points" in iwp("render", HARBOUR).stdout


def test_hostile_text_stays_inert_in_markdown(iwp, tmp_path):
    """Raw HTML, unsafe links, images and headings in texts stay text and tables keep their
    columns; the authors' Markdown itself (emphasis, code, safe links, lists) passes through,
    as the HTML report renders it (tests/test_render_markdown.py reads that part)."""
    result = iwp("render", write_hostile(tmp_path))
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    tables = table_rows(md)
    assert tables and all(len(set(table)) == 1 for table in tables)
    rendered = READER.render(md)
    for tag in ("<script", "<img", "<style", "<h2>not", 'href="javascript'):
        assert tag not in rendered, tag
    assert set(re.findall(r'<a href="([^"]*)"', rendered)) <= {
        "https://example.org",
        "https://example.org/autolink",
        "https://example.org/x.png",
    }
    assert rendered.count("<h1>") == 1
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    for needle in (
        "<script>window.__pwned = 1</script>",
        '<img src=x onerror="window.__pwned = 1">',
        "[klik](javascript:window.__pwned=1)",
        "pipe | in | a cell",
        "# not a heading",
        "<entity> &",
    ):
        assert needle in text, needle


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


def test_html_report_is_one_self_contained_file(iwp, tmp_path):
    out = tmp_path / "vitv.html"
    result = iwp("render", VITV, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"wrote {out}\n"
    page = out.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "script-src 'none'" in page
    assert not re.search(r"\s(src|srcset|href)=\"(https?:)?//", page)
    assert "<link" not in page and "<script" not in page and "@import" not in page
    assert page.count('role="img"') == 2  # the model and the coverage chart; VitV has no links
    assert "Deze beschrijving legt geen verbanden" in page
    assert page.count('<table class="features">') == 7
    assert page.count("<h1>") == 1
    harbour = iwp("render", HARBOUR, "-f", "html").stdout
    assert harbour.count('role="img"') == 3  # and the conjecture map
    assert '<svg class="figure conjecture"' in harbour


def test_hostile_text_stays_text_in_html(iwp, tmp_path):
    page = iwp("render", write_hostile(tmp_path), "-f", "html").stdout
    body = page.split("<body>", 1)[1]
    assert "<script" not in body and "<img" not in body and "<style" not in body
    assert 'href="javascript' not in body
    assert not re.search(r"<[^>]+\son\w+=", body)  # no event handler on any element
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in body
    # Markdown in texts is rendered, safely: emphasis and links, no images.
    assert "<strong>Vet</strong>" in body
    assert '<a href="https://example.org" rel="nofollow noopener noreferrer">een link</a>' in body


# --------------------------------------------------------------------------------------------
# Exit codes, reproducibility, writes
# --------------------------------------------------------------------------------------------


def test_an_invalid_description_is_refused(iwp, tmp_path):
    source = tmp_path / "broken.yaml"
    source.write_text(MINIMAL.replace("date: 2026-09-01", "date: 2026-02-30"), encoding="utf-8")
    out = tmp_path / "broken.html"
    result = iwp("render", source, "-o", out)
    assert result.exit_code == 1
    assert "IWP024" in result.stderr and ":3:" in result.stderr
    assert "is not a valid description; nothing was written" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.yaml"], "no such file or directory"),
        (["{folder}"], "give the site's folder with -o"),
        (["{file}", "--template-dir", "{folder}/nowhere"], "not a folder of templates"),
    ],
)
def test_usage_errors(iwp, tmp_path, args, message):
    (tmp_path / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    filled = [a.format(folder=tmp_path, file=tmp_path / "a.yaml") for a in args]
    result = iwp("render", *filled)
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_same_input_gives_the_same_bytes(iwp, tmp_path):
    for fmt in ("md", "html"):
        first, second = (tmp_path / f"{n}.{fmt}" for n in ("first", "second"))
        iwp("render", VITV, "-o", first)
        iwp("render", VITV, "-o", second)
        assert first.read_bytes() == second.read_bytes()
        assert "UTC" not in first.read_text(encoding="utf-8")
    env = {"SOURCE_DATE_EPOCH": "1782864000"}
    stamped = [iwp("render", VITV, "--stamp", env=env).stdout for _ in range(2)]
    assert stamped[0] == stamped[1]
    assert "Gemaakt met iwp" in stamped[0] and "op 2026-07-01 00:00 UTC" in stamped[0]
    # SOURCE_DATE_EPOCH is "today" for the check too: VitV (2010) is 192 months old then.
    assert "192 maanden oud" in stamped[0]


def test_writes_replace_atomically_and_never_follow_a_link(iwp, tmp_path):
    outside = tmp_path / "outside.html"
    outside.write_text("keep me", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    target = site / "report.html"
    target.symlink_to(outside)
    result = iwp("render", VITV, "-o", target)
    assert result.exit_code == 0, result.stderr
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not target.is_symlink() and target.read_text(encoding="utf-8").startswith("<!DOCTYPE")
    iwp("render", VITV, "-o", target)  # replaced again: no backup, no temporary file left
    assert sorted(p.name for p in site.iterdir()) == ["report.html"]
    into_folder = iwp("render", HARBOUR, "-o", f"{site}/")
    assert into_folder.stdout == f"wrote {site / 'harbour-lab.md'}\n"


def test_the_check_summary_is_what_iwp_check_finds(tmp_path):
    options = CheckOptions(lang="nl")
    for path in (VITV, HARBOUR, write_hostile(tmp_path)):
        target = Target(path, str(path), True)
        checked = load_and_check(target, options, "nl")
        expected = check_one(target, options)
        assert checked is not None and expected is not None
        assert checked.findings == expected.findings


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------


def templates(tmp_path: Path, files: dict[str, str]) -> Path:
    return write_files(tmp_path / "templates", files)


def test_a_user_template_overrides_one_partial(iwp, tmp_path):
    folder = templates(
        tmp_path,
        {
            "html/check.html.j2": '<section id="check"><h2>Eigen controle</h2>'
            '{% include "iwp/html/check.html.j2" %}</section>',
            "md/footer.md.j2": "Eigen voettekst voor {{ v.name }}\n",
        },
    )
    page = iwp("render", VITV, "-f", "html", "--template-dir", folder).stdout
    assert "<h2>Eigen controle</h2>" in page
    assert "0 fouten, 4 waarschuwingen, 7 info" in page  # the original, included
    assert page.count('<table class="features">') == 7  # the rest is the shipped report
    md = iwp("render", VITV, "--template-dir", folder).stdout
    assert md.endswith("Eigen voettekst voor Value in the Valley\n")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("{{ v.__class__.__mro__ }}", "unsafe"),
        ("{{ ''.__class__.__subclasses__() }}", "unsafe"),
        ("{{ t.clear() }}", "unsafe"),
        ("{{ cycler.__init__.__globals__ }}", "template error"),
        ("{{ v.no_such_thing }}", "no_such_thing"),
        ("{% include '../../../etc/passwd' %}", "template"),
        ("{{ v.name ", "template error in"),
    ],
)
def test_user_templates_run_in_a_sandbox(iwp, tmp_path, template, message):
    folder = templates(tmp_path, {"md/footer.md.j2": template})
    result = iwp("render", VITV, "--template-dir", folder)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_user_template_cannot_reach_outside_its_folder(iwp, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    folder = templates(tmp_path, {"md/.keep": ""})
    (folder / "md" / "footer.md.j2").symlink_to(secret)
    result = iwp("render", VITV, "--template-dir", folder)
    assert result.exit_code == 0
    assert "TOP SECRET" not in result.stdout
    assert "Gemaakt met iwp" in result.stdout  # the shipped footer


def test_a_trailing_slash_is_a_folder_even_when_it_does_not_exist(iwp, tmp_path):
    for fmt, name in (("md", "value-in-the-valley.md"), ("html", "value-in-the-valley.html")):
        folder = tmp_path / f"new-{fmt}"
        result = iwp("render", VITV, "-f", fmt, "-o", f"{folder}/")
        assert result.exit_code == 0, result.stderr
        assert result.stdout == f"wrote {folder / name}\n"
        assert folder.is_dir() and [p.name for p in folder.iterdir()] == [name]
