"""Benchmark `iwp check` against check-jsonschema on a generated corpus (in YAML and in the
Markdown form), and `iwp`'s start-up.

Run it with the project's virtual environment (it calls the `iwp` and `check-jsonschema` console
scripts next to the running interpreter)::

    .venv/bin/python bench/check.py [--files N] [--repeat R] [--keep DIR] [--json]

What it does, in order:

1. Generates N (default 1000) synthetic descriptions of format v1, about 10 KB each (8.5-12 KB),
   each from its own seeded ``random.Random``: file i has the same bytes on every run and for
   every N (the sha256 printed with the corpus says so). Dutch-like text, partners, J/S and
   sometimes a third group, outcomes and processes with ids, kinds and links, all seven
   principles with 3-8 features, effects with ``who``, preconditions (some ``[]``), a few open
   points. Warnings and info findings are expected (a few effects without ``who``, features
   that support no process, an empty outcome category): real files have them too.
2. Converts every file to the Markdown form in-process, as ``iwp convert FILE --to md`` does
   (``iwp_cli.convert.convert``), into ``DIR-md`` next to the YAML folder ``DIR``:
   ``iwp-NNNN.md`` for ``iwp-NNNN.yaml``.
3. Checks a sample of the YAML files with ``iwp check --format json`` and aborts if any file has
   an error; checks every Markdown file the same way and aborts on any IWP0xx finding (reading,
   shape, the Markdown form's structure) or error, as the conversion must give files that read
   back whole. The warm-up runs over all files of both folders must exit 0 as well. Warnings and
   info findings are fine.
4. Times, as whole processes and interleaved (iwp, check-jsonschema, iwp on Markdown, iwp, ...
   R times), ``iwp check DIR --format concise`` (output to /dev/null),
   ``check-jsonschema --schemafile schemas/iwp-1.schema.json FILE...`` (all YAML files, one
   process) and ``iwp check DIR-md --format concise``. Each gets one untimed warm-up run first,
   so caches and ``.pyc`` files are warm.
5. Runs ``iwp check DIR`` and then ``iwp check DIR-md`` once more each, untimed, sampling
   ``/proc`` every 5 ms for the resident set (RSS) of iwp and every process it starts (its pool
   workers).
6. Times ``iwp --version`` against ``python -c pass`` (20 runs each, interleaved) and
   ``iwp check FILE`` on one YAML file (10 runs).

How to read the figures:

- Times are wall-clock seconds (``time.perf_counter``) around spawn and wait; "median" is the
  figure to compare, "min" the least disturbed run. The machine is noisy (15-20%), which is why
  the three commands run interleaved in one session: compare their ratios, not absolute times
  across sessions.
- "Markdown / YAML" is iwp on the Markdown corpus over iwp on the YAML corpus (the same
  descriptions): what reading the Markdown form costs. "Markdown / check-jsonschema" compares
  iwp on Markdown with check-jsonschema on the YAML files, which cannot read Markdown at all.
- "tree sum" is the peak, over all samples, of the sum of RSS over the process tree. Forked
  workers share pages with their parent and each counts them, so this is an upper bound of the
  memory the run needs. "largest process" is the peak RSS of any single process in the tree;
  ``ru_maxrss`` (from ``os.wait4``, which includes the pool workers iwp reaped) is the kernel's
  figure for the same thing and should be close to it.
- ``--version`` vs ``python -c pass`` shows what iwp adds to a bare interpreter start.
- Goals: iwp/check-jsonschema <= 0.33, tree-sum peak <= 100 MiB, ``--version`` <= 6x
  ``python -c pass``; for the Markdown corpus: Markdown/YAML <= 1.5, Markdown/check-jsonschema
  <= 0.2, tree-sum peak <= 100 MiB. A missed goal prints a "GOAL MISSED" line; the exit code is 0
  regardless, unless the generated corpus or its conversion is broken.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import hashlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from iwp_cli.convert import ConvertError, convert
from iwp_cli.discovery import DESCRIPTION_SUFFIXES
from iwp_cli.framework import builtin_framework
from iwp_cli.loader import MARKDOWN, load_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "schemas" / "iwp-1.schema.json"
BIN = Path(sys.executable).parent
SEED = "iwp-bench-1"
FILE_PATTERN = re.compile(r"^iwp-\d{4,}\.yaml$")
MARKDOWN_PATTERN = re.compile(r"^iwp-\d{4,}\.md$")
MIB = 1024 * 1024
PAGE = os.sysconf("SC_PAGE_SIZE")

GOAL_RATIO = 0.33
GOAL_PEAK_MIB = 100.0
GOAL_VERSION_RATIO = 6.0
GOAL_MARKDOWN_RATIO = 1.5  # iwp check on the Markdown corpus / on the YAML corpus
GOAL_MARKDOWN_CJS_RATIO = 0.2  # iwp check on the Markdown corpus / check-jsonschema on YAML

# --------------------------------------------------------------------------------------------
# Vocabulary of the generated descriptions
# --------------------------------------------------------------------------------------------

#: The seven principle ids, in order, from the framework data iwp ships.
PRINCIPLES = builtin_framework().ids


@dataclass(frozen=True)
class Theme:
    """What a generated workplace is about."""

    label: str
    sector: str
    clients: str
    topic: str
    programmes: str


THEMES = (
    Theme("Zorglab", "de zorg", "zorginstellingen", "zorgtechnologie", "verpleegkunde en ICT"),
    Theme(
        "Energiewerkplaats",
        "de gebouwde omgeving",
        "woningcorporaties",
        "de energietransitie in de wijk",
        "bouwkunde, installatietechniek en ruimtelijke ordening",
    ),
    Theme("Agrolab", "de landbouw", "agrarische ondernemers", "kringlooplandbouw", "veehouderij"),
    Theme(
        "Waterwerkplaats",
        "het waterbeheer",
        "waterschappen",
        "klimaatadaptatie",
        "civiele techniek en watermanagement",
    ),
    Theme("Havenlab", "de logistiek", "transportbedrijven", "schone logistiek", "logistiek en ICT"),
    Theme("Bouwcampus", "de bouw", "bouwbedrijven", "circulair bouwen", "bouwkunde en timmeren"),
    Theme(
        "Voedselwerkplaats",
        "de voedselketen",
        "voedselproducenten",
        "gezonde en duurzame voeding",
        "voeding en diëtetiek, food technology en horeca",
    ),
    Theme(
        "Mobiliteitslab",
        "het vervoer",
        "vervoerders en gemeenten",
        "slimme mobiliteit",
        "verkeerskunde en data science",
    ),
    Theme(
        "Cyberwerkplaats",
        "het mkb",
        "mkb-bedrijven",
        "digitale veiligheid",
        "informatica, recht en bedrijfskunde",
    ),
    Theme("Erfgoedlab", "de cultuursector", "musea en archieven", "digitaal erfgoed", "erfgoed"),
    Theme(
        "Natuurwerkplaats",
        "het natuurbeheer",
        "terreinbeheerders",
        "biodiversiteit",
        "bos- en natuurbeheer en ecologie",
    ),
)

PLACES = (
    "Noord",
    "Twente",
    "Achterhoek",
    "Zeeland",
    "Friesland",
    "Limburg",
    "Rijnmond",
    "Veluwe",
    "Brabant",
    "Groningen",
    "Drenthe",
    "West-Friesland",
    "de Kempen",
    "Flevoland",
    "Kennemerland",
    "de Delta",
)

OCCASION = (
    "{Topic} is in {place} een urgent maatschappelijk vraagstuk: {clients} zoeken mensen die "
    "nieuwe oplossingen kunnen bedenken en invoeren.",
    "Doel is om {clients} in de regio zo goed mogelijk te ondersteunen bij {topic} en de "
    "studenten daarvan te laten leren.",
    "De opdrachten hebben een bepaalde mate van complexiteit en vereisen een multidisciplinaire "
    "aanpak.",
    "Daarnaast wil de werkplaats kennis ontwikkelen over het vormgeven van leerwerkomgevingen, "
    "zodat anderen daar hun voordeel mee kunnen doen.",
    "De ervaringen van de deelnemers en de leeruitkomsten worden elke cyclus geëvalueerd; "
    "ontwerp en inrichting worden daarop bijgesteld.",
    "In {sector} is een groot tekort aan vakmensen, terwijl de vragen steeds ingewikkelder worden.",
    "De werkplaats wil laten zien dat onderwijs en beroepspraktijk samen sneller vernieuwen dan "
    "ieder afzonderlijk.",
    "Ambitie is dat over drie jaar de helft van de opdrachten rechtstreeks uit {sector} komt.",
    "Vraagstukken rond {topic} houden zich niet aan de grenzen van één opleiding of organisatie.",
    "{Clients} geven aan dat zij behoefte hebben aan praktische adviezen die ook echt "
    "uitvoerbaar zijn.",
)

CONTEXT = (
    "De werkplaats is gehuisvest in een bedrijfsverzamelgebouw in {place}, dicht bij de "
    "opdrachtgevers.",
    "Een kernteam van docenten, onderzoekers en professionals uit {sector} ontwikkelt en "
    "begeleidt de werkplaats.",
    "Studenten van {programmes} nemen elk semester deel, twee tot vijf dagen per week.",
    "De opleidingen brengen uren van docenten in; de partners uit het werkveld leveren "
    "opdrachten, ruimte en begeleiding.",
    "De werkplaats wordt de eerste drie jaar gefinancierd uit een regionaal innovatiefonds.",
    "Studenten kunnen afhankelijk van hun opleiding onderwijseenheden vervangen door werk in de "
    "werkplaats.",
    "Er is een vaste ruimte met werkplekken, een overlegtafel en een kleine werkplaats voor "
    "prototypes.",
    "De opdrachtgevers worden geworven in de regio en zijn als actief betrokken klant bij de "
    "projecten betrokken.",
    "Elke week is er een gezamenlijke start en een afsluiting waarin de teams hun voortgang "
    "laten zien.",
    "Het kernteam heeft maandelijks overleg met de stuurgroep van de deelnemende organisaties.",
)

# (kind, id stem, text)
PRODUCTS = (
    ("advice", "advies", "Adviezen aan {clients} over {topic}"),
    ("research", "onderzoek", "Onderzoeksrapporten over de effecten van {topic} in {place}"),
    ("design", "prototypes", "Prototypes die {clients} in de eigen praktijk kunnen testen"),
    ("procedure", "richtlijnen", "Richtlijnen en stappenplannen voor {clients}"),
    ("product", "toolkit", "Een toolkit voor {topic} die vrij beschikbaar is voor de regio"),
    ("research", "modellen", "Concepten, modellen en instrumenten voor nieuwe werkplaatsen"),
    ("advice", "haalbaarheid", "Haalbaarheidsstudies voor kleine ondernemers in {sector}"),
    ("design", "dashboard", "Een digitaal dashboard dat de voortgang van projecten toont"),
)
DEVELOPMENT = (
    ("individual", "innovatieprofessional", "Studenten ontwikkelen zich als innovatieprofessional"),
    ("individual", "persoonlijk", "Alle deelnemers werken aan hun professionele ontwikkeling"),
    ("team", "teams", "Teams leren samenwerken over de grenzen van disciplines en niveaus heen"),
    ("team", "kernteam", "Het kernteam ontwikkelt zich door intervisie en gezamenlijke evaluaties"),
    ("organisation", "lerende-organisatie", "De werkplaats groeit naar een lerende organisatie"),
    ("organisation", "curriculum", "De opleidingen passen hun curriculum aan op de ervaringen"),
    ("network", "netwerk", "Een duurzaam netwerk tussen opleidingen en {clients}"),
)
SUSTAINABILITY = (
    ("innovation", "doorontwikkeling", "Innovaties worden door de opdrachtgevers doorontwikkeld"),
    ("transition", "transitie", "De werkplaats draagt bij aan {topic} in {place}"),
    ("sustainable-learning", "samen-leren", "Opleidingen en werkveld blijven samen leren"),
    ("sustainable-learning", "voortbouwen", "Er wordt voortgebouwd op eerder ontwikkelde adviezen"),
    ("innovation", "startup", "Nieuwe diensten worden na afloop door een startup voortgezet"),
)
PROCESSES = (
    (
        "acquire",
        "verkennen",
        "Studenten doen literatuuronderzoek en interviewen mensen uit {sector}",
    ),
    ("acquire", "workshops", "Workshops en excursies worden just-in-time en op maat georganiseerd"),
    ("apply", "adviesopdrachten", "De adviesopdrachten worden projectmatig uitgevoerd"),
    ("combine", "kruisbestuiving", "Teams zoeken nieuwe combinaties van kennis uit vakgebieden"),
    ("co-create", "cocreatie", "Studenten, docenten en {clients} testen samen prototypes"),
    ("social-capital", "netwerken", "Deelnemers bouwen een netwerk op met {clients}"),
    ("reflect", "reflectie", "De deelnemers reflecteren op hun ontwikkeling en de samenwerking"),
    ("reflect", "evaluatie", "Het kernteam evalueert elke cyclus de werkplaats als organisatie"),
    ("apply", "pilots", "Oplossingen worden in kleine pilots bij {clients} toegepast"),
    ("co-create", "ontwerpsessies", "Junioren en senioren werken in ontwerpsessies samen"),
)

FEATURES = {
    "authentic-work-environment": (
        "Authentieke opdrachten",
        "Professionele cultuur",
        "Gezien worden als een bedrijf",
        "Senior medewerkers uit onderwijs en werkveld",
        "Gehuisvest in een bedrijfsomgeving",
        "Junioren en senioren als collega’s",
        "Echte klanten met echte deadlines",
        "Werken met de gereedschappen van het vak",
        "Opdrachtgevers presenteren zelf hun vraag",
        "Resultaten worden in de praktijk gebruikt",
    ),
    "learning-community": (
        "Leren van en met elkaar",
        "Eigenaarschap",
        "Gemeenschap",
        "Gelijkwaardigheid tussen lerenden",
        "Wekelijkse gezamenlijke lunch",
        "Communities of practice per thema",
        "Iedereen kan iedereen om hulp vragen",
        "Gedeelde kennisbank",
        "Nieuwe deelnemers krijgen een maatje",
        "Vieren van successen",
    ),
    "diversity": (
        "Werken met verschillende disciplines",
        "Gemengde teams van mbo en hbo",
        "Gebruikmaken van verschillende visies",
        "Samenwerken tussen niveaus",
        "Feedback van verschillende mensen",
        "Nieuwe, interessante mensen ontmoeten",
        "Gebruik maken van elkaars sterke punten",
        "Uitleggen aan anderen",
        "Internationale studenten in de teams",
        "Opdrachtgevers uit verschillende sectoren",
    ),
    "learning-and-working": (
        "Nieuwe manieren van leren",
        "Leren van een rolmodel",
        "Balans tussen structuur en loslaten",
        "Projectmatig werken",
        "Externe expertise gebruiken",
        "Kennis op het moment dat die nodig is",
        "Toenemende complexiteit in taken",
        "Begeleiden van het leren",
        "Leerdoelen gekoppeld aan de opdracht",
        "Korte workshops op aanvraag",
    ),
    "reflection": (
        "Beoordelen om van te leren",
        "Focus op de persoon",
        "Reflectie op acties",
        "Reflectie in actie",
        "Terugblik na elke sprint",
        "Intervisie voor senioren",
        "Portfolio met bewijsstukken",
        "Feedback van opdrachtgevers",
        "Coachgesprekken elke twee weken",
        "Logboek van het leerproces",
    ),
    "supportive-organisation": (
        "Ondersteunen van leren én werken",
        "Gemeenschappelijke werkruimte",
        "Verbinding met stakeholders",
        "Lerende organisatie",
        "Expliciete cultuur",
        "Flexibele roosters",
        "Vaste aanspreekpunten",
        "Heldere rolverdeling in het kernteam",
        "Ruimte voor experimenten",
        "Eenvoudige administratie",
    ),
    "embedding": (
        "Afstemming met opleidingen over leeruitkomsten",
        "Werving van studenten samen met opleidingen",
        "Werving van geschikte externe opdrachten",
        "Vaste plek in het regionale netwerk",
        "Afspraken met de gemeente",
        "Resultaten delen op regionale bijeenkomsten",
        "Verbinding met het lectoraat",
        "Meerjarige samenwerkingsovereenkomst",
        "Ambassadeurs bij de partners",
        "Alumni blijven betrokken",
    ),
}

EFFECTS = (
    "Uitdagend, motiverend",
    "Professioneel gedrag",
    "Makkelijk toegang tot externe experts en opdrachtgevers",
    "Feedback van docenten en mensen uit het werkveld vergroot de kwaliteit van het werk",
    "Serieus genomen worden door externe relaties",
    "Elkaar meer serieus nemen",
    "Nuttige tips en ideeën",
    "Verantwoordelijkheid nemen, initiatief nemen",
    "Serieus werken in een informele sfeer",
    "Beter coachen van junioren en zelf meer leren",
    "Veel leren van andere disciplines",
    "Motivatie om te leren, nieuwe ideeën",
    "Meer mensen betekent meer ideeën en betere resultaten",
    "Stimuleert reflectie en vergroot zelfkennis",
    "Inspiratie door collega’s uit andere vakgebieden",
    "Iedereen voelt zich gerespecteerd en gewaardeerd om de eigen inbreng",
    "Het zelf beter begrijpen en meer assertief worden",
    "Leren door doen en discussie",
    "Leren door anderen aan het werk te zien",
    "Studenten leren op een efficiënte manier",
    "Kennis wordt gebruikt op de dag dat die geleerd is",
    "Nadenken over het geleerde",
    "Bewuster keuzes maken voor de toekomst",
    "Zowel creatief als goed georganiseerd zijn",
    "Snel contact tussen junioren en senioren",
    "Weten wie welke expertise heeft",
    "{Clients} zijn betrokken en gecommitteerd",
    "Continue ontwikkeling van de werkplaats",
    "Studenten krijgen studiepunten voor hun werk in de werkplaats",
    "De werkplaats is een vanzelfsprekend onderdeel van de opleidingen",
    "Resultaten worden gebruikt in {sector}",
    "Meer zelfvertrouwen in het contact met {clients}",
)

PRECONDITIONS = (
    "Actief geïnteresseerde opdrachtgevers",
    "Respecteren en naleven van regels en waarden",
    "Evenwichtige verdeling van medewerkers uit onderwijs en werkveld",
    "Financiering van de huur",
    "Activiteiten om informatie tussen teams uit te wisselen",
    "Junioren verantwoordelijk maken, heldere verwachtingen, coaching",
    "Cultuur van respect, openheid en gelijkwaardigheid",
    "Goede coaches",
    "Evenwichtige verdeling van kenmerken over de teamleden",
    "Ieders bijdrage is nodig om de taak goed uit te voeren",
    "Werken in dezelfde ruimte",
    "Eerst focus op de probleemstelling, dan op de mijlpalen",
    "Ondersteunende kennis is tijdig, to the point en op maat",
    "Doelen stellen en reflecteren op het leren met een coach",
    "Instrumenten voor en dialoog over feedback",
    "Heldere communicatie met de opleidingen",
    "Kleine gemeenschap, tijd om elkaar te ontmoeten, flexibele organisatie",
    "Gedeelde visie en communicatie afgestemd op de stakeholders",
    "Goede afspraken tussen de werkplaats en de opleidingen",
    "Een netwerk van {clients} opbouwen",
    "Een vaste contactpersoon bij elke opdrachtgever",
    "Budget voor materiaal en prototypes",
)

QUALIFIERS = (
    "voor junioren",
    "in de werkplaats",
    "met opdrachtgevers",
    "in kleine teams",
    "vanaf de eerste week",
)

NOTES = (
    "Dit kenmerk is in de laatste cyclus toegevoegd.",
    "Nog niet duidelijk hoe dit te realiseren.",
    "Werkt goed bij kleine teams, minder bij grote.",
    "Besproken in de evaluatie van het kernteam.",
)

THIRD_GROUPS = (
    ("OG", "Opdrachtgevers uit de regio", "senior", ("opdrachtgever", "expert")),
    ("P", "Professionals van {clients}", "senior", ("expert", "lerende", "begeleider")),
    ("W", "Wijkbewoners en vrijwilligers", None, ("ervaringsdeskundige", "lerende")),
    ("B", "Bedrijfsbegeleiders", "senior", ("coach", "beoordelaar")),
)

ROLES_J = ("adviseur", "lerende", "onderzoeker", "ontwerper", "projectleider")
ROLES_S = ("coach", "expert", "instructeur", "acquisiteur (van studenten en opdrachten)")
ROLES_S2 = ("lerende", "ontwikkelaar van de werkplaats", "interne opdrachtgever")
TAGS = ("duurzaamheid", "advies", "mbo-hbo", "regio", "techniek", "zorg", "data", "onderzoek")
PEOPLE = ("Sam de Vries", "Noor Jansen", "Daan Bakker", "Fleur Visser", "Lars Smit", "Eva Mulder")
PARTNER_KINDS = (
    ("hbo", "Hogeschool {place}"),
    ("mbo", "ROC {place}"),
    ("mbo", "{place} College"),
    ("wo", "Universiteit van {place}"),
    ("company", "{Label} Advies BV"),
    ("company", "Technisch Bureau {place}"),
    ("government", "Gemeente {place}"),
    ("government", "Provincie {place}"),
    ("civil-society", "Stichting {Label} {place}"),
    ("other", "Kenniscentrum {place}"),
)
PARTNER_ROLES = ("penvoerder", "opdrachtgever", "gastheer", "financier", None, None)
ASPECTS = ("participants", "culture", "didactics", "organisation", "environment")

# --------------------------------------------------------------------------------------------
# YAML rendering
# --------------------------------------------------------------------------------------------

_RESERVED = {"yes", "no", "true", "false", "null", "on", "off", "y", "n", "~"}
_FLOW_SPECIAL = set(",[]{}")
_LEADING_SPECIAL = set("-?:,[]{}#&*!|>'\"%@`0123456789 ")


def scalar(text: str, flow: bool = False) -> str:
    """``text`` as a YAML scalar: plain where that is safe, else double-quoted (JSON is valid
    YAML there)."""
    unsafe = (
        ":" in text
        or "#" in text
        or text[0] in _LEADING_SPECIAL
        or text.lower() in _RESERVED
        or (flow and any(c in _FLOW_SPECIAL for c in text))
    )
    return json.dumps(text, ensure_ascii=False) if unsafe else text


def flow_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(scalar(item, flow=True) for item in items) + "]"


#: A value in a generated mapping: text (a scalar) or a list of texts (a flow sequence).
Value = str | list[str]
Pairs = list[tuple[str, Value]]


def render(value: Value, flow: bool) -> str:
    return flow_list(value) if isinstance(value, list) else scalar(value, flow)


def block(pairs: Pairs, indent: str) -> list[str]:
    """Mapping entries in block style, one line each."""
    return [f"{indent}{key}: {render(value, flow=False)}" for key, value in pairs]


def literal(key: str, paragraphs: Sequence[str], indent: str) -> str:
    """A literal block scalar, one paragraph per line, paragraphs separated by a blank line."""
    body = "\n\n".join(f"{indent}  {p}" for p in paragraphs)
    return f"{indent}{key}: |\n{body}\n"


# --------------------------------------------------------------------------------------------
# Generating one description
# --------------------------------------------------------------------------------------------


@dataclass
class Draft:
    """What one description is made of while it is generated."""

    rng: random.Random
    fill: dict[str, str]
    codes: list[str]
    process_ids: list[str]
    flow: float
    used_ids: set[str] = field(default_factory=set)


def fmt(draft: Draft, template: str) -> str:
    return template.format(**draft.fill)


def chance(draft: Draft, probability: float) -> bool:
    return draft.rng.random() < probability


def unique_id(draft: Draft, stem: str) -> str:
    ident, n = stem, 1
    while ident in draft.used_ids:
        n += 1
        ident = f"{stem}-{n}"
    draft.used_ids.add(ident)
    return ident


def entry(draft: Draft, pairs: Pairs, indent: str) -> str:
    """One list entry that is a mapping, in flow style or block style at random."""
    if chance(draft, draft.flow):
        inner = ", ".join(f"{key}: {render(value, flow=True)}" for key, value in pairs)
        return f"{indent}- {{{inner}}}"
    return f"{indent}- " + f"\n{indent}  ".join(
        f"{key}: {render(value, flow=False)}" for key, value in pairs
    )


def new_draft(rng: random.Random) -> Draft:
    theme, place = rng.choice(THEMES), rng.choice(PLACES)
    fill = {
        "label": theme.label,
        "Label": theme.label,
        "place": place,
        "sector": theme.sector,
        "clients": theme.clients,
        "Clients": theme.clients[0].upper() + theme.clients[1:],
        "topic": theme.topic,
        "Topic": theme.topic[0].upper() + theme.topic[1:],
        "programmes": theme.programmes,
    }
    third = [rng.choice(THIRD_GROUPS)[0]] if rng.random() < 0.35 else []
    return Draft(rng, fill, ["J", "S", *third], [], flow=rng.choice((0.0, 0.3, 0.7, 1.0)))


def head(draft: Draft, index: int) -> str:
    rng = draft.rng
    date = datetime.date(2026, 6, 1) + datetime.timedelta(days=rng.randint(0, 160))
    lines = [
        f"# Synthetic description {index:04d} made by bench/check.py ({SEED}); not a real IWP.",
        "iwp: 1",
        f"name: {scalar(fmt(draft, '{label} {place}'))}",
        f"date: {date.isoformat()}",
    ]
    if chance(draft, 0.5):
        lines.append("language: nl")
    lines.append(f"tags: {flow_list(rng.sample(TAGS, rng.randint(2, 4)))}")
    return "\n".join(lines) + "\n"


def partners(draft: Draft) -> str:
    rng = draft.rng
    out = ["partners:"]
    for kind, template in rng.sample(PARTNER_KINDS, rng.randint(2, 4)):
        pairs: Pairs = [("name", fmt(draft, template)), ("type", kind)]
        role = rng.choice(PARTNER_ROLES)
        if role is not None:
            pairs.append(("role", role))
        out.append(entry(draft, pairs, "  "))
    if chance(draft, 0.4):
        person = rng.choice(PEOPLE)
        email = person.lower().replace(" ", ".") + "@example.org"
        out.append("contacts:")
        out.append(
            entry(draft, [("name", person), ("email", email), ("role", "coördinator")], "  ")
        )
    return "\n".join(out) + "\n"


def group(code: str, name: str, level: str | None, roles: Sequence[str], about: str) -> str:
    lines = [f"  - code: {code}", f"    name: {scalar(name)}"]
    if level is not None:
        lines.append(f"    level: {level}")
    lines.append(f"    roles: {flow_list(roles)}")
    if about:
        lines.append(f"    characteristics: {scalar(about)}")
    return "\n".join(lines)


def participants(draft: Draft) -> str:
    rng = draft.rng
    about_j = fmt(draft, "Studenten van {programmes} die twee tot vijf dagen per week meedoen.")
    out = [
        "participants:",
        group("J", fmt(draft, "Studenten {programmes}"), "junior", rng.sample(ROLES_J, 2), about_j),
        group(
            "S",
            fmt(draft, "Docenten, onderzoekers en professionals uit {sector}"),
            "senior",
            [*rng.sample(ROLES_S, 2), *rng.sample(ROLES_S2, 1)],
            "Werken part-time als projectmedewerker bij de werkplaats."
            if chance(draft, 0.6)
            else "",
        ),
    ]
    for code, name, level, roles in THIRD_GROUPS:
        if code in draft.codes:
            out.append(group(code, fmt(draft, name), level, roles, ""))
    return "\n".join(out) + "\n"


def starting_points(occasion: list[str], context: list[str]) -> str:
    return (
        "starting_points:\n"
        + literal("occasion", occasion, "  ")
        + literal("context", context, "  ")
    )


def paragraphs(draft: Draft, pool: Sequence[str], count: int) -> list[str]:
    chosen = draft.rng.sample(pool, count)
    half = max(1, count // 2)
    return [
        " ".join(fmt(draft, s) for s in chosen[:half]),
        " ".join(fmt(draft, s) for s in chosen[half:]),
    ]


def outcome_group(
    draft: Draft, key: str, pool: Sequence[tuple[str, str, str]], n: int
) -> tuple[str, list[str]]:
    ids, lines = [], [f"  {key}:"]
    for kind, stem, text in draft.rng.sample(pool, n):
        ident = unique_id(draft, stem)
        ids.append(ident)
        pairs: Pairs = [("id", ident), ("kind", kind), ("text", fmt(draft, text))]
        lines.append(entry(draft, pairs, "    "))
    if n == 0:
        lines[0] += " []"
    return "\n".join(lines) + "\n", ids


def outcomes(draft: Draft) -> tuple[str, list[str]]:
    rng = draft.rng
    groups = (
        ("products", PRODUCTS, rng.randint(2, 3)),
        ("development", DEVELOPMENT, rng.randint(2, 3)),
        ("sustainability", SUSTAINABILITY, rng.choice((0, 1, 1, 1, 2))),
    )
    text, ids = "outcomes:\n", []
    for key, pool, n in groups:
        block, made = outcome_group(draft, key, pool, n)
        text += block
        ids.extend(made)
    return text, ids


def processes(draft: Draft, outcome_ids: list[str]) -> str:
    rng = draft.rng
    chosen = rng.sample(PROCESSES, rng.randint(3, 5))
    yields: list[list[str]] = [[] for _ in chosen]
    for n, ident in enumerate(rng.sample(outcome_ids, len(outcome_ids))):
        yields[n % len(chosen)].append(ident)  # every outcome is yielded by some process
    lines = ["processes:"]
    for (kind, stem, text), made in zip(chosen, yields, strict=True):
        ident = unique_id(draft, stem)
        draft.process_ids.append(ident)
        targets = made or [rng.choice(outcome_ids)]
        pairs: Pairs = [("id", ident), ("kind", kind), ("yields", sorted(targets))]
        pairs.append(("text", fmt(draft, text)))
        lines.append(entry(draft, pairs, "  "))
    return "\n".join(lines) + "\n"


def who(draft: Draft) -> list[str]:
    rng, codes = draft.rng, draft.codes
    if len(codes) > 2 and chance(draft, 0.2):
        return sorted(rng.sample(codes, rng.randint(1, len(codes))), key=codes.index)
    return rng.choice((["J"], ["J"], ["S"], ["J", "S"]))


def status_pairs(draft: Draft, probability: float) -> Pairs:
    """Now and then an open point: a status, sometimes with a note."""
    if not chance(draft, probability):
        return []
    pairs: Pairs = [("status", draft.rng.choice(("to-improve", "to-improve", "no-consensus")))]
    if chance(draft, 0.5):
        pairs.append(("note", draft.rng.choice(NOTES)))
    return pairs


def effects(draft: Draft) -> list[str]:
    rng, out = draft.rng, ["        effects:"]
    for template in rng.sample(EFFECTS, rng.choice((1, 1, 1, 2))):
        text = fmt(draft, template)
        if chance(draft, 0.015):
            out.append(f"          - {scalar(text)}")  # not attributed to anyone
            continue
        pairs: Pairs = [("text", text), ("who", who(draft)), *status_pairs(draft, 0.04)]
        out.append(entry(draft, pairs, "          "))
    return out


def preconditions(draft: Draft) -> list[str]:
    rng = draft.rng
    if chance(draft, 0.2):
        return ["        preconditions: []"]
    out = ["        preconditions:"]
    for template in rng.sample(PRECONDITIONS, rng.choice((1, 1, 1, 1, 2))):
        text = fmt(draft, template)
        status = status_pairs(draft, 0.05)
        plain = f"          - {scalar(text)}"
        out.append(entry(draft, [("text", text), *status], "          ") if status else plain)
    return out


def feature(draft: Draft, principle: str, name: str) -> str:
    """One feature (kenmerk), rendered: its lines count towards the file's size budget."""
    rng = draft.rng
    pairs: Pairs = [("name", name)]
    if chance(draft, 0.5):
        pairs.append(("aspect", rng.choice(ASPECTS)))
    if chance(draft, 0.1):
        pairs.append(("also", [rng.choice([p for p in PRINCIPLES if p != principle])]))
    if chance(draft, 0.93):
        pairs.append(("supports", rng.sample(draft.process_ids, rng.choice((1, 1, 2)))))
    pairs.extend(status_pairs(draft, 0.03))
    lines = block(pairs, "        ")
    lines[0] = "      - " + lines[0].lstrip()
    return "\n".join([*lines, *effects(draft), *preconditions(draft)]) + "\n"


