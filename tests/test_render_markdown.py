"""Text in reports: Markdown output keeps every text as text (tables keep their columns), and
the HTML fast path for plain text gives exactly what markdown-it gives."""

from __future__ import annotations

import html
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from iwp_cli.render.markdown import (
    html_block,
    html_inline,
    is_plain,
    markdown_parser,
    md_block,
    md_inline,
)

#: A permissive reader, as GitHub's: tables, and raw HTML allowed (our output must not need it).
READER = MarkdownIt("commonmark", {"html": True}).enable("table")

#: Text with everything Markdown and HTML react to, and some ordinary words.
HOSTILE = st.lists(
    st.sampled_from(
        [*list("ab x1.-+*_#>|\\`[]()<>&!~=:/\"'\n\t"), "é", "’", "javascript:", "&lt;"]
    ),
    max_size=30,
).map("".join)
ANY = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


def collapsed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@settings(max_examples=400, deadline=None)
@given(st.one_of(HOSTILE, ANY))
def test_inline_markdown_stays_text(text):
    rendered = READER.renderInline(md_inline(text))
    assert "<" not in rendered.replace("&lt;", ""), rendered
    assert html.unescape(rendered) == collapsed(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(HOSTILE, ANY), st.one_of(HOSTILE, ANY))
def test_a_table_keeps_its_columns_whatever_the_cells_hold(first, second):
    table = f"| a | b |\n| --- | --- |\n| {md_inline(first)} | {md_inline(second)} |\n"
    tokens = READER.parse(table)
    cells = [t for t in tokens if t.type in {"td_open", "th_open"}]
    assert len(cells) == 4
    row = READER.render(table).split("<tbody>")[1]
    found = [text_of(c) for c in re.findall(r"<td>(.*?)</td>", row, flags=re.S)]
    assert found == [collapsed(first), collapsed(second)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(HOSTILE, ANY))
def test_block_markdown_is_paragraphs_and_line_breaks_only(text):
    rendered = READER.render(md_block(text))
    tags = set(re.findall(r"</?([a-z0-9]+)", rendered))
    assert tags <= {"p", "br"}, rendered
    words = collapsed(text_of(rendered))
    assert words == collapsed(text)


@settings(max_examples=500, deadline=None)
@given(st.one_of(HOSTILE, ANY))
def test_the_fast_path_renders_as_markdown_it_does(text):
    if is_plain(text):
        assert html_inline(text) == markdown_parser().renderInline(text).strip()
        assert html_block(text) == markdown_parser().render(text)


def test_plain_text_takes_the_fast_path():
    assert is_plain("Uitdagend, motiverend")
    assert is_plain('(J) effecten ‘tussen’ "quotes"')
    assert not is_plain("1. een lijst")
    assert not is_plain("een *nadruk*")
    assert not is_plain("- een lijst")


def test_escaping_examples():
    assert md_inline("a | b\nc") == "a \\| b c"
    assert md_inline("# kop") == "\\# kop"
    assert md_inline("1. lijst") == "1\\. lijst"
    assert md_inline("<script>x</script>") == "\\<script\\>x\\</script\\>"
    assert md_block("- a\n- b\n\nc") == "\\- a\\\n\\- b\n\nc"


def test_html_markdown_is_safe():
    parser_output = html_block(
        "**vet** <script>alert(1)</script> [x](javascript:alert(1)) ![i](https://e.org/i.png)"
        " [ok](https://example.org)"
    )
    assert "<strong>vet</strong>" in parser_output
    assert "<script" not in parser_output
    assert 'href="javascript' not in parser_output
    assert "<img" not in parser_output
    assert (
        '<a href="https://example.org" rel="nofollow noopener noreferrer">ok</a>' in parser_output
    )
    assert "<h1" not in html_block("# geen kop")


# The authors' Markdown in `iwp render --format md`, read as GitHub reads it: a GFM renderer
# (markdown-it-py with tables, raw HTML off), then the DOM of the page.

