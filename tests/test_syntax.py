"""Dependency helpers, on hand-made parses (no model): the repairs they make to the parser's errors."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Token

from veille.syntax import (
    WordFilter,
    antecedent,
    coordinated_verb,
    kids,
    lemmas_of,
    logical_objects,
    logical_subjects,
    morph,
    negated,
    own_subjects,
    passive,
    past_participle,
    remembered_method,
    second_between,
    verb_form,
    verb_in_disguise,
)


def _parsed(
    words: list[str], heads: list[int], deps: list[str], features: dict[int, str] | None = None
) -> Doc:
    """A parse with its heads and labels; ``features`` gives the morphology of the verbs (by index)."""
    features = features or {}
    pos = ["VERB" if i in features else "X" for i in range(len(words))]
    morphs = [features.get(i, "") for i in range(len(words))]
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)


PARTICIPLE = "Tense=Past|VerbForm=Part"
SINGULAR = "Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def test_a_quotation_the_parser_made_the_subject_of_its_incise_is_not_who_speaks() -> None:
    # « Nous restons alliés », a assuré Tokaïev — parsed with "restons" as the subject of "assuré".
    words = ["«", "Nous", "restons", "alliés", "»", ",", "a", "assuré", "Tokaïev"]
    heads = [2, 2, 7, 2, 2, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "nsubj", "xcomp", "punct", "punct", "aux:tense", "ROOT", "obl:mod"]
    doc = _parsed(words, heads, deps)
    assert logical_subjects(doc[7]) == []
    assert [w.text for w in logical_subjects(doc[2])] == ["Nous"]  # inside, the quotation's own


def test_the_children_found_once_per_document_are_the_parsers() -> None:
    words = ["«", "Nous", "restons", "alliés", "»", ",", "a", "assuré", "Tokaïev"]
    heads = [2, 2, 7, 2, 2, 7, 7, 7, 7]
    deps = ["punct", "nsubj", "nsubj", "xcomp", "punct", "punct", "aux:tense", "ROOT", "obl:mod"]
    doc = _parsed(words, heads, deps)
    assert [[c.i for c in kids(t)] for t in doc] == [[c.i for c in t.children] for t in doc]
    assert [c.text for c in kids(doc[7])] == ["restons", ",", "a", "Tokaïev"]


def test_the_word_filter_keeps_lemmas_and_forms_apart_across_documents() -> None:
    vocab = spacy.blank("fr").vocab
    found = WordFilter(frozenset({"visite"}), frozenset({"dément"}))
    # A form that is a wanted lemma, or a lemma that is a wanted form, is not wanted.
    first = Doc(
        vocab, words=["La", "visite", "dément", "visite"], lemmas=["le", "visiter", "démentir", "dément"]
    )
    assert [t.i for t in found.tokens(first)] == [2]
    second = Doc(vocab, words=["Visites", "et", "dément"], lemmas=["Visite", "et", "démentir"])
    assert [t.i for t in found.tokens(second)] == [0, 2]  # (a lemma is matched lowercased)


def test_a_documents_lemmas_are_lowercased_and_found_once() -> None:
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=["Paris", "a", "Sanctionné"], lemmas=["Paris", "avoir", "Sanctionner"])
    assert lemmas_of(doc) == {"paris", "avoir", "sanctionner"}
    other = Doc(vocab, words=["Paris", "sanctionne"], lemmas=["Paris", "sanctionner"])
    assert lemmas_of(other) == {"paris", "sanctionner"}  # (each document its own)
    doc.user_data["veille.lemmas"] = frozenset({"kept"})
    assert lemmas_of(doc) == {"kept"}  # read from the document once found


def test_answers_remembered_per_token_are_the_ones_computed() -> None:
    doc = _parsed(["Il", "a", "dit"], [2, 2, 2], ["nsubj", "aux:tense", "ROOT"], {2: PARTICIPLE})

    class Counting:
        def __init__(self) -> None:
            self.answers: dict[str, dict[int, object]] = {}
            self.asked: list[int] = []

        @remembered_method
        def tense(self, token: Token) -> list[str]:
            self.asked.append(token.i)
            return morph(token, "Tense")

    counting = Counting()
    assert [counting.tense(t) for t in (*doc, doc[2], doc[0])] == [[], [], ["Past"], ["Past"], []]
    assert counting.asked == [0, 1, 2]  # each token's answer computed once
    assert morph(doc[2], "VerbForm") == ["Part"] and morph(doc[1], "VerbForm") == []


def test_a_subject_hung_on_the_auxiliary_is_the_verbs() -> None:
    words = ["Le", "Japon", "a", "pour sa part", "condamné", "le", "tir"]
    heads = [1, 2, 4, 4, 4, 6, 4]
    deps = ["det", "nsubj", "aux:tense", "advmod", "ROOT", "det", "obj"]
    assert [w.text for w in logical_subjects(_parsed(words, heads, deps)[4])] == ["Japon"]


def test_a_verb_joined_by_et_but_hung_on_a_noun_shares_its_partners_subject() -> None:
    # Le ministre a condamné une attaque et exigé une enquête — "exigé" parsed under "attaque".
    words = ["Le", "ministre", "a", "condamné", "une", "attaque", "et", "exigé", "une", "enquête"]
    heads = [1, 3, 3, 3, 5, 3, 7, 5, 9, 7]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "cc", "conj", "det", "obj"]
    doc = _parsed(words, heads, deps, {3: PARTICIPLE, 7: PARTICIPLE})
    assert coordinated_verb(doc[7]) == doc[3]
    assert [w.text for w in logical_subjects(doc[7])] == ["ministre"]


def test_a_compound_verb_joined_by_et_shares_the_subject_whose_auxiliary_agrees() -> None:
    # Le président a dit que des manifestants avaient été arrêtés et a promis une enquête —
    # "promis" parsed as the conjunct of "arrêtés": its auxiliary "a" agrees with that of "dit",
    # not with "avaient".
    words = ["Le", "président", "a", "dit", "que", "des", "manifestants", "avaient", "été", "arrêtés"]
    words += ["et", "a", "promis", "une", "enquête"]
    heads = [1, 3, 3, 3, 9, 6, 9, 9, 9, 3, 12, 12, 9, 14, 12]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "mark", "det", "nsubj:pass", "aux:tense", "aux:pass"]
    deps += ["ccomp", "cc", "aux:tense", "conj", "det", "obj"]
    plural = "Mood=Ind|Number=Plur|Person=3|Tense=Imp|VerbForm=Fin"
    features = {2: SINGULAR, 3: PARTICIPLE, 7: plural, 9: PARTICIPLE, 11: SINGULAR, 12: PARTICIPLE}
    doc = _parsed(words, heads, deps, features)
    assert coordinated_verb(doc[12]) == doc[3]
    assert [w.text for w in logical_subjects(doc[12])] == ["président"]


def test_no_subject_stands_before_the_conjunction_of_its_verb() -> None:
    # Delhi affirme n'avoir visé que des camps et assure… — "camps" parsed as the subject of "assure".
    words = ["Delhi", "affirme", "avoir", "visé", "que", "des", "camps", "et", "assure"]
    heads = [1, 1, 3, 1, 8, 6, 8, 8, 1]
    deps = ["nsubj", "ROOT", "aux:tense", "xcomp", "mark", "det", "nsubj", "cc", "ccomp"]
    doc = _parsed(words, heads, deps, {1: SINGULAR, 8: SINGULAR})
    assert [w.text for w in logical_subjects(doc[8])] == ["Delhi"]


def test_a_participle_the_tagger_called_an_infinitive_is_a_participle() -> None:
    doc = _parsed(["l'", "offensive", "lancée"], [1, 1, 1], ["det", "ROOT", "acl"], {2: "VerbForm=Inf"})
    assert past_participle(doc[2])


def test_a_relative_clause_hung_on_a_verb_stands_for_the_word_before_it() -> None:
    # Le Niger reste menacé par la Cedeao, qui exige… — "exige" parsed as qualifying "reste".
    words = ["Le", "Niger", "reste", "menacé", "par", "la", "Cedeao", ",", "qui", "exige"]
    heads = [1, 2, 2, 2, 6, 6, 3, 9, 9, 2]
    deps = ["det", "nsubj", "ROOT", "xcomp", "case", "det", "obl:agent", "punct", "nsubj", "acl:relcl"]
    doc = _parsed(words, heads, deps, {2: SINGULAR, 9: SINGULAR})
    assert antecedent(doc[8]) == doc[6]


def test_the_second_party_of_entre_is_the_noun_after_et_when_hung_elsewhere() -> None:
    # …se poursuivent à Doha entre Kinshasa et la rébellion — "rébellion" joined to the verb.
    words = ["se", "poursuivent", "à", "Doha", "entre", "Kinshasa", "et", "la", "rébellion", "."]
    heads = [1, 1, 3, 1, 5, 1, 8, 8, 1, 1]
    deps = ["expl:comp", "ROOT", "case", "obl:arg", "case", "obl:mod", "cc", "det", "conj", "punct"]
    pos = ["PRON", "VERB", "ADP", "PROPN", "ADP", "PROPN", "CCONJ", "DET", "NOUN", "PUNCT"]
    doc = Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert second_between(doc[5]) == [doc[8]]
    assert second_between(doc[3]) == []  # "à Doha" is followed by no "et"


def test_a_compound_infinitive_parsed_as_qualifying_a_noun_has_that_noun_for_subject() -> None:
    # Hanoï a accusé les garde-côtes d'avoir attaqué un bateau — "attaqué" parsed under "garde-côtes".
    words = ["Hanoï", "a", "accusé", "les", "garde-côtes", "d'", "avoir", "attaqué", "un", "bateau"]
    heads = [2, 2, 2, 4, 2, 7, 7, 4, 9, 7]
    deps = ["nsubj", "aux:tense", "ROOT", "det", "obj", "mark", "aux:tense", "acl", "det", "obj"]
    pos = ["PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "AUX", "VERB", "DET", "NOUN"]
    morphs = ["", "", PARTICIPLE, "", "", "", "VerbForm=Inf", PARTICIPLE, "", ""]
    lemmas = ["Hanoï", "avoir", "accuser", "le", "garde-côtes", "de", "avoir", "attaquer", "un", "bateau"]
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs, lemmas=lemmas)
    assert logical_subjects(doc[7]) == [doc[4]]


def test_a_noun_root_with_a_verb_for_conjunct_is_a_coordinated_subject() -> None:
    # Israël et le Hamas ont prolongé la trêve — parsed with "Israël" as the root.
    words = ["Israël", "et", "le", "Hamas", "ont", "prolongé", "la", "trêve"]
    heads = [0, 5, 3, 5, 5, 0, 7, 5]
    deps = ["ROOT", "cc", "det", "nsubj", "aux:tense", "conj", "det", "obj"]
    pos = ["PROPN", "CCONJ", "DET", "PROPN", "AUX", "VERB", "DET", "NOUN"]
    morphs = ["", "", "", "", "", PARTICIPLE, "", ""]
    lemmas = ["Israël", "et", "le", "Hamas", "avoir", "prolonger", "le", "trêve"]
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, morphs=morphs, lemmas=lemmas)
    assert own_subjects(doc[5]) == [doc[0], doc[3]]


def test_a_subject_with_a_negative_determiner_negates_its_clause() -> None:
    words = ["Aucun", "accord", "n'", "a", "été", "signé"]
    heads = [1, 5, 5, 5, 5, 5]
    deps = ["det", "nsubj:pass", "advmod", "aux:tense", "aux:pass", "ROOT"]
    doc = _parsed(words, heads, deps, {5: PARTICIPLE})
    assert negated(doc[5])


def test_a_regular_future_the_tagger_called_past_is_a_future() -> None:
    words = ["Il", "se", "rendra", "au", "Caire", "."]
    heads = [2, 2, 2, 4, 2, 2]
    deps = ["nsubj", "expl:comp", "ROOT", "case", "obl", "punct"]
    past = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"
    lemmas = ["il", "se", "rendre", "au", "Caire", "."]
    vocab = spacy.blank("fr").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, morphs=["", "", past, "", "", ""], lemmas=lemmas)
    assert verb_form(doc[2]) == ("Ind", "Fut")
    entered = Doc(
        vocab,
        words=["Il", "entra"],
        heads=[1, 1],
        deps=["nsubj", "ROOT"],
        morphs=["", past],
        lemmas=["il", "entrer"],
    )
    assert verb_form(entered[1]) == ("Ind", "Past")  # a simple past stays past


def test_a_regular_conditional_the_tagger_called_imperfect_is_a_conditional() -> None:
    imperfect = "Mood=Ind|Number=Sing|Person=3|Tense=Imp|VerbForm=Fin"
    vocab = spacy.blank("fr").vocab
    for form, lemma, expected in (
        ("hésiterait", "hésiter", ("Cnd", "Pres")),
        ("hésitait", "hésiter", ("Ind", "Imp")),
    ):
        doc = Doc(
            vocab,
            words=["Il", form],
            heads=[1, 1],
            deps=["nsubj", "ROOT"],
            morphs=["", imperfect],
            lemmas=["il", lemma],
        )
        assert verb_form(doc[1]) == expected


def test_a_participle_completing_a_verb_of_state_is_a_passive_of_that_verbs_subject() -> None:
    words = ["Le", "Niger", "reste", "menacé", "par", "le", "Tchad"]
    heads = [1, 2, 2, 2, 6, 6, 3]
    deps = ["det", "nsubj", "ROOT", "xcomp", "case", "det", "obl:agent"]
    doc = _parsed(words, heads, deps, {2: SINGULAR, 3: PARTICIPLE})
    doc[2].lemma_, doc[3].lemma_ = "reste", "menacer"  # (the lemmatizer leaves "reste" as it is)
    assert passive(doc[3])
    assert [w.text for w in logical_objects(doc[3])] == ["Niger"]
    assert [w.text for w in logical_subjects(doc[3])] == ["Tchad"]


def test_avoir_is_never_a_passive_auxiliary_and_an_infinitive_hung_on_the_agent_is_the_accuseds() -> None:
    # "…, ce que Kigali a contesté", labelled as a passive with "a" for its auxiliary.
    words = ["ce", "que", "Kigali", "a", "contesté"]
    heads = [0, 4, 4, 4, 0]
    deps = ["ROOT", "obj", "nsubj:pass", "aux:pass", "acl:relcl"]
    doc = _parsed(words, heads, deps, {4: PARTICIPLE})
    doc[3].lemma_ = "avoir"
    assert not passive(doc[4])
    # "X a été accusé par Y d'avoir armé…", with "armé" hung on the agent "Y".
    words = ["X", "a", "été", "accusé", "par", "Y", "d'", "avoir", "armé"]
    heads = [3, 3, 3, 3, 5, 3, 8, 8, 5]
    deps = ["nsubj:pass", "aux:tense", "aux:pass", "ROOT", "case", "obl:agent", "mark", "aux:tense", "acl"]
    doc = _parsed(words, heads, deps, {3: PARTICIPLE, 8: PARTICIPLE})
    doc[2].lemma_, doc[3].lemma_, doc[7].lemma_ = "être", "accuser", "avoir"
    assert [w.text for w in logical_subjects(doc[8])] == ["X"]


def test_a_verb_after_an_indirect_object_pronoun_taken_for_a_determiner_is_a_verb() -> None:
    words = ["Le", "ministre", "leur", "reproche", "d'", "avoir", "menti"]
    doc = Doc(spacy.blank("fr").vocab, words=words, pos=["DET", "NOUN", "DET", "NOUN", "ADP", "AUX", "VERB"])
    assert verb_in_disguise(doc[3])
    # "Leur reproche est injuste": their reproach, a noun.
    words = ["Mais", "leur", "reproche", "est", "injuste"]
    doc = Doc(spacy.blank("fr").vocab, words=words, pos=["CCONJ", "DET", "NOUN", "AUX", "ADJ"])
    assert not verb_in_disguise(doc[2])
