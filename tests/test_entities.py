"""The baseline entity component, on a blank French pipeline with hand-set NER spans."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from veille.entities import entity_id
from veille.records import Entity


def _run(text: str, spans: list[tuple[str, str]]) -> tuple[Entity, ...]:
    nlp = spacy.blank("fr")
    component = nlp.add_pipe("veille_entities")
    doc = nlp.make_doc(text)
    ents = []
    cursor = 0
    for surface, label in spans:  # in text order
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        ents.append(span)
    doc.ents = ents
    result: Doc = component(doc)
    entities: tuple[Entity, ...] = result._.veille_entities
    return entities


def test_partial_names_and_honorifics_join_the_full_name() -> None:
    text = "M. Kovacs a salué Pierre Kovacs. Puis Kovacs est parti avec Mme Lina Berg."
    entities = _run(
        text, [("M. Kovacs", "PER"), ("Pierre Kovacs", "PER"), ("Kovacs", "PER"), ("Mme Lina Berg", "PER")]
    )
    by_name = {e.name: e for e in entities}
    assert set(by_name) == {"Pierre Kovacs", "Lina Berg"}
    kovacs = by_name["Pierre Kovacs"]
    assert [(m.text, m.kind) for m in kovacs.mentions] == [
        ("Kovacs", "partial"),
        ("Pierre Kovacs", "name"),
        ("Kovacs", "partial"),
    ]
    assert [(m.text, m.kind) for m in by_name["Lina Berg"].mentions] == [("Lina Berg", "partial")]
    for entity in entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_an_ambiguous_short_name_stays_apart() -> None:
    text = "Anna Weber et Paul Weber ont vu Weber."
    spans = [("Anna Weber", "PER"), ("Paul Weber", "PER"), ("Weber.", "PER")]
    entities = _run(text, [(s.rstrip("."), label) for s, label in spans])
    assert sorted(e.name for e in entities) == ["Anna Weber", "Paul Weber", "Weber"]


def test_quotations_fragments_and_misc_are_not_entities() -> None:
    text = "« Nous resterons unis », a dit le ministre. Le sommet de Vilnius a eu lieu. les accords de paix"
    entities = _run(
        text,
        [("« Nous resterons unis »", "PER"), ("sommet", "MISC"), ("Vilnius", "LOC"), ("les accords", "ORG")],
    )
    assert [(e.name, e.type) for e in entities] == [("Vilnius", "location")]


def test_spellings_that_differ_only_in_case_or_accents_share_one_id() -> None:
    text = "L'Elysée a répondu. Puis l'élysée a confirmé. Et l'Élysée s'est tu."
    entities = _run(text, [("L'Elysée", "ORG")])
    assert entity_id("l'Élysée", "organization") == entity_id("L'Elysee", "organization") == "org:l-elysee"
    assert entities[0].id == "org:l-elysee"
    assert entity_id("Kassym-Jomart Tokaïev", "person") == "per:kassym-jomart-tokaiev"