def feature_names(draft: Draft, principle: str) -> list[str]:
    """The principle's feature names in a random order, some with a qualifier; unique in a file
    because each principle has its own names."""
    names = draft.rng.sample(FEATURES[principle], 8)
    return [
        f"{n} {fmt(draft, draft.rng.choice(QUALIFIERS))}" if chance(draft, 0.15) else n
        for n in names
    ]


def principles_text(draft: Draft, features: dict[str, list[str]]) -> str:
    out = ["principles:"]
    for principle in PRINCIPLES:
        out.append(f"  {principle}:")
        if chance(draft, 0.12):
            out.append(f"    notes: {scalar(fmt(draft, draft.rng.choice(OCCASION)))}")
        out.append("    features:")
        out.extend(text.rstrip("\n") for text in features[principle])
    return "\n".join(out) + "\n"


def grow_features(draft: Draft, budget: int) -> dict[str, list[str]]:
    """3 features per principle, then more (up to 8) while they fit, in principles drawn with
    skewed weights, so that a file has a few principles with many features, as real ones do."""
    names = {p: feature_names(draft, p) for p in PRINCIPLES}
    weights = {p: draft.rng.expovariate(1.0) ** 2 for p in PRINCIPLES}
    features = {p: [feature(draft, p, names[p][i]) for i in range(3)] for p in PRINCIPLES}
    used = sum(len(block.encode()) for blocks in features.values() for block in blocks)
    while True:
        open_ = [p for p in PRINCIPLES if len(features[p]) < 8]
        if not open_:
            return features
        principle = draft.rng.choices(open_, [weights[p] for p in open_])[0]
        rendered = feature(draft, principle, names[principle][len(features[principle])])
        if used + len(rendered.encode()) > budget:
            return features
        features[principle].append(rendered)
        used += len(rendered.encode())


