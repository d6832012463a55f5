"""Rule-based sentence starts and pronoun resolution, on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from veille.pipeline import Pipeline
from veille.records import Article

pytestmark = pytest.mark.model


def _doc(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    nlp = pipeline.nlp
    doc = nlp.make_doc(text)
    doc._.veille_article = Article(id="c" * 16, text=text, path="t", date="2025-02")
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def test_a_sentence_initial_name_stays_with_its_verb_and_a_quote_with_its_incise(pipeline: Pipeline) -> None:
    text = "Pékin a salué la décision. « Nous ne céderons pas. Jamais. », a déclaré M. Lai.\n\nSéoul attend."
    sentences = [s.text.strip() for s in _doc(pipeline, text).sents]
    assert sentences == [
        "Pékin a salué la décision.",
        "« Nous ne céderons pas. Jamais. », a déclaré M. Lai.",
        "Séoul attend.",
    ]


def test_il_and_the_incise_pronoun_refer_to_the_person_named_before(pipeline: Pipeline) -> None:
    text = (
        "Le chancelier Olaf Scholz est arrivé à Varsovie. Il a rencontré les dirigeants polonais. "
        "« Nous restons unis », a-t-il déclaré. Il y a deux ans, la situation était différente."
    )
    doc = _doc(pipeline, text)
    scholz = next(e for e in doc._.veille_entities if e.id == "olaf-scholz")
    pronouns = [m for m in scholz.mentions if m.kind == "pronoun"]
    assert [m.text.lstrip("-") for m in pronouns] == ["Il", "il"]
    assert all(text[m.start : m.end] == m.text for m in pronouns)
    impersonal = text.index("Il y a")
    assert all(m.start != impersonal for m in pronouns)


def test_le_pays_continues_the_country_last_named_as_a_subject(pipeline: Pipeline) -> None:
    text = (
        "Le Kenya a signé un accord avec l'Ethiopie. Le pays espère attirer des investisseurs. "
        "Des experts sont venus de Somalie. Ce pays connaît une sécheresse."
    )
    doc = _doc(pipeline, text)
    by_id = {e.id: e for e in doc._.veille_entities}
    assert [m.text for m in by_id["KEN"].mentions if m.kind == "pronoun"] == ["pays"]  # the subject
    assert [m.text for m in by_id["SOM"].mentions if m.kind == "pronoun"] == ["pays"]  # the only one near


def test_a_subject_pronoun_continues_its_sentence_subject_a_country_of_its_gender(pipeline: Pipeline) -> None:
    text = (
        "Le président Macron est arrivé à Dakar. Le Niger a quitté la Cedeao, dont il dénonçait les"
        " sanctions. La France a annoncé qu'il rentrerait lundi."
    )
    doc = _doc(pipeline, text)
    pronouns = {e.id: [m.start for m in e.mentions if m.kind == "pronoun"] for e in doc._.veille_entities}
    first, second = (match.start() for match in re.finditer(r"\bil\b", text))
    assert pronouns.get("NER") == [first]  # "le Niger … il": the country
    assert second in pronouns.get("emmanuel-macron", [])  # "la France … il": not her, him
    # A capital standing for its country, named without article, takes "il".
    text = "Donald Trump a salué l'accord. Téhéran a salué la paix mais a prévenu qu'il ne céderait rien."
    doc = _doc(pipeline, text)
    pronouns = {e.id: [m.start for m in e.mentions if m.kind == "pronoun"] for e in doc._.veille_entities}
    assert text.index("il ne céderait") in {start for starts in pronouns.values() for start in starts}
    assert text.index("il ne céderait") not in pronouns.get("donald-trump", [])


def test_a_possessive_belongs_to_its_clauses_country_subject(pipeline: Pipeline) -> None:
    text = "Le chancelier Olaf Scholz a parlé à Berlin. La Russie poursuivra son offensive."
    doc = _doc(pipeline, text)
    owners = {m.text: e.id for e in doc._.veille_entities for m in e.mentions if m.kind == "pronoun"}
    assert owners["son"] == "RUS"  # not the person named last
