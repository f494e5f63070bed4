"""Text in reports: Markdown output keeps every text as text (tables keep their columns), and
the HTML fast path for plain text gives exactly what markdown-it gives."""

from __future__ import annotations

import html
import re

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
