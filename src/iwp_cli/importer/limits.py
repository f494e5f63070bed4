"""The limits of `iwp import`, in the style of `iwp_cli.limits`.

A real appendix form is far below each: the Value in the Valley description written to .docx by
pandoc is a 45 KB ``document.xml`` with 7 tables in 16 parts.
"""

from __future__ import annotations

#: Largest file imported, in bytes (pictures count, but are never read).
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Most parts (zip members) a document may have, and the largest central directory.
MAX_MEMBERS = 5_000
MAX_CENTRAL_DIRECTORY = 1024 * 1024
#: Largest XML part read (document.xml, comments.xml …), uncompressed: about 350 times Value in
#: the Valley's.
MAX_PART_BYTES = 16 * 1024 * 1024
#: Most tables (nested ones included): the form has one per principle.
MAX_TABLES = 200
#: Most paragraphs (those in tables included).
MAX_PARAGRAPHS = 50_000
