"""Rule-based sentence starts and quotation spans, on a blank French pipeline (no model)."""

from __future__ import annotations

import spacy

from veille.sentences import quotations, quoted_tokens, restore_capital_accents, set_sentence_starts


def _sentences(text: str) -> list[str]:
    doc = set_sentence_starts(spacy.blank("fr")(text))
    return [s.text.strip() for s in doc.sents]


def test_final_punctuation_before_a_capital_starts_a_sentence_even_after_two_spaces() -> None:
    assert _sentences("Le ministre est parti.  Le président reste. M. Dupont arrive.") == [
        "Le ministre est parti.",
        "Le président reste.",
        "M. Dupont arrive.",
    ]


def test_a_quotation_and_its_incise_stay_together_and_a_line_break_always_cuts() -> None:
    text = "« Nous partirons. Demain. », a dit la ministre.\nLe vote suit"
    assert _sentences(text) == ["« Nous partirons. Demain. », a dit la ministre.", "Le vote suit"]


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    doc = spacy.blank("fr")("« Nous ne céderons jamais, a dit le ministre.\n\nLe président est arrivé.")
    inside = {doc[i].text for i in quoted_tokens(doc)}
    assert {"Nous", "céderons", "ministre"} <= inside
    assert not {"président", "arrivé"} & inside


def test_an_apostrophe_cut_from_its_word_opens_no_quotation() -> None:
    doc = spacy.blank("fr")("Une décision qualifiée d'« historique » par le président.")
    assert [doc[i].text for i in sorted(quoted_tokens(doc))] == ["historique"]


def test_quotations_are_the_pairs_of_marks() -> None:
    doc = spacy.blank("fr")("Il a parlé d'un « accord » et d'une “ paix ” durable.")
    assert [(doc[o].text, doc[c].text) for o, c in quotations(doc)] == [("«", "»"), ("“", "”")]


def test_a_capital_a_without_its_accent_is_read_as_the_preposition() -> None:
    doc = restore_capital_accents(spacy.blank("fr")("A Londres, le ministre a parlé. A-t-il convaincu ?"))
    assert [(t.text, t.norm_) for t in doc if t.text.startswith("A")] == [("A", "à"), ("A", "a")]
