"""The Markdown form of a description: the appendix form's headings and the handbook's tables.

`reader` turns Markdown text into the same positioned values the YAML reader gives; `writer`
turns a description into Markdown. The handbook's marks in cells are `iwp_cli.notation`'s.
"""