AUTHORED = """\
iwp: 1
name: Zorglab Noord
date: 2026-09-01
starting_points:
  occasion: |
    **Vet** en *schuin*, met [de site](https://example.org "Zorglab").

    - eerste punt
    - tweede punt met `code`

    <b>niet vet</b> en [klik](javascript:alert(1))
  context: Een hbo en een mbo.
outcomes:
  products: ["Adviezen, **vooral** over zorgtechnologie"]
  development: []
  sustainability: []
processes: [Samen prototypes testen]
principles:
  authentic-work-environment:
    features:
      - name: "Werken *samen* in a | b met `x|y`"
        effects: [{text: "Zie [het verslag](https://example.org/verslag)", who: [J]}]
        preconditions: ["<i>geen</i> HTML"]
"""


def gfm_dom(markdown: str) -> Any:
    from lxml import html as lxml_html

    reader = MarkdownIt("commonmark", {"html": False}).enable("table")
    return lxml_html.fromstring(f"<div>{reader.render(markdown)}</div>")


def test_markdown_report_passes_the_authors_markdown_through(iwp, tmp_path):
    source = tmp_path / "zorglab.yaml"
    source.write_text(AUTHORED, encoding="utf-8")
    result = iwp("render", source, "--format", "md")
    assert result.exit_code == 0, result.stderr
    page = gfm_dom(result.stdout)

    assert "Vet" in [e.text for e in page.iter("strong")]
    assert "schuin" in [e.text for e in page.iter("em")]
    (site,) = [a for a in page.iter("a") if a.text == "de site"]
    assert (site.get("href"), site.get("title")) == ("https://example.org", "Zorglab")
    (points,) = [ul for ul in page.iter("ul") if "eerste punt" in ul.text_content()]
    assert [li.text_content() for li in points.iter("li")] == [
        "eerste punt",
        "tweede punt met code",
    ]
    assert [c.text for c in points.iter("code")] == ["code"]
    assert "vooral" in [e.text for e in page.iter("strong")]

    # Raw HTML stays text; an unsafe link is no link.
    assert not list(page.iter("b", "i", "script"))
    text = page.text_content()
    assert "<b>niet vet</b>" in text and "<i>geen</i> HTML" in text
    assert "[klik](javascript:alert(1))" in text
    assert all(not a.get("href", "").startswith("javascript") for a in page.iter("a"))

    # The table keeps its three columns, with the Markdown inside the cells.
    (table,) = [t for t in page.iter("table") if "Kenmerk" in t.findtext(".//th")]
    rows = list(table.iter("tr"))
    assert [len(row.findall("th")) + len(row.findall("td")) for row in rows] == [3, 3]
    feature, effects, preconditions = rows[1].findall("td")
    assert feature.text_content() == "Werken samen in a | b met x|y"
    assert [e.text for e in feature.iter("em")] == ["samen"]
    assert [c.text for c in feature.iter("code")] == ["x|y"]
    (link,) = effects.iter("a")
    assert (link.text, link.get("href")) == ("het verslag", "https://example.org/verslag")
    assert effects.text_content() == "Zie het verslag (J)"
    assert preconditions.text_content() == "<i>geen</i> HTML"


@settings(max_examples=300, deadline=None)
@given(st.one_of(HOSTILE, ANY), st.one_of(HOSTILE, ANY))
def test_passed_through_markdown_keeps_a_table_and_no_html(first, second):
    from iwp_cli.render.md_passthrough import md_pass_block, md_pass_inline

    table = (
        "| a | b |\n| --- | --- |\n"
        f"| {md_pass_inline(first, cell=True)} | {md_pass_inline(second, cell=True)} |\n"
    )
    cells = [t for t in READER.parse(table) if t.type in {"td_open", "th_open"}]
    assert len(cells) == 4, table
    for markdown in (table, md_pass_block(first), md_pass_inline(second)):
        tags = set(re.findall(r"<([a-z0-9]+)", READER.render(markdown)))
        allowed = {"table", "thead", "tbody", "tr", "th", "td", "p", "br", "a", "em", "strong"}
        allowed |= {"code", "pre", "ul", "ol", "li", "blockquote", "hr"}
        assert tags <= allowed, (markdown, tags)