def describe(index: int) -> str:
    """Description number ``index``: the same text for the same index, on every run."""
    rng = random.Random(f"{SEED}/{index}")
    target = rng.randint(8600, 11900)
    draft = new_draft(rng)
    top = head(draft, index) + partners(draft) + participants(draft)
    occasion = paragraphs(draft, OCCASION, rng.randint(2, 4))
    context = paragraphs(draft, CONTEXT, rng.randint(2, 4))
    outcome_text, outcome_ids = outcomes(draft)
    middle = outcome_text + processes(draft, outcome_ids)
    fixed = len((top + starting_points(occasion, context) + middle).encode()) + 400
    features = grow_features(draft, target - fixed)
    body = principles_text(draft, features)
    spare = [s for s in CONTEXT if fmt(draft, s) not in " ".join(context)]
    while True:
        text = top + starting_points(occasion, context) + middle + body
        if len(text.encode()) >= target - 120 or not spare:
            return text
        context[-1] += " " + fmt(draft, spare.pop(rng.randrange(len(spare))))


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------


@dataclass
class Corpus:
    """The generated files."""

    directory: Path
    files: list[Path]
    sizes: list[int]
    sha256: str
    seconds: float

    @property
    def total(self) -> int:
        return sum(self.sizes)


def prepare(directory: Path, pattern: re.Pattern[str]) -> None:
    """Make ``directory`` ready: create it, remove files of an earlier run (``pattern``), refuse
    other descriptions (``iwp check DIR`` would read them too)."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in directory.iterdir():
        if pattern.match(path.name):
            path.unlink()
        elif path.name.endswith(DESCRIPTION_SUFFIXES):
            sys.exit(f"ABORT: {directory} holds other descriptions ({path.name}); use an empty DIR")


def write_corpus(directory: Path, texts: Iterable[tuple[str, bytes]]) -> Corpus:
    """Write each ``(name, data)`` into ``directory``; the time includes making the texts."""
    start = time.perf_counter()
    digest = hashlib.sha256()
    files, sizes = [], []
    for name, data in texts:
        path = directory / name
        path.write_bytes(data)
        digest.update(data)
        files.append(path)
        sizes.append(len(data))
    return Corpus(directory, files, sizes, digest.hexdigest(), time.perf_counter() - start)


def generate(directory: Path, count: int) -> Corpus:
    texts = ((f"iwp-{index:04d}.yaml", describe(index).encode()) for index in range(count))
    return write_corpus(directory, texts)


def markdown_of(path: Path) -> str:
    """The description at ``path`` in the Markdown form, converted in-process (as
    ``iwp convert FILE --to md`` does); aborts if it cannot be converted."""
    loaded = load_text(path.read_bytes(), shown=str(path))
    try:
        return convert(loaded, MARKDOWN)
    except ConvertError:
        for finding in loaded.findings[:20]:
            print(
                f"  {finding.file}:{finding.line}: {finding.code} {finding.message}",
                file=sys.stderr,
            )
        sys.exit(f"ABORT: iwp cannot convert {path} to Markdown")


def convert_corpus(corpus: Corpus, directory: Path) -> Corpus:
    """The same descriptions in the Markdown form, ``iwp-NNNN.md`` in ``directory``."""
    texts = ((path.with_suffix(".md").name, markdown_of(path).encode()) for path in corpus.files)
    return write_corpus(directory, texts)


def markdown_directory(directory: Path) -> Path:
    """Where the Markdown corpus goes: next to the YAML corpus ``DIR``, as ``DIR-md``."""
    resolved = directory.resolve()
    return resolved.with_name(f"{resolved.name}-md")


@contextlib.contextmanager
def corpus_directories(keep: Path | None) -> Iterator[tuple[Path, Path]]:
    """The folders of the YAML corpus and of the Markdown one, ready to write into; kept if
    ``keep`` is given, else temporary."""
    with contextlib.ExitStack() as stack:
        if keep is None:
            temporary = stack.enter_context(tempfile.TemporaryDirectory(prefix="iwp-bench-"))
            keep = Path(temporary) / "corpus"
        markdown = markdown_directory(keep)
        prepare(keep, FILE_PATTERN)
        prepare(markdown, MARKDOWN_PATTERN)
        yield keep, markdown


# --------------------------------------------------------------------------------------------
# Running processes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One whole-process run."""

    seconds: float
    exit_code: int
    maxrss_kib: int


