"""Role phrases resolved through the knowledge base and the document date."""

from __future__ import annotations

import pytest

from veille.pipeline import Pipeline
from veille.records import Article, Entity
from veille.roles import load_lexicon

pytestmark = pytest.mark.model

TEXT = (
    "Le président russe a rencontré mercredi son homologue kazakh à Astana. "
    "Le chef du Kremlin a salué le chef de la diplomatie turque, puis le secrétaire général de l'Otan. "
    "Le Premier ministre du Japon est venu. Le président a parlé."
)


def _roles(pipeline: Pipeline, text: str, date: str) -> dict[str, list[str]]:
    (result,) = pipeline.process_batch([Article(id="2" * 16, text=text, path="t", date=date)])
    entities: tuple[Entity, ...] = result.entities
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    return {
        e.id: [m.text for m in e.mentions if m.kind == "role"]
        for e in entities
        if any(m.kind == "role" for m in e.mentions)
    }


def test_role_phrases_name_the_office_holder_of_the_document_date(pipeline: Pipeline) -> None:
    # "Le président" alone is the last head of state named before it.
    assert _roles(pipeline, TEXT, "2024-11") == {
        "vladimir-putin": ["président russe", "chef du Kremlin", "président"],
        "kassym-jomart-tokayev": ["homologue kazakh"],
        "hakan-fidan": ["chef de la diplomatie turque"],
        "mark-rutte": ["secrétaire général de l'Otan"],
        "shigeru-ishiba": ["Premier ministre du Japon"],
    }


def test_the_same_phrases_name_other_people_at_another_date(pipeline: Pipeline) -> None:
    roles = _roles(pipeline, TEXT, "2010-06")
    assert roles["dmitry-medvedev"] == ["président russe", "chef du Kremlin", "président"]
    assert roles["nursultan-nazarbayev"] == ["homologue kazakh"]
    assert roles["ahmet-davutoglu"] == ["chef de la diplomatie turque"]
    assert roles["anders-fogh-rasmussen"] == ["secrétaire général de l'Otan"]


def test_without_a_date_or_a_country_nothing_is_guessed(pipeline: Pipeline) -> None:
    assert _roles(pipeline, TEXT, None) == {}  # type: ignore[arg-type]
    assert _roles(pipeline, "Le président a parlé hier.", "2024-11") == {}
    # An office of something the text does not name as an actor is nobody's we know.
    assert _roles(pipeline, "La Turquie vote. Le président du parti a parlé.", "2024-11") == {}


def test_an_office_named_alone_is_held_in_the_country_the_article_is_about(pipeline: Pipeline) -> None:
    text = (
        "L'Arménie a signé un accord avec l'Azerbaïdjan. Erevan a rouvert sa frontière."
        " Le chef du gouvernement a salué un pas historique."
    )
    assert _roles(pipeline, text, "2024-11") == {"nikol-pashinyan": ["chef du gouvernement"]}
    # A counterpart is someone else: "ses homologues arabes" is not the Turkish minister himself.
    other = "Le chef de la diplomatie turque ira au Caire pour des consultations avec ses homologues arabes."
    assert _roles(pipeline, other, "2024-11") == {"hakan-fidan": ["chef de la diplomatie turque"]}
    # "de" opening an infinitive after the phrase is not whose office it is.
    accused = (
        "La Géorgie a voté samedi. Le parti au pouvoir a été accusé par la cheffe de l'Etat "
        "d'avoir truqué le scrutin."
    )
    assert _roles(pipeline, accused, "2024-11") == {"salome-zourabichvili": ["cheffe de l'Etat"]}


def test_the_lexicon_is_data() -> None:
    lexicon = load_lexicon("fr")
    assert lexicon[("chef", "de", "la", "diplomatie")] == "foreign_minister"
    assert lexicon[("chef", "de", "l'", "etat")] == "head_of_state"
    assert len(lexicon) >= 30


def test_a_name_in_apposition_wins_over_the_knowledge_base(pipeline: Pipeline) -> None:
    text = "Le ministre russe Sergueï Lavrov a parlé. Son homologue chinois, Zhang Xiaoming, a répondu."
    roles = _roles(pipeline, text, "2024-11")
    assert "wang-yi" not in roles
