"""`iwp render --audience partners`: the report for partners and funders.

No check table and no path; a summary first; every participant group in the chart and the
table; processes with the texts of what they yield; the logo and colophon of ``[report]``,
the logo embedded as a data: URI that the page's Content-Security-Policy allows, and nothing
else. The team's report (the default) keeps the check and the file.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from conftest import VITV
from cycles_repo import git

THREE_GROUPS = """\
iwp: 1
name: Zorglab Noord
date: 2026-09-01
participants:
  - {code: J, name: Studenten, level: junior}
  - {code: S, name: Docenten, level: senior}
  - {code: OG, name: Opdrachtgevers uit de zorg}
starting_points:
  occasion: Personeelstekort in de ouderenzorg vraagt om slimme technologie.
  context: Een hbo, een mbo en twee zorginstellingen.
outcomes:
  products: [{id: advies, text: Adviezen over zorgtechnologie}]
  development: [{id: netwerk, text: Een regionaal netwerk van zorgtechnologen}]
  sustainability: [Duurzaam leren in de zorg]
processes:
  - {id: testen, text: Samen prototypes testen, yields: [advies, netwerk]}
principles:
  authentic-work-environment:
    features:
      - name: Echte vragen van zorginstellingen
        effects:
          - {text: Motiverend, who: [J]}
          - {text: Bruikbare adviezen voor de eigen organisatie, who: [OG]}
        preconditions: [{text: Een vaste contactpersoon, status: to-improve}]
"""

#: The smallest PNG: one transparent pixel.
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def write_repository(folder: Path, logo: bool = True) -> Path:
    """A folder with an iwp.toml that has a [report] table, a logo and the description."""
    folder.mkdir(parents=True, exist_ok=True)
    if logo:
        (folder / "logo.png").write_bytes(PIXEL)
    (folder / "iwp.toml").write_text(
        "[report]\n"
        + ('logo = "logo.png"\n' if logo else "")
        + 'organisation = "Hanzehogeschool Groningen"\n'
        + 'contact = "iwp@example.org"\n',
        encoding="utf-8",
    )
    target = folder / "zorglab.yaml"
    target.write_text(THREE_GROUPS, encoding="utf-8")
    return target


def test_partners_report_leaves_out_check_and_paths(iwp, tmp_path):
    target = write_repository(tmp_path / "repo")
    out = tmp_path / "partners.html"
    result = iwp("render", target, "--audience", "partners", "-o", out)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert 'id="check"' not in html and "IWP" + "4" not in html
    assert str(tmp_path) not in html and "zorglab.yaml" not in html
    assert 'id="summary"' in html
    assert html.index('id="summary"') < html.index('id="a"')
    assert "Rapportage voor partners en financiers" in html
    # Every group, in the summary, the chart's legend and the table.
    for group in ("J: Studenten", "S: Docenten", "OG: Opdrachtgevers uit de zorg"):
        assert group in html
    assert "Effecten OG" in html
    assert "Bruikbare adviezen voor de eigen organisatie" in html
    # The outcomes a process yields, by their text.
    assert (
        '<a href="#o-advies">Adviezen over zorgtechnologie</a>; '
        '<a href="#o-netwerk">Een regionaal netwerk van zorgtechnologen</a>'
    ) in html
    # Logo and colophon, the logo inline and allowed by the policy as data: only.
    assert f'src="data:image/png;base64,{base64.b64encode(PIXEL).decode()}"' in html
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    assert "img-src data:;" in policy.group(1)
    assert "Hanzehogeschool Groningen" in html
    assert 'href="mailto:iwp@example.org"' in html


def test_team_report_keeps_check_and_file(iwp, tmp_path):
    target = write_repository(tmp_path / "repo")
    out = tmp_path / "team.html"
    assert iwp("render", target, "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert 'id="check"' in html and "zorglab.yaml" in html
    assert 'id="summary"' not in html and "img-src" not in html and "data:image" not in html
    assert "Effecten OG" in html  # every group for the team too


def test_a_missing_logo_is_a_configuration_error(iwp, tmp_path):
    target = write_repository(tmp_path / "repo", logo=False)
    (target.parent / "iwp.toml").write_text('[report]\nlogo = "nope.png"\n', encoding="utf-8")
    result = iwp("render", target, "--audience", "partners", "-o", tmp_path / "x.html")
    assert result.exit_code == 2
    assert "report.logo 'nope.png' does not exist" in result.stderr
    assert not (tmp_path / "x.html").exists()
    dutch = iwp("render", target, "--lang", "nl", "-o", tmp_path / "x.html")
    assert dutch.exit_code == 2
    assert "report.logo 'nope.png' bestaat niet" in dutch.stderr


def test_summary_says_what_changed_since_the_previous_cycle(iwp, tmp_path):
    repo = tmp_path / "repo"
    target = write_repository(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "cycle 1")
    newer = THREE_GROUPS.replace("date: 2026-09-01", "date: 2027-02-01").replace(
        "preconditions: [{text: Een vaste contactpersoon, status: to-improve}]",
        "preconditions: [Een vaste contactpersoon]\n"
        "      - name: Studenten lopen mee op de afdeling\n"
        "        effects: [{text: Zien hoe zorg werkt, who: [J]}]\n"
        "        preconditions: []",
    )
    target.write_text(newer, encoding="utf-8")
    out = tmp_path / "p.html"
    assert iwp("render", target, "--audience", "partners", "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "Wat veranderde sinds de vorige cyclus (2026-09-01)" in html
    assert "Kenmerken toegevoegd (1)" in html
    assert "Studenten lopen mee op de afdeling (principe 1)" in html
    assert "Open punten opgelost (1)" in html


def test_vitv_partners_in_english(iwp, tmp_path):
    out = tmp_path / "vitv.html"
    assert iwp("render", VITV, "--audience", "partners", "--lang", "en", "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "Report for partners and funders" in html and "Summary" in html
    assert "examples/" not in html and 'id="check"' not in html


def test_partners_report_in_markdown(iwp, tmp_path):
    target = write_repository(tmp_path / "repo")
    result = iwp("render", target, "--audience", "partners", "-f", "md")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "## Samenvatting" in text and "## Controle" not in text and "IWP" + "404" not in text
    assert "- **OG: Opdrachtgevers uit de zorg**: 1 effect; Bruikbare adviezen" in text
    assert "**Colofon:** Hanzehogeschool Groningen · iwp@example.org" in text
    assert "zorglab.yaml" not in text


def test_the_report_table_is_checked_and_shown(iwp, tmp_path):
    target = write_repository(tmp_path / "repo")
    config = target.parent / "iwp.toml"
    shown = iwp("config", target)
    assert shown.exit_code == 0
    assert "report.organisation  Hanzehogeschool Groningen" in shown.stdout
    config.write_text('[report]\nlogo = "iwp.toml"\n', encoding="utf-8")
    result = iwp("config", target)
    assert result.exit_code == 2 and "report.logo 'iwp.toml': not an image" in result.stderr
    config.write_text('[report]\norganization = "typo"\n', encoding="utf-8")
    result = iwp("config", target)
    assert result.exit_code == 2 and "report.organization" in result.stderr


def test_a_site_for_partners_shows_no_paths_or_check(iwp, tmp_path):
    target = write_repository(tmp_path / "repo")
    site = tmp_path / "site"
    result = iwp("render", target.parent, "--audience", "partners", "-o", site)
    assert result.exit_code == 0, result.stderr
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "zorglab.yaml" not in index and "Controle" not in index
    page = (site / "zorglab.html").read_text(encoding="utf-8")
    assert 'id="summary"' in page and 'id="check"' not in page