def spawn(argv: Sequence[str]) -> int:
    """Start ``argv`` with stdout to /dev/null; stderr stays ours, so failures show."""
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    return os.posix_spawn(argv[0], list(argv), os.environ, file_actions=actions)


def reap(pid: int, start: float) -> Run:
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    return Run(seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss)


def run(argv: Sequence[str]) -> Run:
    start = time.perf_counter()
    return reap(spawn(argv), start)


def capture(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(argv), capture_output=True, text=True, check=False)


# --------------------------------------------------------------------------------------------
# Memory of a process tree
# --------------------------------------------------------------------------------------------


def read_ppid(pid: int) -> int:
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return -1
    return int(stat[stat.rindex(b")") + 2 :].split()[1])


def read_rss(pid: int) -> int:
    try:
        statm = Path(f"/proc/{pid}/statm").read_bytes()
    except OSError:
        return 0
    return int(statm.split()[1]) * PAGE


class TreeSampler(threading.Thread):
    """Samples the RSS of a process and its descendants until stopped.

    Parents are read once per new pid (this kernel may lack ``/proc/PID/task/TID/children``),
    so a sample costs a directory listing plus one small read per process of the tree.
    """

    def __init__(self, root: int, interval: float = 0.005) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.stop = threading.Event()
        self.peak_sum = self.peak_single = self.samples = 0
        self.seen: set[int] = set()
        self._ppid: dict[int, int] = {}

    def tree(self) -> list[int]:
        with os.scandir("/proc") as entries:
            pids = {int(e.name) for e in entries if e.name.isdigit()}
        for gone in self._ppid.keys() - pids:
            del self._ppid[gone]
        for new in pids - self._ppid.keys():
            self._ppid[new] = read_ppid(new)
        members, frontier = [self.root], [self.root]
        while frontier:
            parents = set(frontier)
            frontier = [pid for pid, ppid in self._ppid.items() if ppid in parents]
            members.extend(frontier)
        return members

    def sample(self) -> None:
        members = self.tree()
        sizes = [read_rss(pid) for pid in members]
        self.seen.update(pid for pid, size in zip(members, sizes, strict=True) if size)
        self.peak_sum = max(self.peak_sum, sum(sizes))
        self.peak_single = max(self.peak_single, *sizes)
        self.samples += 1

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(self.interval)


