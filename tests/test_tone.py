"""Document and sentence tone from the French news lexicon (veille_tone)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from veille.pipeline import Pipeline
from veille.records import Article, Tone
from veille.tone import (
    NEUTRAL_BAND,
    NEUTRAL_POINT,
    ToneScorer,
    default_lexicon,
    lexicon_from_rows,
    sign,
    tone_of,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("fr")  # no lemmas: words are found by their own form
    nlp.add_pipe("sentencizer")
    return nlp


def _tone(nlp: Language, text: str) -> Tone:
    return tone_of(nlp(text), ToneScorer(default_lexicon()))


def test_the_lexicon_reads_words_negators_reversers_and_intensifiers() -> None:
    lexicon = lexicon_from_rows(
        [
            ("word", "paix", "2"),
            ("word", "crise", "-2"),
            ("negator", "pas"),
            ("reverser", "fin"),
            ("intensifier", "très", "1.5"),
        ]
    )
    assert lexicon.words == {"paix": 2.0, "crise": -2.0}
    assert lexicon.negators == {"pas"} and lexicon.reversers == {"fin"}
    assert lexicon.intensifiers == {"très": 1.5}
    with pytest.raises(ValueError, match="unknown kind 'mot'"):
        lexicon_from_rows([("mot", "paix", "2")])
    shipped = default_lexicon()
    assert len(shipped.words) > 300
    assert shipped.words["guerre"] < 0 < shipped.words["coopération"]


def test_scores_are_percentages_of_the_content_words(nlp: Language) -> None:
    # Content words: guerre, crise, vallée (stop words and punctuation are not counted).
    tone = _tone(nlp, "La guerre et la crise dans la vallée.")
    assert tone.words == 3
    assert tone.negative == pytest.approx(200 / 3, abs=1e-3)  # two strong words, each a whole word
    assert tone.positive == 0.0
    assert tone.score == pytest.approx(-tone.negative)
    assert tone.polarity == pytest.approx(tone.positive + tone.negative)
    empty = _tone(nlp, "Et, de la.")
    assert (empty.score, empty.words, empty.sentences) == (0.0, 0, ())


def test_each_sentence_gets_its_own_tone_with_its_offsets(nlp: Language) -> None:
    text = "Le combat a repris dans la vallée. Les deux camps ont signé un accord de coopération."
    tone = _tone(nlp, text)
    first, second = tone.sentences
    assert text[first.start : first.end] == "Le combat a repris dans la vallée."
    assert first.score < 0 < second.score
    assert first.words + second.words == tone.words


def test_a_negator_or_a_reverser_turns_the_word_it_governs(nlp: Language) -> None:
    assert _tone(nlp, "Il y a la paix.").score > 0
    assert _tone(nlp, "Il n'y a pas de paix.").score < 0
    assert _tone(nlp, "Une transition sans violence.").score > 0
    assert _tone(nlp, "Un embargo.").score < 0
    assert _tone(nlp, "La levée de l'embargo.").score > 0
    # A negated word counts for half: "pas de paix" weighs less than "guerre".
    assert _tone(nlp, "Pas de paix ici.").negative < _tone(nlp, "Guerre ici.").negative


def test_an_intensifier_scales_the_next_word(nlp: Language) -> None:
    plain = _tone(nlp, "Une situation difficile.")
    strong = _tone(nlp, "Une situation très difficile.")
    weak = _tone(nlp, "Une situation plutôt difficile.")
    assert strong.negative == pytest.approx(1.5 * plain.negative)
    assert weak.negative == pytest.approx(0.5 * plain.negative)


def test_the_sign_has_a_neutral_band_around_the_news_baseline() -> None:
    assert sign(NEUTRAL_POINT) == "neutral"
    assert sign(NEUTRAL_POINT + NEUTRAL_BAND + 0.01) == "positive"
    assert sign(NEUTRAL_POINT - NEUTRAL_BAND - 0.01) == "negative"
    assert sign(0.0, point=0.0) == "neutral" and sign(1.0, point=0.0, band=0.5) == "positive"


@pytest.mark.model
def test_the_pipeline_gives_tone_on_lemmas_with_sentences(pipeline: Pipeline, validator: object) -> None:
    body = (
        "Les deux gouvernements ont salué mardi un accord de coopération qui renforcera les échanges. "
        "Des frappes ont tué trois civils et blessé des dizaines de personnes dans la nuit."
    )
    article = Article(id="a" * 16, text=body, path="tone.txt", date="2025-03-04", date_precision="day")
    (result,) = pipeline.process([article])
    assert result.tone is not None
    first, second = result.tone.sentences
    assert first.score > 0 > second.score  # "tué", "blessé" found through their lemmas
    assert result.tone.words == first.words + second.words
    from veille.records import to_dict

    validator.validate(to_dict(result))  # type: ignore[attr-defined]
