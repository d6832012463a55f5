"""Quotations and their speakers, on sentences written for these tests."""

from __future__ import annotations

import pytest

from veille.pipeline import Pipeline
from veille.quotes import load_cues
from veille.records import Article, Quote

pytestmark = pytest.mark.model


def _quotes(pipeline: Pipeline, text: str) -> list[Quote]:
    doc = pipeline.nlp(_with_article(pipeline, text))
    return list(doc._.veille_quotes)


def _with_article(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    doc = pipeline.nlp.make_doc(text)
    doc._.veille_article = Article(id="q" * 16, text=text, path="t", date="2025-03")
    return doc


def _found(quotes: list[Quote]) -> list[tuple[str, str | None, bool]]:
    return [(q.text, q.speaker, q.direct) for q in quotes]


def test_the_reporting_lexicon_has_at_least_two_hundred_verbs() -> None:
    cues = load_cues("fr")
    assert len(cues.verbs) >= 200
    assert {"déclarer", "estimer", "assurer", "entendre"} <= set(cues.verbs)
    assert cues.verbs["entendre"] == frozenset({"laisser"})
    assert "selon" in cues.sources


def test_a_quotation_followed_by_its_incise_is_said_by_the_incise_subject(pipeline: Pipeline) -> None:
    text = (
        "Le chancelier Olaf Scholz est arrivé à Varsovie mardi. "
        "« Nous resterons aux côtés de nos voisins », a déclaré Olaf Scholz devant la presse."
    )
    assert _found(_quotes(pipeline, text)) == [
        ("Nous resterons aux côtés de nos voisins", "olaf-scholz", True)
    ]


def test_a_split_quotation_is_two_quotations_with_the_pronoun_resolved(pipeline: Pipeline) -> None:
    text = (
        "La ministre Annalena Baerbock a rencontré ses homologues à Berlin. "
        "« Cette aide ne sera pas un geste isolé, a-t-elle insisté, mais un engagement durable. »"
    )
    quotes = _quotes(pipeline, text)
    assert [q.text for q in quotes] == [
        "Cette aide ne sera pas un geste isolé",
        "mais un engagement durable.",
    ]
    assert {q.speaker for q in quotes} == {"annalena-baerbock"}


def test_indirect_speech_is_each_que_clause_of_a_reporting_verb(pipeline: Pipeline) -> None:
    text = (
        "Le président Emmanuel Macron a estimé que la coopération avançait "
        "et qu'un accord serait signé avant l'été."
    )
    found = _found(_quotes(pipeline, text))
    assert ("la coopération avançait", "emmanuel-macron", False) in found
    assert ("un accord serait signé avant l'été", "emmanuel-macron", False) in found


def test_a_partial_quotation_inside_indirect_speech_is_the_reporting_subject_s(pipeline: Pipeline) -> None:
    text = "Emmanuel Macron a assuré que les négociations restaient « sur la bonne voie »."
    found = _found(_quotes(pipeline, text))
    assert ("sur la bonne voie", "emmanuel-macron", True) in found


def test_a_partial_quotation_is_said_by_the_subject_of_its_verb(pipeline: Pipeline) -> None:
    text = "Recep Tayyip Erdogan a salué un « partenariat exemplaire » avec Bakou."
    assert _found(_quotes(pipeline, text)) == [("partenariat exemplaire", "recep-tayyip-erdogan", True)]


def test_a_quotation_standing_alone_continues_the_previous_speaker(pipeline: Pipeline) -> None:
    text = (
        "« Le dialogue reste ouvert », a affirmé Olaf Scholz mercredi.\n\n"
        "« Nous attendons maintenant des gestes concrets. »"
    )
    speakers = [q.speaker for q in _quotes(pipeline, text)]
    assert speakers == ["olaf-scholz", "olaf-scholz"]


def test_a_heading_and_a_quoted_name_are_nobody_s_statement(pipeline: Pipeline) -> None:
    text = (
        "Emmanuel Macron est arrivé à Rabat.\n\n"
        "« Une nouvelle étape »\n\n"
        "L'opération « Horizon bleu » a commencé lundi dans le port."
    )
    assert _quotes(pipeline, text) == []


def test_straight_single_quotes_are_told_from_elisions(pipeline: Pipeline) -> None:
    text = "Olaf Scholz a affirmé qu''il n'y aurait pas de retour en arrière'."
    found = _found(_quotes(pipeline, text))
    assert ("il n'y aurait pas de retour en arrière", "olaf-scholz", True) in found


def test_selon_attributes_its_sentence(pipeline: Pipeline) -> None:
    text = "Selon Olaf Scholz, les livraisons reprendront en avril."
    assert _found(_quotes(pipeline, text)) == [("les livraisons reprendront en avril", "olaf-scholz", False)]


def test_an_inverted_cue_makes_the_clause_before_it_indirect_speech(pipeline: Pipeline) -> None:
    text = "Les discussions progressent lentement, assure Emmanuel Macron."
    assert _found(_quotes(pipeline, text)) == [
        ("Les discussions progressent lentement", "emmanuel-macron", False)
    ]


def test_a_name_in_apposition_to_an_office_is_the_speaker_not_the_office_s_country(
    pipeline: Pipeline,
) -> None:
    text = (
        "Emmanuel Macron a reçu la délégation allemande. « Nous tiendrons nos engagements, a déclaré "
        "le chancelier allemand, Olaf Scholz, et nous le ferons ensemble. »"
    )
    quotes = _quotes(pipeline, text)
    assert [q.text for q in quotes] == ["Nous tiendrons nos engagements", "et nous le ferons ensemble."]
    assert {q.speaker for q in quotes} == {"olaf-scholz"}


def test_an_office_described_by_nationality_is_the_person_of_that_country_named_before(
    pipeline: Pipeline,
) -> None:
    text = (
        "Olaf Scholz et Emmanuel Macron se sont rencontrés à Berlin. "
        "Le chancelier allemand a estimé que l'accord était proche. "
        "Il a ensuite assuré que rien n'était signé."
    )
    found = _found(_quotes(pipeline, text))
    assert ("l'accord était proche", "olaf-scholz", False) in found
    assert ("rien n'était signé", "olaf-scholz", False) in found


def test_a_gerund_cue_inside_reported_speech_is_the_reporter_s(pipeline: Pipeline) -> None:
    text = (
        "En mai, Olaf Scholz avait estimé que la Chine était 'économiquement incontournable' "
        "tout en assurant qu''en Allemagne, la prudence reste de mise'."
    )
    found = _found(_quotes(pipeline, text))
    assert ("la Chine était 'économiquement incontournable", "olaf-scholz", False) in found
    assert ("en Allemagne, la prudence reste de mise", "olaf-scholz", True) in found
    assert all(speaker == "olaf-scholz" for _, speaker, _ in found)


@pytest.mark.model
def test_a_word_judged_in_a_passive_is_said_by_its_agent(pipeline: Pipeline) -> None:
    # The parser hangs "par le président…" from the main verb, not from "qualifiée".
    text = (
        "Les Vingt-Sept ont adopté jeudi un nouveau paquet de sanctions, une décision qualifiée"
        " d'« historique » par le président français, Emmanuel Macron."
    )
    assert _found(_quotes(pipeline, text)) == [("historique", "emmanuel-macron", True)]


def test_an_unnamed_person_says_an_incise_for_no_one(pipeline: Pipeline) -> None:
    text = "La Pologne a obtenu un délai supplémentaire, a indiqué un diplomate européen."
    assert _found(_quotes(pipeline, text)) == [("La Pologne a obtenu un délai supplémentaire", None, False)]