@dataclass(frozen=True)
class Memory:
    tree_peak_mib: float
    largest_process_mib: float
    ru_maxrss_mib: float
    processes: int
    samples: int
    seconds: float


def measure_memory(argv: Sequence[str]) -> Memory:
    start = time.perf_counter()
    pid = spawn(argv)
    sampler = TreeSampler(pid)
    sampler.start()
    result = reap(pid, start)
    sampler.stop.set()
    sampler.join()
    return Memory(
        sampler.peak_sum / MIB,
        sampler.peak_single / MIB,
        result.maxrss_kib / 1024,
        len(sampler.seen),
        sampler.samples,
        result.seconds,
    )


# --------------------------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tools:
    iwp: str
    check_jsonschema: str
    python: str


def find_tools() -> Tools:
    tools = Tools(str(BIN / "iwp"), str(BIN / "check-jsonschema"), sys.executable)
    for path in (tools.iwp, tools.check_jsonschema):
        if not os.access(path, os.X_OK):
            sys.exit(f"ABORT: {path} not found; run with the venv's python: .venv/bin/python")
    return tools


def iwp_argv(tools: Tools, target: Path) -> list[str]:
    return [tools.iwp, "check", str(target), "--format", "concise"]


def cjs_argv(tools: Tools, corpus: Corpus) -> list[str]:
    return [tools.check_jsonschema, "--schemafile", str(SCHEMA), *map(str, corpus.files)]


