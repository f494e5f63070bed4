"""`iwp render`: Markdown and HTML reports that mirror the handbook, and a catalogue of a folder.

- `report`: one description to one report (`render_target`, `RenderOptions`);
- `site`: a folder of descriptions to one page each and an ``index.html`` (`render_site`);
- `checking`: load and check a description once, as `iwp check` does;
- `view`, `sections`, `build`: the view model the templates show; `svg`, `charts`: the figures;
- `markdown`: escaping for Markdown output, Markdown to safe HTML;
- `environment`: the sandboxed Jinja environments over the shipped and a user's templates;
- `output`: page names that stay inside the output folder, and atomic writes.

The templates are in the project's top-level ``templates/report/`` (shipped in the wheel).
"""
