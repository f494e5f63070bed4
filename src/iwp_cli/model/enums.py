"""The enumerations of format version 1, with the handbook's terms they stand for."""

from __future__ import annotations

import enum


class Language(str, enum.Enum):
    """Language of a description's text: Dutch (nl) or English (en)."""

    NL = "nl"
    EN = "en"


class PartnerType(str, enum.Enum):
    """Kind of partner organisation."""

    MBO = "mbo"
    HBO = "hbo"
    WO = "wo"
    COMPANY = "company"
    GOVERNMENT = "government"
    CIVIL_SOCIETY = "civil-society"
    OTHER = "other"


class Level(str, enum.Enum):
    """Junior (J: students) or senior (S: teachers, advisers, professionals)."""

    JUNIOR = "junior"
    SENIOR = "senior"


class ProductKind(str, enum.Enum):
    """(Kennis)producten: kennis/onderzoeksresultaten, advies, ontwerp/prototype,
    procedures/richtlijnen, product."""

    RESEARCH = "research"
    ADVICE = "advice"
    DESIGN = "design"
    PROCEDURE = "procedure"
    PRODUCT = "product"


class DevelopmentKind(str, enum.Enum):
    """Ontwikkeling van individu, team, organisatie of netwerk."""

    INDIVIDUAL = "individual"
    TEAM = "team"
    ORGANISATION = "organisation"
    NETWORK = "network"


class SustainabilityKind(str, enum.Enum):
    """Verduurzaming: bijdrage aan innovatie, transitie, duurzaam leren."""

    INNOVATION = "innovation"
    TRANSITION = "transition"
    SUSTAINABLE_LEARNING = "sustainable-learning"


class ProcessKind(str, enum.Enum):
    """Kennisproductie: kennis verwerven/onderzoeken, kennis toepassen, nieuwe combinaties zoeken,
    kennis co-creatie, sociaal kapitaal opbouwen, reflectie/zelfsturing."""

    ACQUIRE = "acquire"
    APPLY = "apply"
    COMBINE = "combine"
    CO_CREATE = "co-create"
    SOCIAL_CAPITAL = "social-capital"
    REFLECT = "reflect"


class Aspect(str, enum.Enum):
    """Where in the Vormgeving a feature lives: kenmerken deelnemers, or the inrichting
    (cultuur, didactiek, organisatie, fysieke en virtuele omgeving)."""

    PARTICIPANTS = "participants"
    CULTURE = "culture"
    DIDACTICS = "didactics"
    ORGANISATION = "organisation"
    ENVIRONMENT = "environment"


class Status(str, enum.Enum):
    """An open point: "nog verbeteren" (to-improve) or "geen consensus" (no-consensus)."""

    TO_IMPROVE = "to-improve"
    NO_CONSENSUS = "no-consensus"
