"""The entity component: recognition repaired with the knowledge base, mentions resolved, linking."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from veille.entities import EntityRecognizer, entity_id, home_country
from veille.kb import KnowledgeBase, entity_from_record
from veille.pipeline import Pipeline
from veille.records import Article, Entity, Mention

KB_ROWS = [
    {
        "id": "KAZ",
        "type": "country",
        "name": "Kazakhstan",
        "country": "KAZ",
        "capital": "astana",
        "names": {"fr": ["Kazakhstan"]},
        "adjectives": {"fr": ["kazakh", "kazakhe"]},
    },
    {"id": "astana", "type": "location", "name": "Astana", "country": "KAZ", "names": {"fr": ["Astana"]}},
    {
        "id": "tokayev",
        "type": "person",
        "name": "Kassym-Jomart Tokayev",
        "country": "KAZ",
        "names": {"fr": ["Kassym-Jomart Tokaïev", "Tokaïev"]},
        "roles": [{"role": "head_of_state", "country": "KAZ", "start": "2019-03-20", "end": None}],
    },
    {
        "id": "kim-a",
        "type": "person",
        "name": "Kim Jong-il",
        "country": "PRK",
        "names": {"fr": ["Kim"]},
        "roles": [{"role": "head_of_state", "country": "PRK", "start": "1994", "end": "2011-12-17"}],
    },
    {
        "id": "kim-b",
        "type": "person",
        "name": "Kim Jong-un",
        "country": "PRK",
        "names": {"fr": ["Kim"]},
        "roles": [{"role": "head_of_state", "country": "PRK", "start": "2011-12-17", "end": None}],
    },
    {
        "id": "ana-ruiz-costa",
        "type": "person",
        "name": "Ana Ruiz Costa",
        "country": "BOL",
        "names": {"fr": ["Ana Ruiz Costa"]},
    },
]


def _recognizer() -> EntityRecognizer:
    kb = KnowledgeBase(entity_from_record(r) for r in KB_ROWS)
    return EntityRecognizer({"PER": "person", "ORG": "organization", "LOC": "location"}, kb)


def _run(
    text: str,
    ents: list[tuple[str, str]],
    date: str | None = "2024-11",
    proper: tuple[str, ...] = (),
    auto_proper: bool = True,
) -> tuple[Entity, ...]:
    """Run the component on a blank pipeline's doc with hand-set NER spans and proper nouns."""
    nlp = spacy.blank("fr")
    doc = nlp.make_doc(text)
    for token in doc:
        token.pos_ = "PROPN" if token.text in proper else "NOUN"
    spans, cursor = [], 0
    for surface, label in ents:  # in text order
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        span = doc.char_span(start, cursor, label=label)
        assert span is not None, surface
        spans.append(span)
        for token in span:  # the statistical model tags the words of names as proper nouns
            if auto_proper and token.text[:1].isupper() and token.text not in ("M.", "Mme"):
                token.pos_ = "PROPN"
    doc.ents = spans
    doc._.veille_article = Article(id="0" * 16, text=text, path="t", date=date, date_precision="month")
    result: Doc = _recognizer()(doc)
    return tuple(result._.veille_entities)


def _by_id(entities: tuple[Entity, ...]) -> dict[str, list[tuple[str, str]]]:
    return {e.id: [(m.text, m.kind) for m in e.mentions] for e in entities}


def test_the_knowledge_base_repairs_the_type_and_links_the_name() -> None:
    text = "Ce jour-là, Kassym-Jomart Tokaïev a reçu des visiteurs. Puis Tokaïev est parti."
    entities = _run(text, [("Kassym-Jomart Tokaïev", "LOC")])
    (tokayev,) = entities
    assert (tokayev.id, tokayev.type, tokayev.country, tokayev.cameo) == (
        "tokayev",
        "person",
        "KAZ",
        "KAZGOV",
    )
    assert [(m.text, m.kind) for m in tokayev.mentions] == [
        ("Kassym-Jomart Tokaïev", "name"),
        ("Tokaïev", "partial"),
    ]
    for mention in tokayev.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_a_surname_shared_by_two_people_goes_to_the_one_in_office() -> None:
    assert _by_id(_run("Hier, Kim a parlé.", [], date="2024-11")) == {"kim-b": [("Kim", "partial")]}
    assert _by_id(_run("Hier, Kim a parlé.", [], date="2005-03")) == {"kim-a": [("Kim", "partial")]}


def test_unknown_people_keep_stable_ids_and_partial_names_join_them() -> None:
    text = "Hier, M. Kovacs a salué Pierre Kovacs. Puis Kovacs est parti avec Mme Lina Berg."
    ents = [("M. Kovacs", "PER"), ("Pierre Kovacs", "PER"), ("Kovacs", "PER"), ("Mme Lina Berg", "PER")]
    found = _by_id(_run(text, ents))
    assert found == {
        "per:pierre-kovacs": [("Kovacs", "partial"), ("Pierre Kovacs", "name"), ("Kovacs", "partial")],
        "per:lina-berg": [("Lina Berg", "partial")],
    }
    assert entity_id("Kassym-Jomart Tokaïev", "person") == "per:kassym-jomart-tokaiev"