def sample_of(files: Sequence[Path], size: int = 25) -> list[Path]:
    step = max(1, len(files) // size)
    return sorted({*files[::step], files[-1]})


def verify_sample(tools: Tools, corpus: Corpus) -> None:
    """Abort unless every file of a sample passes ``iwp check`` with no errors."""
    sample = sample_of(corpus.files)
    done = capture([tools.iwp, "check", *map(str, sample), "--format", "json"])
    try:
        report: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"ABORT: iwp check gave no JSON report:\n{done.stdout}{done.stderr}")
    summary = report["summary"]
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    if errors or summary["errors"] or summary["files"] != len(sample):
        for finding in errors[:20]:
            where = f"{finding['file']}:{finding['line']}"
            print(f"  {where}: {finding['code']} {finding['message']}", file=sys.stderr)
        sys.exit(f"ABORT: generated descriptions fail iwp check: {summary['text']}")
    print(f"verified: {len(sample)} sample files, {summary['text']}", file=sys.stderr)


def is_reading_or_shape(finding: dict[str, Any]) -> bool:
    """A finding of reading, shape or the Markdown form's structure (IWP0xx)."""
    return bool(re.fullmatch(r"IWP0\d\d", finding["code"]))


def verify_markdown(tools: Tools, markdown: Corpus) -> None:
    """Abort unless every converted file passes ``iwp check`` with no IWP0xx finding and no
    error: the conversion must give files that read back as they were written."""
    done = capture([tools.iwp, "check", str(markdown.directory), "--format", "json"])
    try:
        report: dict[str, Any] = json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"ABORT: iwp check gave no JSON report:\n{done.stdout}{done.stderr}")
    summary = report["summary"]
    bad = [f for f in report["findings"] if is_reading_or_shape(f) or f["severity"] == "error"]
    if bad or summary["errors"] or summary["files"] != len(markdown.files):
        for finding in bad[:20]:
            where = f"{finding['file']}:{finding['line']}"
            print(f"  {where}: {finding['code']} {finding['message']}", file=sys.stderr)
        sys.exit(
            f"ABORT: the Markdown corpus fails iwp check: {len(bad)} IWP0xx findings or errors "
            f"in {summary['files']} of {len(markdown.files)} files ({summary['text']})"
        )
    print(f"verified: all {summary['files']} Markdown files, {summary['text']}", file=sys.stderr)