def test_a_two_word_surname_joins_the_known_full_name_found_earlier() -> None:
    # The knowledge base lists only the full name; the statistical model finds the surname.
    text = "Hier, Ana Ruiz Costa est arrivée. Puis Mme Ruiz Costa a parlé."
    found = _run(text, [("Ana Ruiz Costa", "PER"), ("Mme Ruiz Costa", "PER")])
    assert [(e.id, e.country, [m.text for m in e.mentions]) for e in found] == [
        ("ana-ruiz-costa", "BOL", ["Ana Ruiz Costa", "Ruiz Costa"])
    ]


def test_quotations_articles_calendar_words_and_common_nouns_are_not_entities() -> None:
    text = "« Nous resterons unis », a dit l'Etat Major. Les Nations Vertes et Vendredi et Premier Ministre."
    ents = [
        ("« Nous resterons unis »", "PER"),
        ("Etat Major", "ORG"),
        ("Les Nations Vertes", "ORG"),
        ("Vendredi", "LOC"),
        ("Premier Ministre", "PER"),
    ]
    found = _by_id(_run(text, ents, proper=("Nations", "Vertes"), auto_proper=False))
    assert found == {"org:nations-vertes": [("Nations Vertes", "name")]}


@pytest.mark.model
def test_capitals_used_as_actors_stand_for_their_country(pipeline: Pipeline) -> None:
    text = (
        "Le ministre kazakh est arrivé à Astana mardi. Astana a dénoncé mercredi les sanctions, "
        "selon l'entreprise kazakhe Zorbek Energia. Le pays aide Moscou, ce qu'Astana dément."
    )
    (result,) = pipeline.process_batch([Article(id="1" * 16, text=text, path="t", date="2024-11")])
    found = {e.id: e for e in result.entities}
    assert [(m.text, m.kind) for m in found["astana"].mentions] == [("Astana", "name")]
    metonyms = [(m.text, m.kind) for m in found["KAZ"].mentions if m.kind != "pronoun"]  # "Le pays" is one
    assert metonyms == [("Astana", "metonym"), ("Astana", "metonym")]
    unknown = [e for e in result.entities if e.id.startswith("org:")]
    assert [(e.name, e.country) for e in unknown] == [("Zorbek Energia", "KAZ")]


@pytest.mark.model
def test_an_unknown_person_takes_the_country_of_their_office(pipeline: Pipeline) -> None:
    text = (
        "Le porte-parole du Kremlin, Arkadi Zelenov, a démenti."
        " Un conseiller de l'Elysée, Paul Demaret, a répondu."
    )
    (result,) = pipeline.process_batch([Article(id="4" * 16, text=text, path="t", date="2024-11")])
    unknown = {e.name: e.country for e in result.entities if e.id.startswith("per:")}
    assert unknown == {"Arkadi Zelenov": "RUS", "Paul Demaret": "FRA"}


@pytest.mark.model
def test_a_nationality_word_before_an_unknown_name_gives_its_country(pipeline: Pipeline) -> None:
    # However the parser hangs the pair, each name takes the word just before it, not the other's.
    text = "Le texte a été signé par la Kazakhe Dinara Abenova et le Russe Piotr Lomakine, hier."
    (result,) = pipeline.process_batch([Article(id="5" * 16, text=text, path="t", date="2024-11")])
    unknown = {e.name: e.country for e in result.entities if e.id.startswith("per:")}
    assert unknown == {"Dinara Abenova": "KAZ", "Piotr Lomakine": "RUS"}


@pytest.mark.model
def test_spellings_across_languages_link_to_one_id(pipeline: Pipeline) -> None:
    text = "Poutine a reçu Vladimir Putin, que la presse russe appelle Путин, et l'OTSC a répondu à la CSTO."
    (result,) = pipeline.process_batch([Article(id="3" * 16, text=text, path="t", date="2024-11")])
    found = {e.id: sorted({m.text for m in e.mentions}) for e in result.entities}
    assert found["vladimir-putin"] == ["Poutine", "Vladimir Putin", "Путин"]
    assert found["csto"] == ["CSTO", "OTSC"]


def test_the_home_country_counts_its_people_and_cities_not_only_its_name() -> None:
    def entity(id_: str, type_: str, country: str | None, *starts: int) -> Entity:
        mentions = tuple(Mention(s, s + 3, "xxx", "name") for s in starts)
        return Entity(id=id_, name=id_, type=type_, mentions=mentions, country=country)  # type: ignore[arg-type]

    entities = [
        entity("USA", "country", "USA", 0, 40),
        entity("VEN", "country", "VEN", 20),
        entity("caracas", "location", "VEN", 60, 90),
        entity("nicolas-maduro", "person", "VEN", 120),
        entity("BRA", "country", "BRA", 150),
    ]
    assert home_country(entities) == "VEN"  # named once, but its capital and president too
    assert home_country(entities[:2] + entities[4:]) == "USA"
    assert home_country([entity("USA", "country", "USA", 30), entity("BRA", "country", "BRA", 10)]) == "BRA"