def must_pass(tools: Tools, corpus: Corpus) -> None:
    """One untimed ``iwp check DIR`` run, which must exit 0."""
    iwp = run(iwp_argv(tools, corpus.directory))
    if iwp.exit_code != 0:
        sys.exit(
            f"ABORT: iwp check exited {iwp.exit_code} on {corpus.directory}: some description "
            f"has errors; see `{tools.iwp} check {corpus.directory}` (use --keep DIR)"
        )


def warm_up(tools: Tools, corpus: Corpus, markdown: Corpus) -> None:
    """One untimed run of each command; iwp must pass on every file of both corpora."""
    must_pass(tools, corpus)
    cjs = run(cjs_argv(tools, corpus))
    if cjs.exit_code != 0:
        print(
            f"WARNING: check-jsonschema exited {cjs.exit_code}: the schema rejects files that "
            "iwp accepts; its times are still reported",
            file=sys.stderr,
        )
    must_pass(tools, markdown)


@dataclass(frozen=True)
class Series:
    """Times of repeated runs, in seconds."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def min(self) -> float:
        return min(self.runs)


def interleave(commands: Sequence[Sequence[str]], repeat: int, label: str) -> list[Series]:
    """Run each command in turn, ``repeat`` rounds; one series of times per command."""
    times: list[list[float]] = [[] for _ in commands]
    for round_ in range(repeat):
        for argv, series in zip(commands, times, strict=True):
            series.append(run(argv).seconds)
        if label:
            shown = " / ".join(f"{series[-1]:.2f}" for series in times)
            print(f"  {label} round {round_ + 1}/{repeat}: {shown} s", file=sys.stderr)
    return [Series(series) for series in times]


@dataclass(frozen=True)
class Startup:
    version: Series
    python: Series
    single_file: Series


def measure_startup(tools: Tools, one_file: Path) -> Startup:
    version = [tools.iwp, "--version"]
    single = iwp_argv(tools, one_file)
    run(version)
    run(single)
    version_runs, python_runs = interleave([version, [tools.python, "-c", "pass"]], 20, "")
    (single_runs,) = interleave([single], 10, "")
    return Startup(version_runs, python_runs, single_runs)


@dataclass(frozen=True)
class Results:
    corpus: Corpus
    markdown: Corpus
    iwp: Series
    cjs: Series
    iwp_markdown: Series
    memory: Memory
    memory_markdown: Memory
    startup: Startup
    versions: dict[str, str]


def versions(tools: Tools) -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "iwp": capture([tools.iwp, "--version"]).stdout.strip(),
        "check-jsonschema": capture([tools.check_jsonschema, "--version"])
        .stdout.strip()
        .replace(", version", ""),
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
    }


def measure(tools: Tools, corpus: Corpus, markdown: Corpus, repeat: int) -> Results:
    info = versions(tools)
    verify_sample(tools, corpus)
    verify_markdown(tools, markdown)
    print("warming up both tools...", file=sys.stderr)
    warm_up(tools, corpus, markdown)
    commands = [
        iwp_argv(tools, corpus.directory),
        cjs_argv(tools, corpus),
        iwp_argv(tools, markdown.directory),
    ]
    iwp, cjs, iwp_markdown = interleave(commands, repeat, "iwp / check-jsonschema / iwp md")
    print("measuring memory of iwp check...", file=sys.stderr)
    memory = measure_memory(iwp_argv(tools, corpus.directory))
    memory_markdown = measure_memory(iwp_argv(tools, markdown.directory))
    print("timing start-up...", file=sys.stderr)
    startup = measure_startup(tools, corpus.files[0])
    return Results(corpus, markdown, iwp, cjs, iwp_markdown, memory, memory_markdown, startup, info)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    name: str
    value: float
    limit: float
    unit: str

    @property
    def met(self) -> bool:
        return self.value <= self.limit


def goals(results: Results) -> list[Goal]:
    startup = results.startup
    return [
        Goal(
            "iwp / check-jsonschema time", results.iwp.median / results.cjs.median, GOAL_RATIO, ""
        ),
        Goal("peak memory, process tree", results.memory.tree_peak_mib, GOAL_PEAK_MIB, " MiB"),
        Goal(
            "iwp --version / python -c pass",
            startup.version.median / startup.python.median,
            GOAL_VERSION_RATIO,
            "x",
        ),
        Goal(
            "iwp check time, Markdown / YAML",
            results.iwp_markdown.median / results.iwp.median,
            GOAL_MARKDOWN_RATIO,
            "",
        ),
        Goal(
            "iwp on Markdown / check-jsonschema on YAML",
            results.iwp_markdown.median / results.cjs.median,
            GOAL_MARKDOWN_CJS_RATIO,
            "",
        ),
        Goal(
            "peak memory, Markdown process tree",
            results.memory_markdown.tree_peak_mib,
            GOAL_PEAK_MIB,
            " MiB",
        ),
    ]


def corpus_figures(corpus: Corpus) -> dict[str, Any]:
    return {
        "files": len(corpus.files),
        "directory": str(corpus.directory),
        "bytes": corpus.total,
        "mb": corpus.total / 1e6,
        "smallest_kb": min(corpus.sizes) / 1e3,
        "largest_kb": max(corpus.sizes) / 1e3,
        "sha256": corpus.sha256,
        "generate_s": corpus.seconds,
    }


def series_figures(series: Series) -> dict[str, Any]:
    return {"median": series.median, "min": series.min, "runs": series.runs}


def figures(results: Results) -> dict[str, Any]:
    corpus, startup = results.corpus, results.startup
    iwp, cjs, markdown = results.iwp, results.cjs, results.iwp_markdown
    return {
        "environment": results.versions,
        "corpus": corpus_figures(corpus),
        # generate_s is the time to convert the YAML corpus and write the Markdown files.
        "markdown_corpus": corpus_figures(results.markdown),
        "iwp_check_s": series_figures(iwp),
        "iwp_files_per_s": len(corpus.files) / iwp.median,
        "check_jsonschema_s": series_figures(cjs),
        "iwp_check_markdown_s": series_figures(markdown),
        "iwp_markdown_files_per_s": len(results.markdown.files) / markdown.median,
        "ratio_iwp_to_check_jsonschema": iwp.median / cjs.median,
        "ratio_markdown_to_yaml": markdown.median / iwp.median,
        "ratio_markdown_to_check_jsonschema": markdown.median / cjs.median,
        "memory": asdict(results.memory),
        "memory_markdown": asdict(results.memory_markdown),
        "startup_ms": {
            "iwp_version": startup.version.median * 1e3,
            "python_pass": startup.python.median * 1e3,
            "ratio": startup.version.median / startup.python.median,
            "single_file_check": startup.single_file.median * 1e3,
        },
        "goals": [{**asdict(goal), "met": goal.met} for goal in goals(results)],
    }


def row(what: str, value: str, goal: str = "") -> str:
    return f"{what:<40} {value:>22}   {goal}".rstrip()


def verdict(goal: Goal) -> str:
    return f"<= {goal.limit:g}{goal.unit}  {'ok' if goal.met else 'MISSED'}"


def median_min(series: Series) -> str:
    return f"{series.median:.2f} / {series.min:.2f} s"


def memory_rows(memory: Memory, peak: Goal, form: str) -> list[str]:
    return [
        row(f"peak memory{form}, tree sum of RSS", f"{peak.value:.1f} MiB", verdict(peak)),
        row(f"peak memory{form}, largest process RSS", f"{memory.largest_process_mib:.1f} MiB"),
        row("  ru_maxrss (wait4), largest process", f"{memory.ru_maxrss_mib:.1f} MiB"),
    ]


def table(results: Results) -> list[str]:
    corpus, markdown, startup = results.corpus, results.markdown, results.startup
    iwp, cjs, iwp_md = results.iwp, results.cjs, results.iwp_markdown
    ratio, peak, start_ratio, md_ratio, md_cjs_ratio, md_peak = goals(results)
    return [
        row("files", f"{len(corpus.files)}"),
        row(
            "total size, YAML / Markdown",
            f"{corpus.total / 1e6:.2f} / {markdown.total / 1e6:.2f} MB",
        ),
        row("iwp check DIR, median / min", median_min(iwp)),
        row("  files per second (median)", f"{len(corpus.files) / iwp.median:.0f}"),
        row("iwp check DIR on Markdown, median / min", median_min(iwp_md)),
        row("  files per second (median)", f"{len(markdown.files) / iwp_md.median:.0f}"),
        row("check-jsonschema, median / min", median_min(cjs)),
        row("ratio iwp / check-jsonschema (medians)", f"{ratio.value:.3f}", verdict(ratio)),
        row("ratio Markdown / YAML (iwp medians)", f"{md_ratio.value:.3f}", verdict(md_ratio)),
        row(
            "ratio Markdown / check-jsonschema", f"{md_cjs_ratio.value:.3f}", verdict(md_cjs_ratio)
        ),
        *memory_rows(results.memory, peak, ""),
        *memory_rows(results.memory_markdown, md_peak, " (md)"),
        row("iwp --version, median", f"{startup.version.median * 1e3:.0f} ms"),
        row("python -c pass, median", f"{startup.python.median * 1e3:.0f} ms"),
        row("ratio --version / python -c pass", f"{start_ratio.value:.1f}x", verdict(start_ratio)),
        row("iwp check FILE (one file), median", f"{startup.single_file.median * 1e3:.0f} ms"),
    ]


def sizes_of(corpus: Corpus) -> str:
    return f"{min(corpus.sizes) / 1e3:.1f}-{max(corpus.sizes) / 1e3:.1f} KB each"


def sampling(memory: Memory) -> str:
    interval = memory.seconds / max(1, memory.samples) * 1e3
    return (
        f"{memory.processes} processes in its tree, sampled {memory.samples} times "
        f"(every {interval:.1f} ms on average)"
    )


def print_report(results: Results, repeat: int) -> None:
    corpus, markdown, info = results.corpus, results.markdown, results.versions
    print(f"iwp check benchmark: {info['iwp']}, {info['check-jsonschema']}")
    print(f"python {info['python']}, {info['cpus']} CPUs, {info['platform']}")
    print(f"corpus: {len(corpus.files)} files, {sizes_of(corpus)}, sha256 {corpus.sha256[:16]}")
    print(f"        generated in {corpus.seconds:.1f} s into {corpus.directory}")
    print(
        f"    md: {len(markdown.files)} files, {sizes_of(markdown)}, sha256 {markdown.sha256[:16]}"
    )
    print(f"        converted in {markdown.seconds:.1f} s into {markdown.directory}")
    print(
        f"timing: {repeat} rounds, iwp, check-jsonschema and iwp on Markdown interleaved, "
        "after a warm-up run"
    )
    print("memory: 1 more iwp run on each corpus, sampled")
    print(f"  YAML: {sampling(results.memory)}")
    print(f"    md: {sampling(results.memory_markdown)}")
    print()
    print(row("measure", "value", "goal"))
    print("-" * 78)
    print("\n".join(table(results)))
    missed = [goal for goal in goals(results) if not goal.met]
    if missed:
        print()
    for goal in missed:
        value, limit = f"{goal.value:.3g}{goal.unit}", f"{goal.limit:g}{goal.unit}"
        print(f"GOAL MISSED: {goal.name} is {value}, goal <= {limit}")


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--files", type=positive, default=1000, help="descriptions (1000)")
    parser.add_argument("--repeat", type=positive, default=3, help="timed rounds (3)")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="write the corpus to DIR and its Markdown form to DIR-md, and keep them",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    tools = find_tools()
    with corpus_directories(args.keep) as (directory, markdown_dir):
        print(f"generating {args.files} descriptions...", file=sys.stderr)
        corpus = generate(directory, args.files)
        print("converting them to Markdown...", file=sys.stderr)
        markdown = convert_corpus(corpus, markdown_dir)
        results = measure(tools, corpus, markdown, args.repeat)
    if args.json:
        print(json.dumps(figures(results), indent=2))
    else:
        print_report(results, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
