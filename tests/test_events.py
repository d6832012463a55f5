"""The CAMEO event coder: frames, actors, modality, dates and provenance, on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.errors import SettingsError
from veille.event_lexicon import inflections, load_lexicon, parse_entry
from veille.ontology import cameo, event_type
from veille.pipeline import Pipeline
from veille.records import Article, DocumentResult, Event


def _run(pipeline: Pipeline, text: str, date: str = "2025-03") -> DocumentResult:
    precision = "day" if len(date) == 10 else "month"
    (result,) = pipeline.process_batch(
        [Article(id="e" * 16, text=text, path="t", date=date, date_precision=precision)]
    )
    return result


def _countries(result: DocumentResult) -> dict[str, str]:
    return {e.id: e.country or e.id for e in result.entities}


def _coded(result: DocumentResult) -> set[tuple[str, str | None, str | None, str]]:
    """(code, source country, target country, modality) of every event."""
    country = _countries(result)
    return {
        (e.code, country.get(e.source or ""), country.get(e.target or ""), e.modality) for e in result.events
    }


@pytest.mark.model
def test_a_visit_is_coded_from_the_verb_with_its_host(pipeline: Pipeline) -> None:
    result = _run(
        pipeline,
        "Le président brésilien Luiz Inácio Lula da Silva est arrivé lundi au Japon pour une visite d'Etat.",
    )
    assert ("042", "BRA", "JPN", "asserted") in _coded(result)
    (visit,) = [e for e in result.events if e.code == "042"]
    assert visit.date == "2025-03" and visit.date_precision == "month"  # a weekday never invents a day
    assert visit.label == event_type("042").label and visit.quad_class == 1 and visit.goldstein == 1.9


@pytest.mark.model
def test_the_agent_of_a_passive_is_the_source_and_a_denial_answers_the_accuser(pipeline: Pipeline) -> None:
    result = _run(
        pipeline, "Le Mali a été accusé par la France de soutenir des groupes armés, ce que Bamako dément."
    )
    coded = _coded(result)
    assert ("112", "FRA", "MLI", "asserted") in coded
    assert any(code == "016" and source == "MLI" for code, source, _, _ in coded)


@pytest.mark.model
def test_sans_and_ne_pas_give_negated_events_never_asserted_ones(pipeline: Pipeline) -> None:
    result = _run(
        pipeline, "Pékin a salué l'accord sans condamner l'offensive russe. Ankara n'a pas condamné Moscou."
    )
    criticisms = {(s, t, m) for code, s, t, m in _coded(result) if code == "111"}
    assert ("CHN", "RUS", "negated") in criticisms
    assert ("TUR", "RUS", "negated") in criticisms
    assert all(m != "asserted" for _, _, m in criticisms)


@pytest.mark.model
def test_conditional_and_future_give_hypothetical_and_planned(pipeline: Pipeline) -> None:
    result = _run(
        pipeline,
        "Madrid et Rabat pourraient signer un accord de pêche. "
        "Le chancelier Olaf Scholz rencontrera Emmanuel Macron à Paris.",
        "2024-06-10",
    )
    coded = _coded(result)
    assert ("057", "ESP", "MAR", "hypothetical") in coded and ("057", "MAR", "ESP", "hypothetical") in coded
    assert ("040", "DEU", "FRA", "planned") in coded and ("040", "FRA", "DEU", "planned") in coded


@pytest.mark.model
def test_a_historical_mention_takes_its_own_date(pipeline: Pipeline) -> None:
    result = _run(
        pipeline, "Depuis l'invasion russe de l'Ukraine en février 2022, la Pologne a accueilli des réfugiés."
    )
    (invasion,) = [e for e in result.events if e.code.startswith("19")]
    assert _countries(result)[invasion.source or ""] == "RUS"
    assert _countries(result)[invasion.target or ""] == "UKR"
    assert (invasion.date, invasion.date_precision) == ("2022-02", "month")


@pytest.mark.model
def test_what_a_statement_reports_is_reported(pipeline: Pipeline) -> None:
    text = "Le ministre polonais Radoslaw Sikorski a affirmé que l'Iran avait livré des drones à la Russie."
    result = _run(pipeline, text)
    coded = _coded(result)
    assert any(code.startswith("01") and source == "POL" for code, source, _, _ in coded)
    assert ("072", "IRN", "RUS", "reported") in coded or ("070", "IRN", "RUS", "reported") in coded


@pytest.mark.model
def test_every_event_points_at_its_words(pipeline: Pipeline) -> None:
    text = "La Chine et l'Inde ont signé mardi un accord commercial. Le Japon a condamné les essais coréens."
    result = _run(pipeline, text)
    assert result.events
    for event in result.events:
        assert isinstance(event, Event)
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.sentence.end
        for span in (event.source_text, event.target_text):
            assert span is None or text[span.start : span.end] == span.text
        assert f"/{event.rule.split('/')[1].split()[0]} {event.code} source=" in event.rule
        assert 0 < event.confidence <= 1
    signed = {(s, t) for code, s, t, _ in _coded(result) if code == "057"}
    assert signed == {("CHN", "IND"), ("IND", "CHN")}


def test_the_ontology_has_every_cameo_code_with_its_values() -> None:
    codes = cameo()
    assert len(codes) == 311
    assert (codes["042"].goldstein, codes["042"].quad_class, codes["042"].plover) == (1.9, 1, "CONSULT")
    assert (codes["190"].quad_class, codes["190"].goldstein) == (4, -10.0)
    assert codes["010"].plover is None  # PLOVER has no type for statements
    assert codes["020"].plover == "REQUEST"
    assert all(code.startswith(t.root) for code, t in codes.items())
    with pytest.raises(KeyError, match="9999"):
        event_type("9999")


def test_the_lexicon_is_data_with_checked_entries() -> None:
    lexicon = load_lexicon("fr")
    entries = [e for found in lexicon.values() for e in found]
    assert len(entries) >= 500
    assert len(set(entries)) == len(entries)  # no entry written twice
    visit = next(e for e in lexicon[("rendre", "VERB")] if not e.extra)
    assert visit.reflexive and visit.code == "042" and "à" in visit.target
    noun = parse_entry(["visite", "NOUN", "042", "-", "-"])
    assert noun.source[:2] == ("par", "amod") and noun.target[0] == "de"
    for bad in (["x", "VERB", "9999"], ["x", "ADV", "010"], ["x", "VERB", "010", "-", "-", "loud"]):
        with pytest.raises(ValueError):
            parse_entry(bad)


def test_users_extend_the_lexicon_and_bad_lines_are_named(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "trigger\tpos\tcode\tsource\ttarget\tflags\ncourtiser\tVERB\t051\t-\t-\t\n", encoding="utf-8"
    )
    lexicon = load_lexicon("fr", (str(extra),))
    assert lexicon[("courtiser", "VERB")][0].code == "051"
    broken = tmp_path / "broken.tsv"
    broken.write_text("# mine\ncourtiser\tVERB\t999\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"broken\.tsv: line 2.*unknown CAMEO event code"):
        load_lexicon("fr", (str(broken),))


def test_inflections_cover_the_forms_the_lemmatizer_misses() -> None:
    assert {"applique", "appliquent", "appliqué"} <= set(inflections("appliquer"))
    assert {"dément", "démentent", "démenti"} <= set(inflections("démentir"))
    assert {"réagit", "réagi"} <= set(inflections("réagir"))


@pytest.mark.model
def test_the_speaker_of_an_incise_is_the_source_and_its_tone_gives_the_code(pipeline: Pipeline) -> None:
    text = (
        "« Le Brésil est pour nous un partenaire fiable et un ami », a déclaré le président chilien, "
        "Gabriel Boric. « Cette ingérence de Moscou est inacceptable », a affirmé le ministre letton."
    )
    coded = _coded(_run(pipeline, text))
    assert ("051", "CHL", "BRA", "asserted") in coded  # praise of the actor the quotation names
    assert ("111", "LVA", "RUS", "asserted") in coded  # criticism
    assert not any(code == "010" for code, *_ in coded)


@pytest.mark.model
def test_a_participle_after_an_incise_takes_the_incise_speaker_not_its_own_object(pipeline: Pipeline) -> None:
    text = (
        "« Le pays restera libre », a déclaré dimanche le Premier ministre serbe, accusant la Croatie"
        " de soutenir les manifestants."
    )
    assert ("112", "SRB", "HRV", "asserted") in _coded(_run(pipeline, text))
    # Also when the parser hangs the participle on a noun of the incise.
    hung = _run(
        pipeline,
        "« Nous ne céderons pas », a déclaré M. Aliev lors d'une conférence de presse, accusant"
        " l'Arménie de provocations.",
    )
    assert ("112", "AZE", "ARM", "asserted") in _coded(hung)


@pytest.mark.model
def test_what_is_owned_by_an_actor_stands_for_it(pipeline: Pipeline) -> None:
    text = "La Russie et la Chine ont bloqué un projet de résolution américain."
    coded = {(c, s, t) for c, s, t, _ in _coded(_run(pipeline, text))}
    assert {("129", "RUS", "USA"), ("129", "CHN", "USA")} <= coded


@pytest.mark.model
def test_an_unqualified_institution_belongs_to_the_country_of_the_article(pipeline: Pipeline) -> None:
    text = (
        "La Géorgie a suspendu ses négociations avec l'Union européenne. En Géorgie, la colère grandit. "
        "Le ministère de l'Intérieur a accusé l'opposition de préparer des violences."
    )
    result = _run(pipeline, text)
    accusations = [e for e in result.events if e.code == "112"]
    assert accusations and all(_countries(result)[e.source or ""] == "GEO" for e in accusations)


def test_an_unreadable_user_lexicon_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "absent.tsv"
    with pytest.raises(SettingsError, match=r"absent\.tsv: cannot read this event lexicon"):
        load_lexicon("fr", (str(missing),))


@pytest.mark.model
def test_nous_in_a_quotation_is_the_speakers_country(pipeline: Pipeline) -> None:
    text = "« Nous allons livrer des armes à la Moldavie », a déclaré le chancelier allemand Olaf Scholz."
    coded = _coded(_run(pipeline, text))
    assert ("072", "DEU", "MDA", "reported") in coded


@pytest.mark.model
def test_a_participle_with_avoir_and_its_own_subject_is_active(pipeline: Pipeline) -> None:
    # The parser labels the relative "ce que … a démenti" like a participle qualifying a noun.
    text = (
        "Le Caire est accusé par plusieurs voisins de soutenir les rebelles,"
        " ce que le gouvernement égyptien a toujours démenti."
    )
    assert ("016", "EGY", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_subject_the_parser_cut_off_is_found_past_commas(pipeline: Pipeline) -> None:
    # The antecedent of a relative set off by commas, and a name closing the subject group.
    relative = _run(pipeline, "Ottawa, qui soutient les manifestants, a condamné les arrestations.")
    assert ("111", "CAN", None, "asserted") in _coded(relative)
    named = _run(pipeline, "Le Premier ministre hongrois, Viktor Orban, dément toute ingérence de son pays.")
    assert ("016", "HUN", None, "asserted") in _coded(named)


@pytest.mark.model
def test_force_without_a_named_target_strikes_the_country_where_its_object_lies(pipeline: Pipeline) -> None:
    result = _run(pipeline, "L'armée turque a frappé mardi plusieurs positions kurdes en Irak.")
    assert ("190", "TUR", "IRQ", "asserted") in _coded(result)
    # The parser hangs the object on the night's second day: the place is still the trigger's.
    night = _run(
        pipeline, "L'armée égyptienne a frappé dans la nuit de mardi à mercredi neuf sites au Soudan."
    )
    assert ("190", "EGY", "SDN", "asserted") in _coded(night)
    # A region of a country: "dans l'est de l'Ukraine".
    region = _run(pipeline, "L'armée russe a bombardé mardi plusieurs villages dans l'est de l'Ukraine.")
    assert ("195", "RUS", "UKR", "asserted") in _coded(region)
    # An act named by a noun strikes where its relative clause says it did.
    relative = _run(
        pipeline, "L'attaque du Hezbollah du 5 mai, qui a fait vingt morts en Israël, a choqué la région."
    )
    assert ("190", "LBN", "ISR", "asserted") in _coded(relative)


@pytest.mark.model
def test_coordinated_complements_of_a_subject_each_take_part(pipeline: Pipeline) -> None:
    text = "Les présidents du Mali, du Niger et du Tchad ont signé lundi un traité de défense."
    coded = {(code, source, target) for code, source, target, _ in _coded(_run(pipeline, text))}
    assert {("057", "MLI", "NER"), ("057", "NER", "TCD"), ("057", "TCD", "MLI")} <= coded


@pytest.mark.model
def test_a_fronted_passive_participle_is_said_of_the_main_subject(pipeline: Pipeline) -> None:
    text = (
        "Reçue à l'Elysée par Emmanuel Macron, la Première ministre italienne Giorgia Meloni a plaidé"
        " pour une aide accrue."
    )
    assert ("043", "FRA", "ITA", "asserted") in _coded(_run(pipeline, text))
    # Parsed with the participle as root and the main verb as its conjunct.
    root = _run(pipeline, "Reçu lundi par le président Erdogan, M. Lavrov a remis un message.")
    assert ("043", "TUR", "RUS", "asserted") in _coded(root)
    # Detached after the main clause.
    after = _run(pipeline, "Les journalistes argentins ont quitté jeudi le Venezuela, expulsés par Caracas.")
    assert ("174", "VEN", "ARG", "asserted") in _coded(after)
    # With no agent, the participle is still passive, and where the guest was received says who
    # received him.
    hosted = _run(pipeline, "Reçu mardi à l'Elysée, le ministre chinois a signé un accord.")
    assert ("043", "FRA", "CHN", "asserted") in _coded(hosted)
    assert not any(e.code == "043" and e.source is None for e in hosted.events)


@pytest.mark.model
def test_an_event_in_a_night_across_two_days_is_dated_by_the_morning_after(pipeline: Pipeline) -> None:
    text = "L'aviation américaine a bombardé dans la nuit de lundi à mardi des dépôts d'armes en Syrie."
    result = _run(pipeline, text, date="2025-03-12")  # a Wednesday
    (night,) = (t for t in result.times if "nuit" in t.text)
    assert night.value == "2025-03-10TNI"  # the time expression keeps its night
    (strike,) = (e for e in result.events if e.code.startswith("19"))
    assert (strike.date, strike.date_precision) == ("2025-03-11", "day")


@pytest.mark.model
def test_a_warning_with_only_a_quotation_targets_whom_the_quotation_is_about(pipeline: Pipeline) -> None:
    text = "« La Russie paiera cher cette provocation », a prévenu le président ukrainien Volodymyr Zelensky."
    assert ("130", "UKR", "RUS", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_talks_between_two_actors_are_coded_both_ways(pipeline: Pipeline) -> None:
    result = _run(pipeline, "Les pourparlers entre l'Arménie et l'Azerbaïdjan ont repris lundi à Genève.")
    assert {("046", "ARM", "AZE", "asserted"), ("046", "AZE", "ARM", "asserted")} <= _coded(result)


@pytest.mark.model
def test_an_event_noun_takes_its_source_from_a_support_verb_around_it(pipeline: Pipeline) -> None:
    # The agent of a support verb's participle (who leads talks among others mediates), and the
    # subject of "ouvrir des négociations".
    led = _run(pipeline, "Les négociations menées par la Norvège ont abouti à un cessez-le-feu.")
    assert ("045", "NOR", None, "asserted") in _coded(led)
    opened = _run(pipeline, "L'Union européenne a ouvert mardi des négociations d'adhésion avec la Moldavie.")
    assert any(
        code == "046" and (source, target) == ("eu", "MDA") for code, source, target, _ in _coded(opened)
    )
    # A clash named deep in another phrase is not the verb's subject's doing.
    deep = _run(pipeline, "Le Chili a renforcé sa frontière, théâtre d'affrontements meurtriers en 2020.")
    assert not any(code == "190" and source == "CHL" for code, source, _, _ in _coded(deep))


@pytest.mark.model
def test_of_two_subjects_the_one_nearer_the_verb_acts(pipeline: Pipeline) -> None:
    text = (
        "La Turquie reste prudente. Membre de l'OTAN, l'alliance militaire dominée par Washington,"
        " le pays n'a pas condamné l'offensive russe en Ukraine."
    )
    assert ("111", "TUR", "RUS", "negated") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_name_parsed_as_a_conjunct_of_its_office_is_one_actor(pipeline: Pipeline) -> None:
    text = (
        "Le secrétaire général de l'ONU, António Guterres, qui réclamait depuis des mois une trêve,"
        " a salué le vote par la voix de son porte-parole."
    )
    praise = {(source, target) for code, source, target, _ in _coded(_run(pipeline, text)) if code == "051"}
    assert praise == {("PRT", None)}  # Guterres (Portuguese), not the UN beside him


@pytest.mark.model
def test_criticism_targets_an_actor_named_within_what_it_criticizes(pipeline: Pipeline) -> None:
    text = "Le chef de la diplomatie suédoise a dénoncé des arrestations contraires à la Constitution serbe."
    assert ("111", "SWE", "SRB", "asserted") in _coded(_run(pipeline, text))
    # "dont" makes the antecedent a complement of the object: the Union's slowness is criticized.
    relative = _run(
        pipeline,
        "Le Soudan a fermé sa frontière avec le Tchad."
        " Le Tchad a quitté l'Union africaine, dont il critiquait la lenteur.",
    )
    assert ("111", "TCD", "african-union", "asserted") in _coded(relative)
    # A bare weekday between the verb and its object: the parser hangs the object from the day.
    dated = _run(pipeline, "Le Chili a critiqué vendredi la décision du Pérou.")
    (criticism,) = [e for e in dated.events if e.code == "111"]
    assert (_countries(dated).get(criticism.target or ""), criticism.rule.split()[-1]) == (
        "PER",
        "target=obj",
    )


@pytest.mark.model
def test_an_unaddressed_criticism_or_threat_is_aimed_at_the_party_its_source_deals_with(
    pipeline: Pipeline,
) -> None:
    # The party the source last dealt with in an earlier event, else the lead's other party.
    dealt = _run(
        pipeline,
        "Le Chili a expulsé lundi des diplomates boliviens. Mardi, La Paz a dénoncé une décision arbitraire.",
    )
    criticism = [e for e in dealt.events if e.code == "111"]
    assert {
        (_countries(dealt).get(e.source or ""), _countries(dealt).get(e.target or "")) for e in criticism
    } == {("BOL", "CHL")}
    assert all(e.rule.endswith("target=discourse") and e.target_text is not None for e in criticism)
    lead = _run(
        pipeline,
        "La Norvège renforce sa frontière avec la Russie.\n\nLe gouvernement norvégien a annoncé mardi"
        " l'envoi de troupes.\n\nLe Kremlin a averti qu'une telle décision aurait des conséquences.",
    )
    assert ("130", "RUS", "NOR", "asserted") in _coded(lead)
    # The party is the earlier event's actor itself, here a person (scored by his country).
    person = _run(pipeline, "Le président Macron est arrivé à Dakar. Le Niger a dénoncé une provocation.")
    assert ("111", "NER", "FRA", "asserted") in _coded(person)
    # Praise of something that is not itself an act is addressed; praise of an agreement is not.
    praise = _run(
        pipeline, "La France a levé ses sanctions contre la Syrie. Damas a salué « une nouvelle page »."
    )
    assert ("051", "SYR", "FRA", "asserted") in _coded(praise)
    deal = _run(pipeline, "L'Inde et la Chine ont signé un accord frontalier. Le Népal a salué l'accord.")
    assert ("051", "NPL", None, "asserted") in _coded(deal)
    # A warning about the speaker's own side names no addressee: it comes from the discourse.
    own = _run(
        pipeline,
        "La Lituanie a fermé sa frontière avec la Biélorussie."
        " Le président Alexandre Loukachenko a averti que la Biélorussie riposterait.",
    )
    assert ("130", "BLR", "LTU", "asserted") in _coded(own)
    # The sentence's own addressee stays, and so does an untargeted statement.
    named = _run(pipeline, "Le Chili a expulsé des diplomates boliviens. La Bolivie a critiqué le Pérou.")
    assert ("111", "BOL", "PER", "asserted") in _coded(named)
    assert ("111", "BOL", "CHL", "asserted") not in _coded(named)


@pytest.mark.model
def test_an_armed_group_acts_against_its_own_country_and_its_name_is_no_trigger(pipeline: Pipeline) -> None:
    result = _run(pipeline, "Les Forces de soutien rapide accusent l'armée soudanaise de viser des civils.")
    country = _countries(result)
    assert [(e.code, e.source, country.get(e.target or "")) for e in result.events] == [("112", "rsf", "SDN")]


@pytest.mark.model
def test_a_counted_group_stands_for_as_many_countries_last_named(pipeline: Pipeline) -> None:
    text = (
        "La Pologne, la Hongrie et la Slovaquie ont fermé leurs frontières."
        " Kiev a répliqué en portant plainte contre les trois pays."
    )
    complaints = {(s, t) for code, s, t, _ in _coded(_run(pipeline, text)) if code == "115"}
    assert complaints == {("UKR", "POL"), ("UKR", "HUN"), ("UKR", "SVK")}  # not Kiev itself
    # A common adjective leaves the group what it was ("les deux puissances nucléaires")...
    powers = _run(
        pipeline,
        "L'Inde a frappé le Pakistan. Le Portugal a appelé les deux puissances nucléaires à la retenue.",
    )
    appeals = {(s, t) for code, s, t, _ in _coded(powers) if code.startswith("02")}
    assert appeals == {("PRT", "IND"), ("PRT", "PAK")}
    # ...but a group its own name says is not the countries named before it.
    named = _run(pipeline, text + " Les trois Etats baltes ont condamné la décision de Kiev.")
    assert not any(source in ("POL", "HUN", "SVK") for code, source, _, _ in _coded(named) if code == "111")
    # "Les deux ministres" are the last two ministers named, not a president named after them.
    ministers = _run(
        pipeline,
        "Les chefs de la diplomatie Ararat Mirzoïan et Djeyhoun Baïramov ont paraphé le texte."
        " Le président Donald Trump a salué l'accord. Les deux ministres doivent se retrouver en mai.",
    )
    meetings = {(s, t) for code, s, t, _ in _coded(ministers) if code == "040"}
    assert meetings == {("ARM", "AZE"), ("AZE", "ARM")}


@pytest.mark.model
def test_without_its_source_only_an_act_suffered_is_coded(pipeline: Pipeline) -> None:
    # Talks and aid with no one named to hold or give them are not coded; an accusation, an arrest
    # or a strike reported from the side of who suffers it is.
    result = _run(
        pipeline,
        "Des négociations avec la Moldavie sont prévues. Une aide à la Moldavie est attendue."
        " Le Premier ministre moldave a été accusé de corruption. La Moldavie a été bombardée dans la nuit.",
    )
    coded = {(code, source, target) for code, source, target, _ in _coded(result)}
    assert coded == {("1121", None, "MDA"), ("195", None, "MDA")}


@pytest.mark.model
def test_who_backs_an_act_is_not_a_party_to_it(pipeline: Pipeline) -> None:
    text = "Le texte a été négocié par la Norvège, avec l'appui de la Suisse et du Canada."
    assert {(s, t) for code, s, t, _ in _coded(_run(pipeline, text)) if code[:2] == "04"} == {("NOR", None)}


@pytest.mark.model
def test_a_conjunct_with_a_preposition_of_its_own_is_a_place_not_a_co_actor(pipeline: Pipeline) -> None:
    text = "Le président Lula a été reçu lundi par Emmanuel Macron à Paris puis à Marseille."
    assert {(s, t) for code, s, t, _ in _coded(_run(pipeline, text)) if code == "043"} == {("FRA", "BRA")}


@pytest.mark.model
def test_an_invitation_to_visit_is_an_intent_to_meet_and_shells_are_military_aid(pipeline: Pipeline) -> None:
    invited = _run(pipeline, "Le président chilien a invité M. Lula à venir au Chili l'an prochain.")
    assert ("036", "CHL", "BRA", "asserted") in _coded(invited)
    supplied = _run(pipeline, "La Norvège a déjà fourni plus de 200 chars à l'Ukraine.")
    assert ("072", "NOR", "UKR", "asserted") in _coded(supplied)
    # Idioms of "faire": a trip is a visit, "faire appel à" an appeal.
    trip = _run(pipeline, "Le Premier ministre grec a fait mardi le déplacement à Ankara.")
    assert ("042", "GRC", "TUR", "asserted") in _coded(trip)
    called = _run(pipeline, "Le Tchad a fait appel à la France pour sécuriser sa frontière.")
    assert ("020", "TCD", "FRA", "asserted") in _coded(called)
    # "Conclure" is an agreement only with what is concluded: not "conclure que".
    finding = _run(pipeline, "L'enquête de Bruxelles a conclu que les producteurs chinois trichaient.")
    assert not any(e.code == "057" for e in finding.events)
    pact = _run(pipeline, "La Grèce a conclu un pacte de défense avec la France.")
    assert ("057", "GRC", "FRA", "asserted") in _coded(pact)


@pytest.mark.model
def test_a_judged_act_makes_its_author_the_target(pipeline: Pipeline) -> None:
    # The act's own source, or, for an act named again ("ce déploiement"), its last author.
    strikes = _run(pipeline, "Le Japon a condamné les frappes menées par la Chine.")
    assert ("111", "JPN", "CHN", "asserted") in _coded(strikes)
    again = _run(
        pipeline,
        "La Russie a déployé des troupes en Moldavie."
        " Ce déploiement a été vivement critiqué par la Roumanie.",
    )
    (criticism,) = [e for e in again.events if e.code == "111"]
    assert (_countries(again)[criticism.source or ""], _countries(again)[criticism.target or ""]) == (
        "ROU",
        "RUS",
    )
    assert criticism.rule.endswith("target=act")


@pytest.mark.model
def test_the_complement_of_an_act_done_to_someone_is_its_victim(pipeline: Pipeline) -> None:
    killed = _run(pipeline, "L'assassinat du président haïtien a plongé le pays dans le chaos.")
    assert ("186", None, "HTI", "asserted") in _coded(killed)
    held = _run(pipeline, "Paris a dénoncé l'arrestation de trois journalistes français par la police russe.")
    assert ("173", "RUS", "FRA", "asserted") in _coded(held)


@pytest.mark.model
def test_a_phrase_inside_the_verb_and_an_object_on_ones_own_side_do_not_hide_the_act(
    pipeline: Pipeline,
) -> None:
    text = (
        "La Norvège a en revanche condamné la Hongrie. Le Chili a de son côté bombardé ces derniers jours "
        "des positions en Bolivie, et le président chilien Gabriel Boric a ordonné la mobilisation."
    )
    coded = {(code[:2], source, target) for code, source, target, _ in _coded(_run(pipeline, text))}
    assert ("11", "NOR", "HUN") in coded
    assert ("19", "CHL", "BOL") in coded  # not Chile against Boric, whom the parse joins to "jours"


@pytest.mark.model
def test_a_groups_adjective_used_as_a_noun_is_the_group_and_a_promise_to_retaliate_a_threat(
    pipeline: Pipeline,
) -> None:
    text = (
        "La France et l'Italie ont bombardé mardi des positions des rebelles houthistes au Yémen. "
        "Les houthistes ont promis de riposter."
    )
    coded = {(code, source, target) for code, source, target, _ in _coded(_run(pipeline, text))}
    # The threat answers the last act against the group's side: of its two authors, the first named.
    assert ("138", "YEM", "FRA") in coded
    assert not any(code == "030" for code, _, _ in coded)


@pytest.mark.model
def test_the_two_sides_may_be_an_organization_and_their_negotiators_stand_for_them(
    pipeline: Pipeline,
) -> None:
    text = (
        "La Chine a dénoncé les taxes de l'Union européenne sur ses voitures électriques. "
        "Des négociateurs des deux parties doivent se retrouver dans les prochains jours."
    )
    coded = _coded(_run(pipeline, text))
    assert {("040", "CHN", "eu", "planned"), ("040", "eu", "CHN", "planned")} <= coded


@pytest.mark.model
def test_talks_under_a_participle_are_held_by_the_noun_it_qualifies(pipeline: Pipeline) -> None:
    text = "L'Egypte, engagée dans des pourparlers avec l'Ethiopie sur le barrage, a refusé de commenter."
    coded = _coded(_run(pipeline, text))
    assert {("046", "EGY", "ETH", "asserted"), ("046", "ETH", "EGY", "asserted")} <= coded


@pytest.mark.model
def test_who_heads_an_institution_with_no_country_is_of_the_articles_country(pipeline: Pipeline) -> None:
    text = (
        "Des combats ont repris au Soudan, dont l'armée affronte des paramilitaires depuis avril. "
        "Le chef de l'armée a répété qu'il ne céderait pas."
    )
    assert ("010", "SDN", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_who_leads_talks_between_others_mediates_between_them(pipeline: Pipeline) -> None:
    between = _run(
        pipeline,
        "Les pourparlers menés par la Norvège entre la Colombie et le Venezuela se poursuivent à Oslo.",
    )
    assert {("045", "NOR", "COL", "asserted"), ("045", "NOR", "VEN", "asserted")} <= _coded(between)
    # The talks named by the noun are still held by the parties, both ways.
    assert {("046", "COL", "VEN", "asserted"), ("046", "VEN", "COL", "asserted")} <= _coded(between)
    partner = _run(pipeline, "Les négociations menées par Washington avec Téhéran ont échoué.")
    assert {("046", "USA", "IRN", "asserted"), ("046", "IRN", "USA", "asserted")} <= _coded(partner)
    # The parties of an agreement named again, and of the act the talks led to in their sentence.
    again = _run(
        pipeline,
        "Le Chili et la Bolivie ont signé un accord sur le gaz. L'accord a été négocié par le Brésil.",
    )
    assert {("045", "BRA", "CHL", "asserted"), ("045", "BRA", "BOL", "asserted")} <= _coded(again)
    led = _run(
        pipeline,
        "Le texte a été paraphé par le Chili et la Bolivie au terme de négociations menées par le Brésil.",
    )
    assert {("045", "BRA", "CHL", "asserted"), ("045", "BRA", "BOL", "asserted")} <= _coded(led)
    assert {("046", "CHL", "BOL", "asserted"), ("046", "BOL", "CHL", "asserted")} <= _coded(led)
    # Weeks of talks ending on the day of the news are dated by its month.
    text = (
        "Le texte a été paraphé par le Chili et la Bolivie au terme de trois semaines de négociations "
        "menées par le Brésil."
    )
    dated = {(e.code, e.date) for e in _run(pipeline, text, "2025-03-05").events}
    assert dated == {("057", "2025-03-05"), ("045", "2025-03"), ("046", "2025-03")}
    # A mediation named by a verb is about the agreement, not about talks of its own.
    assert not any(code == "046" for code, _, _, _ in _coded(again))


@pytest.mark.model
def test_who_is_urged_to_act_is_the_source_of_the_act_even_unnamed(pipeline: Pipeline) -> None:
    text = "Le président américain a exhorté son interlocuteur à normaliser les relations avec Israël."
    coded = _coded(_run(pipeline, text))
    assert any(code.startswith("02") and source == "USA" for code, source, _, _ in coded)
    assert not any(code == "050" and "USA" in (source, target) for code, source, target, _ in coded)


@pytest.mark.model
def test_a_symmetric_event_needs_both_its_parties(pipeline: Pipeline) -> None:
    coded = _coded(_run(pipeline, "Le Premier ministre indien a évoqué un sommet prévu l'an prochain."))
    assert not any(code.startswith("04") for code, _, _, _ in coded)


@pytest.mark.model
def test_aid_no_longer_given_is_aid_stopped_by_the_speakers_country(pipeline: Pipeline) -> None:
    text = (
        "Le Premier ministre tchèque, Petr Fiala, a annoncé que son pays "
        "ne livrerait plus d'armes à la Serbie."
    )
    coded = _coded(_run(pipeline, text))
    assert ("1622", "CZE", "SRB", "reported") in coded  # "son pays": the speaker's country
    assert not any(code == "072" for code, _, _, _ in coded)


@pytest.mark.model
def test_a_riposte_with_no_target_answers_the_last_party_its_source_dealt_with(pipeline: Pipeline) -> None:
    text = "L'Inde a frappé des sites au Pakistan mercredi. Le Pakistan a riposté jeudi."
    assert ("190", "PAK", "IND", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_logistic_or_military_support_is_aid_and_political_support_praise(pipeline: Pipeline) -> None:
    aid = _run(
        pipeline, "Le Canada a apporté un soutien logistique aux frappes menées par la France au Mali."
    )
    assert any(code == "070" and source == "CAN" for code, source, _, _ in _coded(aid))
    praise = _run(pipeline, "Le Canada a apporté son soutien à la France.")
    assert ("051", "CAN", "FRA", "asserted") in _coded(praise)


@pytest.mark.model
def test_the_host_of_a_visit_may_hang_from_the_verb_past_an_apposition(pipeline: Pipeline) -> None:
    text = "L'Espagne s'est abstenue après une visite de son Premier ministre, Pedro Sánchez, à Pékin en mai."
    assert ("042", "ESP", "CHN", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_unnamed_soldiers_are_the_articles_country(pipeline: Pipeline) -> None:
    text = (
        "Les combats continuent au Soudan. Les Forces de soutien rapide accusent l'armée de bombarder "
        "Khartoum, ce que les militaires démentent."
    )
    assert any(code == "016" and source == "SDN" for code, source, _, _ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_criticism_by_no_one_named_is_still_coded(pipeline: Pipeline) -> None:
    result = _run(pipeline, "Le projet de barrage a été vivement critiqué lors de la réunion.")
    assert ("111", None, None, "asserted") in _coded(result)


@pytest.mark.model
def test_a_demand_is_not_aimed_at_the_last_party_of_the_discourse(pipeline: Pipeline) -> None:
    text = "Le Brésil a condamné les frappes russes en Ukraine. Le Brésil exige un cessez-le-feu immédiat."
    coded = _coded(_run(pipeline, text))
    assert ("195", "RUS", "UKR", "asserted") in coded  # "russes", whatever the tagger calls it
    assert ("107", "BRA", None, "asserted") in coded


@pytest.mark.model
def test_ones_interlocutor_is_the_party_one_was_last_dealing_with(pipeline: Pipeline) -> None:
    met = "Le président américain Joe Biden a reçu lundi à Washington le Premier ministre irakien."
    urged = _run(pipeline, met + " Selon la Maison Blanche, M. Biden a exhorté son interlocuteur à voter.")
    assert ("020", "USA", "IRQ", "reported") in _coded(urged)
    # (a common noun that is no partner stays unresolved: who "le gouvernement" is is not guessed)
    plain = _run(pipeline, met + " M. Biden a exhorté le gouvernement à voter.")
    assert ("020", "USA", None, "asserted") in _coded(plain)


@pytest.mark.model
def test_praise_of_people_named_by_a_common_noun_is_not_aimed_at_the_counterpart(pipeline: Pipeline) -> None:
    expelled = "Le Chili a expulsé des diplomates boliviens. "
    thing = _run(pipeline, expelled + "Le président chilien a salué une décision courageuse.")
    assert [e.target for e in thing.events if e.code == "051"] == ["BOL"]
    people = _run(pipeline, expelled + "Le président chilien a salué le courage des policiers.")
    assert [e.target for e in people.events if e.code == "051"] == [None]


@pytest.mark.model
def test_a_party_a_statement_only_spoke_of_is_not_the_discourses_counterpart(pipeline: Pipeline) -> None:
    text = (
        "Le Premier ministre arménien a déclaré que l'Arménie ne suivrait pas un scénario ukrainien. "
        "Il a ensuite refusé de revenir sur sa décision."
    )
    coded = _coded(_run(pipeline, text))
    assert ("010", "ARM", "UKR", "asserted") in coded  # the statement is about Ukraine
    assert ("120", "ARM", None, "asserted") in coded  # the refusal is not aimed at it


@pytest.mark.model
def test_a_relative_clauses_negation_stays_in_it(pipeline: Pipeline) -> None:
    text = "Le président colombien, qui n'a pas reconnu la réélection de M. Maduro, réclame une enquête."
    assert any(
        code.startswith("10") and source == "COL" and modality == "asserted"
        for code, source, _, modality in _coded(_run(pipeline, text))
    )


@pytest.mark.model
def test_two_verbs_joined_by_et_have_one_source_however_parsed(pipeline: Pipeline) -> None:
    text = "La ministre canadienne a dénoncé une attaque « barbare » et exigé que les coupables soient punis."
    coded = _coded(_run(pipeline, text))
    assert {("111", "CAN", None, "asserted"), ("100", "CAN", None, "asserted")} <= coded


@pytest.mark.model
def test_a_plain_statement_is_aimed_at_the_first_other_actor_it_names(pipeline: Pipeline) -> None:
    said = _run(pipeline, "Le ministre polonais a estimé que les relations avec l'Ukraine restaient solides.")
    assert ("010", "POL", "UKR", "asserted") in _coded(said)
    quoted = _run(pipeline, "« Cette mission aidera la police haïtienne », a dit la diplomate américaine.")
    assert ("010", "USA", "HTI", "asserted") in _coded(quoted)  # a nationality adjective counts


@pytest.mark.model
def test_a_statement_about_the_speakers_own_side_has_no_target(pipeline: Pipeline) -> None:
    own_country = _run(
        pipeline,
        "Le porte-parole du ministère iranien des Affaires étrangères, Ali Karimi, a affirmé que "
        "l'Iran restait prudent.",
    )
    assert ("010", "IRN", None, "asserted") in _coded(own_country)
    assert {e.name: e.country for e in own_country.entities}["Ali Karimi"] == "IRN"  # by his ministry
    own_organization = _run(pipeline, "António Guterres a déclaré que l'ONU était prête à aider.")
    assert [e.target for e in own_organization.events if e.code == "010"] == [None]


@pytest.mark.model
def test_a_verb_of_saying_after_sans_is_no_incise(pipeline: Pipeline) -> None:
    text = "Le ministre a été reçu par le président, a indiqué la présidence turque sans en préciser la date."
    assert ("010", "TUR", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_what_a_negated_judgement_is_about_still_happened(pipeline: Pipeline) -> None:
    coded = _coded(_run(pipeline, "Le Brésil ne condamne pas l'offensive russe."))
    assert {("111", "BRA", "RUS", "negated"), ("190", "RUS", None, "asserted")} <= coded


@pytest.mark.model
def test_a_statement_that_only_reports_its_speakers_verbal_act_is_that_act(pipeline: Pipeline) -> None:
    text = "« Nous sommes prêts à livrer du gaz à la Serbie », a assuré le ministre russe de l'Energie."
    coded = _coded(_run(pipeline, text))
    assert ("030", "RUS", "SRB", "reported") in coded
    assert not any(code == "010" for code, _, _, _ in coded)
    # So is a statement whose verb the act completes: "s'est dit optimiste" is optimism (013).
    coded = _coded(_run(pipeline, "Le Premier ministre libanais s'est dit prudemment optimiste."))
    assert coded == {("013", "LBN", None, "asserted")}
    # (also when the parser takes the adjective for the verb's object)
    coded = _coded(_run(pipeline, "Moscou, longtemps médiateur, s'est dit prêt à soutenir la trêve."))
    assert coded == {("030", "RUS", None, "asserted")}


@pytest.mark.model
def test_an_incise_without_quotation_marks_says_the_clause_before_it(pipeline: Pipeline) -> None:
    text = "La Chine ne remet pas en cause les contrats, a précisé le porte-parole du gouvernement polonais."
    assert ("010", "POL", "CHN", "asserted") in _coded(_run(pipeline, text))
    # Also when the parser hangs the incise as an adverbial clause with its subject as object.
    text = (
        "Les représentants de l'armée malienne et des rebelles touareg ont signé samedi à Alger un "
        "accord de trêve de sept jours, qui doit entrer en vigueur lundi soir, ont annoncé "
        "conjointement l'Algérie et la France."
    )
    assert {("010", "DZA", "MLI", "asserted"), ("010", "FRA", "MLI", "asserted")} <= _coded(
        _run(pipeline, text)
    )


@pytest.mark.model
def test_a_group_described_not_named_is_the_group_named_last(pipeline: Pipeline) -> None:
    text = "Le Hamas a libéré dix otages. Le mouvement islamiste exige un retrait israélien complet."
    assert ("106", "PSE", "ISR", "asserted") in _coded(_run(pipeline, text))
    bloc = "Les Occidentaux ont critiqué le sommet. Le groupe revendique 45 % de la population mondiale."
    assert not any(code == "015" for code, _, _, _ in _coded(_run(pipeline, bloc)))  # a bloc is no group


@pytest.mark.model
def test_a_refused_act_is_the_refusal_aimed_at_its_target(pipeline: Pipeline) -> None:
    coded = _coded(_run(pipeline, "Le Niger a refusé de recevoir une délégation de la Cédéao."))
    assert coded == {("125", "NER", "ecowas", "asserted")}  # rejects the meeting; no negated 043 besides


@pytest.mark.model
def test_a_complement_of_another_complement_is_not_the_nouns_source(pipeline: Pipeline) -> None:
    text = "Interrogé sur une éventuelle aide au programme spatial de Pyongyang, le président russe a souri."
    assert not any(source == "PRK" for _, source, _, _ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_criticism_with_no_actor_is_coded_only_from_a_clauses_verb(pipeline: Pipeline) -> None:
    text = "Les garde-côtes détiennent des étrangers accusés d'intrusion. Le Kremlin a rejeté ces critiques."
    assert not any(code.startswith("11") for code, _, _, _ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_an_announcement_is_a_statement_whatever_its_words_tone(pipeline: Pipeline) -> None:
    text = "Les Etats-Unis ont annoncé la suspension de leur partenariat stratégique avec la Géorgie."
    assert ("010", "USA", "GEO", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_who_speaks_together_is_not_the_statements_target(pipeline: Pipeline) -> None:
    text = "New Delhi et Pékin ont annoncé mardi un accord sur la surveillance de leur frontière commune."
    coded = _coded(_run(pipeline, text))
    # Both speak, however the parser hangs "Pékin" ("New" heads the subject), and neither is
    # the other's addressee.
    assert {("010", "IND", None, "asserted"), ("010", "CHN", None, "asserted")} <= coded
    assert not any(code == "010" and target in ("IND", "CHN") for code, _, target, _ in coded)


@pytest.mark.model
def test_calling_a_leader_a_dictator_is_criticism(pipeline: Pipeline) -> None:
    text = "Le président argentin qualifie le dirigeant vénézuélien de dictateur."
    assert ("111", "ARG", "VEN", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_participle_of_appeal_with_nothing_asked_is_a_name_not_an_appeal(pipeline: Pipeline) -> None:
    named = _run(
        pipeline, "Le récif, appelé Ayungin par les Philippins et Ren'ai Jiao par Pékin, est disputé."
    )
    assert not any(code.startswith("02") for code, _, _, _ in _coded(named))
    asked = _run(
        pipeline, "Le ministre serbe, appelé par l'Union européenne à la retenue, a quitté Bruxelles."
    )
    assert ("0256", "eu", "SRB", "asserted") in _coded(asked)
    # (by an agent naming no actor, the appeal has no source, and no name elsewhere is taken for it)
    unnamed = _run(pipeline, "Le ministre, appelé par ses pairs à la retenue, a quitté Paris.")
    assert not any(source for _, source, _, _ in _coded(unnamed))


@pytest.mark.model
def test_a_claim_of_responsibility_is_015_and_a_territorial_claim_is_not(pipeline: Pipeline) -> None:
    claimed = _coded(_run(pipeline, "Les houthistes ont revendiqué la responsabilité de la frappe."))
    assert ("015", "YEM", None, "asserted") in claimed
    territory = _coded(_run(pipeline, "Pékin revendique la quasi-totalité de la mer de Chine méridionale."))
    assert not any(code == "015" for code, _, _, _ in territory)


@pytest.mark.model
def test_a_decision_to_open_talks_is_an_intent_of_who_decides(pipeline: Pipeline) -> None:
    text = "Les dirigeants de l'Union européenne ont décidé jeudi d'ouvrir des négociations avec la Géorgie."
    coded = _coded(_run(pipeline, text))
    assert ("036", "eu", "GEO", "asserted") in coded
    assert not any(code == "046" for code, _, _, _ in coded)  # no talks held yet, either way


@pytest.mark.model
def test_approving_an_agreement_with_another_is_one_sided(pipeline: Pipeline) -> None:
    text = "Le gouvernement colombien a approuvé mardi un accord avec l'Equateur sur la frontière."
    coded = _coded(_run(pipeline, text))
    assert ("057", "COL", "ECU", "asserted") in coded
    assert not any(source == "ECU" for _, source, _, _ in coded)  # Quito has approved nothing yet


@pytest.mark.model
def test_lexicon_entries_of_december_2026_are_coded(
    pipeline: Pipeline,
) -> None:
    armed = _coded(
        _run(pipeline, "Le ministre russe a estimé que les Occidentaux continuaient d'armer Kiev.")
    )
    assert ("072", "the-west", "UKR", "reported") in armed
    seized = _coded(
        _run(pipeline, "Les armes des soldats philippins ont été saisies par les garde-côtes chinois.")
    )
    assert ("1711", "CHN", "PHL", "asserted") in seized
    reconsidered = _coded(_run(pipeline, "Bruxelles pourrait réexaminer le régime de visas des Géorgiens."))
    assert any(code == "014" and source == "eu" for code, source, _, _ in reconsidered)
    extended = _coded(_run(pipeline, "Le Chili et la Bolivie ont prolongé la trêve."))
    assert {("0871", "CHL", "BOL", "asserted"), ("0871", "BOL", "CHL", "asserted")} <= extended
    applied = _coded(
        _run(pipeline, "Ankara, qui n'applique pas les sanctions contre la Russie, a été critiquée.")
    )
    assert ("163", "TUR", "RUS", "negated") in applied
    # A tribute to victims is empathy (018), a tribute to someone's courage praise (051).
    mourned = _coded(_run(pipeline, "La ministre congolaise a rendu hommage aux victimes du conflit."))
    assert ("018", "COD", None, "asserted") in mourned
    praised = _coded(
        _run(pipeline, "Le président français a rendu hommage au courage des soldats ukrainiens.")
    )
    assert ("051", "FRA", "UKR", "asserted") in praised


@pytest.mark.model
def test_a_noun_under_a_support_verb_takes_its_target_from_the_verb(pipeline: Pipeline) -> None:
    coded = _coded(_run(pipeline, "Caracas a adressé un reproche sévère à Buenos Aires."))
    assert ("111", "VEN", "ARG", "asserted") in coded


@pytest.mark.model
def test_an_act_that_a_passive_subject_is_targeted_by_is_done_to_that_subject(pipeline: Pipeline) -> None:
    text = "Le Niger est visé depuis juillet par de lourdes sanctions décidées par la Cédéao."
    assert ("163", "ecowas", "NER", "asserted") in _coded(_run(pipeline, text))
    # Not so for what merely surprised it.
    text = "Le ministre a nié que l'Iran ait été pris de court par l'offensive des rebelles."
    assert not any(
        code.startswith("19") and target == "IRN" for code, _, target, _ in _coded(_run(pipeline, text))
    )


@pytest.mark.model
def test_an_organization_described_is_the_one_the_article_names_most(pipeline: Pipeline) -> None:
    text = (
        "La Cédéao a réuni ses dirigeants à Abuja. La Cédéao menace le Niger. L'ONU appelle au calme. "
        "Le Niger est visé par des sanctions décidées par l'organisation régionale."
    )
    assert ("163", "ecowas", "NER", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_who_is_heard_doing_something_does_it_as_asserted(pipeline: Pipeline) -> None:
    text = "Les deux ministres ont entendu Donald Trump saluer un accord formidable."
    assert ("051", "USA", None, "asserted") in _coded(_run(pipeline, text))
    # "entendre" with no object is an intent.
    assert ("153", "KEN", None, "planned") in _coded(
        _run(pipeline, "Le Kenya entend déployer des policiers.")
    )


@pytest.mark.model
def test_a_meeting_reported_after_it_was_stated_is_the_same_meeting(pipeline: Pipeline) -> None:
    text = (
        "Vladimir Poutine s'est entretenu mardi avec Kim Jong Un. Selon l'agence KCNA, les deux "
        "dirigeants ont longuement évoqué la coopération spatiale."
    )
    meetings = [e for e in _run(pipeline, text).events if e.root == "04"]
    assert {e.trigger.text for e in meetings} == {"s'est entretenu"}
    assert len(meetings) == 2  # (both ways)


@pytest.mark.model
def test_the_members_of_an_organization_meet_among_themselves(pipeline: Pipeline) -> None:
    members = "Les ministres des Affaires étrangères de l'Otan doivent se réunir mardi à Bruxelles."
    assert _coded(_run(pipeline, members)) == {("040", "nato", None, "planned")}
    # One actor alone meets no one.
    assert not _run(pipeline, "Le ministre turc doit se réunir mardi à Bruxelles.").events


@pytest.mark.model
def test_a_symmetric_act_said_with_no_one_is_between_the_last_parties(pipeline: Pipeline) -> None:
    text = "Vladimir Poutine a reçu Kim Jong-un mercredi. Aucun accord n'a été signé, a affirmé le Kremlin."
    coded = _coded(_run(pipeline, text))
    assert {("057", "RUS", "PRK", "negated"), ("057", "PRK", "RUS", "negated")} <= coded
    # With one party named and no earlier act, nothing to share.
    alone = _coded(_run(pipeline, "Le pacte est signé alors que le Niger reste menacé."))
    assert not any(code == "057" for code, _, _, _ in alone)


@pytest.mark.model
def test_a_person_of_no_known_country_has_no_discourse_counterpart(pipeline: Pipeline) -> None:
    text = (
        "Le Ghana accuse le Togo de soutenir des rebelles. "
        "« Nous ne céderons jamais », a prévenu Kofi Asamoah-Mensah."
    )
    result = _run(pipeline, text)
    (warning,) = [e for e in result.events if e.code.startswith("13")]
    assert warning.target is None  # Ghana's or Togo's man? The text does not say.


@pytest.mark.model
def test_a_statement_denying_a_verbal_act_is_still_a_statement_not_made_to_a_city(pipeline: Pipeline) -> None:
    text = (
        "« Nous ne venons pas ici demander à quiconque de choisir un camp », "
        "a déclaré mercredi à Astana le président français."
    )
    coded = _coded(_run(pipeline, text))
    assert ("010", "FRA", None, "asserted") in coded  # not the appeal it denies, not to Kazakhstan


@pytest.mark.model
def test_not_wishing_to_answer_is_declining_to_comment(pipeline: Pipeline) -> None:
    text = "Interrogé sur les livraisons de drones, le ministre turc n'a pas souhaité répondre."
    assert ("011", "TUR", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_he_in_what_a_verb_reports_is_that_verbs_subject(pipeline: Pipeline) -> None:
    text = (
        "Le ministre égyptien a dénoncé des frappes menées contre des civils "
        "et annoncé qu'il se rendrait jeudi prochain à Ankara."
    )
    coded = _coded(_run(pipeline, text))
    assert ("042", "EGY", "TUR", "reported") in coded
    assert ("010", "EGY", None, "asserted") in coded  # "annoncé" shares "a dénoncé", not "menées"


@pytest.mark.model
def test_what_a_demand_asks_for_is_not_asserted(pipeline: Pipeline) -> None:
    text = "Le chef d'état-major philippin a exigé que la Chine restitue les armes saisies."
    result = _run(pipeline, text)
    assert ("100", "PHL", "CHN", "asserted") in _coded(result)
    asked = [e for e in result.events if e.code != "100"]
    assert asked and all(e.modality == "hypothetical" for e in asked)
    # So is what an appeal urges someone to do; not what it names as being done.
    urged = _coded(
        _run(pipeline, "Donald Trump a exhorté le président syrien à normaliser les relations avec Israël.")
    )
    assert ("050", "SYR", "ISR", "hypothetical") in urged
    stop = _coded(_run(pipeline, "Le Brésil a appelé la Russie à cesser ses frappes contre l'Ukraine."))
    assert ("195", "RUS", "UKR", "asserted") in stop  # ("ses": Russia's, whom the appeal is to)


@pytest.mark.model
def test_a_purpose_parsed_as_qualifying_the_object_is_the_subjects(pipeline: Pipeline) -> None:
    text = "Le ministère philippin a convoqué un diplomate chinois pour protester contre ce nouvel incident."
    coded = _coded(_run(pipeline, text))
    assert ("114", "PHL", "CHN", "asserted") in coded
    assert not any(source == "CHN" for _, source, _, _ in coded)  # the diplomate protests nothing


@pytest.mark.model
def test_an_event_in_a_part_of_the_day_is_dated_by_that_day(pipeline: Pipeline) -> None:
    text = "Le Soudan et le Tchad ont signé samedi soir à Djeddah un accord de trêve."
    result = _run(pipeline, text, date="2023-05-21")  # a Sunday
    (evening,) = (t for t in result.times if "soir" in t.text)
    assert evening.value == "2023-05-20TEV"  # the time expression keeps its evening
    signed = [(e.date, e.date_precision) for e in result.events if e.code == "057"]
    assert signed == [("2023-05-20", "day")] * 2


@pytest.mark.model
def test_representatives_of_two_parties_joined_to_the_noun_act_for_both(pipeline: Pipeline) -> None:
    # "des Forces…" parsed as a conjunct of "représentants", not of "armée".
    text = (
        "Les représentants de l'armée soudanaise et des Forces de soutien rapide (FSR) ont signé "
        "dimanche à Djeddah un accord de trêve de dix jours."
    )
    result = _run(pipeline, text)
    signers = {(e.source, e.target) for e in result.events if e.code == "057"}
    assert signers == {("SDN", "rsf"), ("rsf", "SDN")}


@pytest.mark.model
def test_two_statement_verbs_of_one_speaker_are_two_events_and_a_participle_is_no_incise(
    pipeline: Pipeline,
) -> None:
    text = (
        "Le ministre allemand des Finances a jugé le plan prématuré, tout en assurant que son "
        "gouvernement resterait ouvert à la discussion."
    )
    statements = [e for e in _run(pipeline, text).events if e.code == "010"]
    assert [e.trigger.text for e in statements] == ["a jugé", "assurant"]
    # The gerund says what the speaker adds: it does not make the main verb reported words.
    assert all(e.modality == "asserted" for e in statements)


@pytest.mark.model
def test_a_word_with_a_negated_use_of_its_own_takes_it_only_when_negated(pipeline: Pipeline) -> None:
    declined = _coded(_run(pipeline, "Le ministre irakien du Pétrole n'a pas précisé le calendrier."))
    assert declined == {("011", "IRQ", None, "asserted")}
    said = _coded(_run(pipeline, "Le ministre irakien du Pétrole a précisé le calendrier."))
    assert said == {("010", "IRQ", None, "asserted")}


@pytest.mark.model
def test_coercion_by_no_one_of_no_one_is_coded_only_for_arrests_and_repression(pipeline: Pipeline) -> None:
    arrested = "Plusieurs militants ont été interpellés avant le scrutin."
    assert ("173", None, None, "asserted") in _coded(_run(pipeline, arrested))
    banned = "Le texte interdit le transbordement du gaz dans les ports."
    assert not _run(pipeline, banned).events


@pytest.mark.model
def test_any_such_act_is_hypothetical(pipeline: Pipeline) -> None:
    text = "Le traité s'applique à toute attaque armée de la Chine contre les navires philippins."
    assert ("190", "CHN", "PHL", "hypothetical") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_armed_attack_is_no_attack_by_the_army(pipeline: Pipeline) -> None:
    # "armée", tagged a noun, qualifies "attaque": it names no army (here Manila's, named before).
    text = (
        "Un marin philippin a été blessé, selon l'armée de Manille. Le président Ferdinand Marcos a "
        "toutefois refusé de qualifier l'incident d'attaque armée."
    )
    assert not any(e.code == "190" for e in _run(pipeline, text).events)


@pytest.mark.model
def test_an_object_pronoun_completes_an_entry_with_the_noun_it_stands_for(pipeline: Pipeline) -> None:
    text = (
        "Le différend a commencé après la levée, le samedi 15 mars, de l'embargo européen sur les "
        "vins moldaves. La Roumanie et la Bulgarie l'ont aussitôt prolongé."
    )
    result = _run(pipeline, text)
    assert {("163", "ROU", "MDA", "asserted"), ("163", "BGR", "MDA", "asserted")} <= _coded(result)
    # Done "aussitôt": on the last date named before (the lifting's), not the document's.
    assert {e.date for e in result.events if e.trigger.text == "ont aussitôt prolongé"} == {"2025-03-15"}
    # So too the subject pronoun of a passive, here between the parties of the last agreement.
    text = (
        "L'armée soudanaise et les Forces de soutien rapide ont signé samedi un accord de "
        "cessez-le-feu de sept jours. Il pourra être prolongé si les deux camps le respectent."
    )
    extended = [e for e in _run(pipeline, text).events if e.code == "0871"]
    assert {(e.source, e.target, e.modality) for e in extended} == {
        ("SDN", "rsf", "hypothetical"),
        ("rsf", "SDN", "hypothetical"),
    }
    # (a pronoun standing for no noun of an entry gives nothing: "prolonger" alone is no event)
    assert not _run(pipeline, "Le ministre a présenté le calendrier. Le Parlement l'a prolongé.").events


@pytest.mark.model
def test_a_pejorative_comparison_criticizes_what_is_compared(pipeline: Pipeline) -> None:
    text = "Le président philippin a comparé les garde-côtes chinois à des « pirates »."
    assert ("111", "PHL", "CHN", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_reconnaitre_admits_with_a_clause_acknowledges_with_an_infinitive_and_recognizes_otherwise(
    pipeline: Pipeline,
) -> None:
    admitted = "Le ministre rwandais a reconnu qu'il subsistait de nombreuses incertitudes."
    assert _coded(_run(pipeline, admitted)) == {("012", "RWA", None, "asserted")}
    claimed = _run(pipeline, "Le chef du commando, Milan Radic, a reconnu avoir organisé l'attaque.")
    assert [e.code for e in claimed.events if e.trigger.text == "a reconnu"] == ["015"]
    # A relative clause set off by a comma is no incise, and a finite verb the parser hung on it
    # is no complement clause: "reconnu" keeps its object.
    text = "Le président brésilien, qui n'a pas reconnu la victoire de Nicolas Maduro, réclame un recomptage."
    recognized = [e for e in _run(pipeline, text).events if e.trigger.text == "n'a pas reconnu"]
    assert [(e.code, e.modality) for e in recognized] == [("054", "negated")]


@pytest.mark.model
def test_rejecting_an_accusation_with_ce_que_denies_it_to_the_accuser(pipeline: Pipeline) -> None:
    experts = (
        "Le Burundi a été accusé par des experts de l'Union africaine d'avoir armé des milices, "
        "ce que Gitega a toujours contesté."
    )
    result = _run(pipeline, experts)
    (denial,) = [e for e in result.events if e.trigger.text == "a toujours contesté"]
    assert denial.code == "016" and denial.source == "BDI" and denial.target == "african-union"
    # (the parser hangs "ce" on "milices": the clause it sums up is still the accusation's)
    accused = "Le Burundi a été accusé par le Rwanda d'avoir armé des milices, ce que Gitega a démenti."
    assert ("016", "BDI", "RWA", "asserted") in _coded(_run(pipeline, accused))


@pytest.mark.model
def test_a_speech_verb_marked_clause_reports_words_only_with_a_clause_or_as_an_incise(
    pipeline: Pipeline,
) -> None:
    holds = "Le président nigérian, qui assure la présidence de la Cédéao, a reçu son homologue béninois."
    assert not any(e.code == "010" for e in _run(pipeline, holds).events)
    launched = "L'appel à l'aide lancé par le Premier ministre haïtien est resté sans réponse."
    assert not any(e.code == "010" for e in _run(pipeline, launched).events)
    said = "« Le monde change », a lancé le président russe devant ses homologues chinois et indien."
    assert ("010", "RUS", None, "asserted") in _coded(_run(pipeline, said))
    # ("« … », a assuré le ministre": the parser may take the incise's subject for an object)
    incise = "« Nous poursuivrons nos efforts », a assuré jeudi le ministre nigérian des Affaires étrangères."
    assert ("010", "NGA", None, "asserted") in _coded(_run(pipeline, incise))


@pytest.mark.model
def test_a_statement_that_quotes_a_fragment_is_about_all_it_says(pipeline: Pipeline) -> None:
    # The parser hangs "que" on "jugé" and leaves the clause apart; the quotation is one word of
    # it, and the incise after it says the whole sentence before it.
    text = (
        "Ottawa a jugé hier que les preuves d'une victoire de M. Gonzalez Urrutia étaient "
        "« écrasantes », a déclaré la ministre canadienne Mélanie Joly."
    )
    result = _run(pipeline, text)
    statements = [e for e in result.events if e.code == "010"]
    assert {e.trigger.text for e in statements} == {"a jugé", "a déclaré"}
    named = {e.target for e in statements}
    assert len(named) == 1 and "gonzalez" in str(named.pop())


@pytest.mark.model
def test_a_role_right_before_a_verb_left_without_subject_is_its_subject(pipeline: Pipeline) -> None:
    # The parser hangs "le chef de l'Etat russe" on "programme", and "répondu" on "Interrogé".
    text = (
        "Interrogé sur une éventuelle aide au programme spatial de Pyongyang, le chef de l'Etat "
        "russe a répondu que les deux pays coopéraient déjà."
    )
    assert ("010", "RUS", None, "asserted") in _coded(_run(pipeline, text))
    # Not when the verb has a subject of its own that names no actor.
    text = "Toute coopération militaire avec Pyongyang violerait les résolutions de l'ONU."
    assert not any(e.source for e in _run(pipeline, text).events)
    # Unless the names stand apart after a comma: the parser takes "étape" for the subject and
    # joins the two leaders to "caravanes"; both are the subject.
    text = (
        "A Astana, ancienne étape des caravanes de la steppe, MM. Erdogan et Tokaïev ont évoqué "
        "la coopération énergétique."
    )
    talks = {("040", "TUR", "KAZ", "asserted"), ("040", "KAZ", "TUR", "asserted")}
    assert talks <= _coded(_run(pipeline, text))
    # A subject that names no actor is not replaced by a name further left, past a comma.
    text = "A Erevan, des milliers de manifestants ont réclamé la démission du Premier ministre."
    assert not any(e.source for e in _run(pipeline, text).events)


@pytest.mark.model
def test_an_incise_closing_the_sentence_parsed_as_a_relative_clause_says_the_sentence(
    pipeline: Pipeline,
) -> None:
    # The parser hangs "a annoncé" on "contrat" as a relative clause without relative word.
    text = (
        "L'Inde a signé lundi avec la France un contrat portant sur l'achat de 26 avions de combat "
        "Rafale Marine, destinés à son porte-avions, pour un montant d'environ 630 milliards de "
        "roupies, soit plus de 6,5 milliards d'euros, a annoncé le ministère indien de la Défense."
    )
    coded = _coded(_run(pipeline, text))
    assert ("010", "IND", "FRA", "asserted") in coded
    assert ("057", "IND", "FRA", "reported") in coded


@pytest.mark.model
def test_an_act_named_again_by_a_noun_without_target_is_not_coded_twice(pipeline: Pipeline) -> None:
    text = (
        "La Russie poursuit son offensive contre l'Ukraine depuis février 2022. Le communiqué "
        "final ne condamne pas l'offensive russe."
    )
    result = _run(pipeline, text)
    country = _countries(result)
    force = [
        (country.get(e.source or ""), country.get(e.target or "")) for e in result.events if e.root == "19"
    ]
    assert force == [("RUS", "UKR")]


@pytest.mark.model
def test_a_text_says_what_its_authors_say_and_a_movement_breaking_out_is_a_protest(
    pipeline: Pipeline,
) -> None:
    text = (
        "Le Conseil de sécurité de l'ONU a adopté lundi une résolution exigeant un cessez-le-feu au Soudan."
    )
    demands = [e for e in _run(pipeline, text).events if e.code == "107"]
    assert [e.source for e in demands] == ["un-security-council"]
    text = "Un vaste mouvement a éclaté jeudi soir dans la capitale géorgienne."
    assert ("141", None, None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_unnamed_person_stands_for_no_one(pipeline: Pipeline) -> None:
    # (an institution named by a common noun and an adjective stands for its country, a person not)
    text = "La Pologne a obtenu un délai supplémentaire, a indiqué un diplomate européen."
    assert not any(e.source == "eu" for e in _run(pipeline, text).events)
    # What such a person says is a statement with no source, about what its words name.
    assert ("010", None, "POL", "asserted") in _coded(_run(pipeline, text))
    text = "L'opposition assure que ses propres résultats donnent la victoire à son candidat."
    assert _coded(_run(pipeline, text)) == {("010", None, None, "asserted")}
    # (not a participle: "annoncés par la commission" qualifies the results; not a text)
    text = "Les résultats annoncés lundi par la commission électorale donnent 71 % de oui."
    assert not _run(pipeline, text).events
    text = "Le rapport compare les prix de l'énergie en Europe et aux Etats-Unis."
    assert not _run(pipeline, text).events
    text = "Le ministère polonais a annoncé un délai supplémentaire."
    assert ("010", "POL", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_releasing_aid_is_aid_of_its_kind_even_with_no_recipient_named(pipeline: Pipeline) -> None:
    text = "L'Union européenne a débloqué une aide humanitaire de 12 millions d'euros."
    assert _coded(_run(pipeline, text)) == {("073", "eu", None, "asserted")}


@pytest.mark.model
def test_an_act_joined_to_a_meeting_is_aimed_at_the_meetings_partner(pipeline: Pipeline) -> None:
    text = (
        "Le ministre japonais des Affaires étrangères s'est entretenu avec son homologue indien "
        "et a réaffirmé l'engagement japonais."
    )
    assert ("030", "JPN", "IND", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_what_one_lets_be_done_to_oneself_is_not_ones_act(pipeline: Pipeline) -> None:
    text = "« Nous ne nous laisserons pas intimider », a déclaré le porte-parole du gouvernement philippin."
    coded = _coded(_run(pipeline, text))
    assert not any(code.startswith("13") for code, _, _, _ in coded)  # no threat by the Philippines
    assert ("010", "PHL", None, "asserted") in coded


@pytest.mark.model
def test_a_further_word_is_found_through_a_quantity_and_in_a_passives_object(pipeline: Pipeline) -> None:
    text = "Le Japon a débloqué mardi 30 millions de dollars d'aide humanitaire pour le Soudan."
    assert _coded(_run(pipeline, text)) == {("073", "JPN", "SDN", "asserted")}
    text = "Les diplomates français ont quitté le Niger samedi, expulsés par Niamey."
    assert ("166", "NER", "FRA", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_statement_that_condemns_unnamed_acts_is_a_criticism(pipeline: Pipeline) -> None:
    text = "Le ministre indien a qualifié ces frappes d'« insensées »."
    assert ("111", "IND", None, "asserted") in _coded(_run(pipeline, text))
    # A criticism cue under negation says none ("ne menaçait pas").
    text = "Le ministre hongrois a assuré que le texte ne menaçait pas l'approvisionnement du pays."
    assert ("010", "HUN", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_subject_hung_on_a_detached_participle_is_the_verbs(pipeline: Pipeline) -> None:
    text = "Le président sud-africain, arrivé la veille en avion, a assuré Kiev de son soutien."
    assert ("051", "ZAF", "UKR", "asserted") in _coded(_run(pipeline, text))
    # (not the subject of a participle with its own auxiliary, inside a quotation)
    text = "« Le Brésil a toujours défendu la paix », a affirmé le ministre chinois."
    assert ("010", "CHN", "BRA", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_recognition_is_of_who_the_recognized_thing_belongs_to(pipeline: Pipeline) -> None:
    text = "Le président brésilien n'a pas reconnu la victoire de Nicolas Maduro."
    assert ("054", "BRA", "VEN", "negated") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_judgement_of_people_named_by_a_common_noun_is_aimed_at_no_one(pipeline: Pipeline) -> None:
    text = (
        "La Géorgie a suspendu ses négociations avec l'Union européenne. "
        "Le Premier ministre géorgien a accusé l'opposition de préparer des violences."
    )
    assert ("112", "GEO", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_judged_act_is_aimed_at_its_author_not_at_who_else_its_phrase_names(pipeline: Pipeline) -> None:
    text = (
        "Les Etats-Unis ont bombardé des positions rebelles au Yémen. "
        "L'Iran a condamné ces frappes comme une violation de la souveraineté du Yémen."
    )
    coded = _coded(_run(pipeline, text))
    assert ("111", "IRN", "USA", "asserted") in coded
    assert ("111", "IRN", "YEM", "asserted") not in coded


@pytest.mark.model
def test_an_attribute_of_the_object_is_said_of_the_object(pipeline: Pipeline) -> None:
    text = "Le Brésil avait jugé le projet de résolution trop favorable à l'Ukraine."
    coded = _coded(_run(pipeline, text))
    assert not any(code == "051" and source == "BRA" for code, source, _, _ in coded)
    text = "Le Kenya s'est dit prêt à coopérer avec Haïti."
    assert ("030", "KEN", "HTI", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_judgement_of_an_act_is_aimed_at_its_author_over_names_within_it(pipeline: Pipeline) -> None:
    text = "Le président kazakh a refusé de reconnaître l'annexion de régions géorgiennes par la Russie."
    coded = _coded(_run(pipeline, text))
    assert ("120", "KAZ", "RUS", "asserted") in coded
    assert ("120", "KAZ", "GEO", "asserted") not in coded


@pytest.mark.model
def test_a_promised_clause_is_a_reported_event_of_its_own(pipeline: Pipeline) -> None:
    text = (
        "L'Arménie a bombardé trois villages en Azerbaïdjan. "
        "Le président azerbaïdjanais a promis que son pays riposterait bientôt."
    )
    coded = _coded(_run(pipeline, text))
    assert ("138", "AZE", "ARM", "asserted") in coded
    assert ("190", "AZE", "ARM", "reported") in coded
    # (an infinitive is the promise's own word: "a promis de riposter" is one event)
    text = "L'Arménie a bombardé trois villages en Azerbaïdjan. Bakou a promis de riposter."
    assert not any(code == "190" and source == "AZE" for code, source, _, _ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_a_warning_that_threatens_no_act_is_a_pessimistic_comment(pipeline: Pipeline) -> None:
    text = "« Personne n'a rien à gagner à une guerre des tarifs », a averti le ministre italien."
    assert ("130", "ITA", None, "asserted") in _coded(_run(pipeline, text))  # (war named)
    text = "Le Programme alimentaire mondial a averti qu'une sécheresse pourrait toucher le pays d'ici juin."
    assert ("012", "wfp", None, "asserted") in _coded(_run(pipeline, text))
    # What the speaker's side would do, or an act of anyone's, is a threat.
    text = (
        "Les Etats-Unis ont frappé des cibles au Yémen."
        " Le président américain a averti qu'il n'hésiterait pas."
    )
    assert ("130", "USA", "YEM", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_incise_says_all_its_sentence_says_before_it(pipeline: Pipeline) -> None:
    text = (
        "Tokyo pourrait imposer de nouvelles sanctions si un accord militaire était conclu,"
        " a averti le porte-parole du gouvernement japonais."
    )
    coded = _coded(_run(pipeline, text))
    assert ("130", "JPN", None, "asserted") in coded
    assert ("163", "JPN", None, "hypothetical") in coded or ("163", "JPN", None, "reported") in coded


@pytest.mark.model
def test_an_order_is_a_demand_of_whom_it_addresses_who_then_does_what_is_ordered(pipeline: Pipeline) -> None:
    text = "L'Union africaine a ordonné à l'Ethiopie de retirer ses troupes."
    coded = _coded(_run(pipeline, text))
    assert ("100", "african-union", "ETH", "asserted") in coded
    assert ("0874", "ETH", None, "hypothetical") in coded
    # (not a place deep in what is ordered: no one there is asked anything)
    text = (
        "Les dirigeants de l'Union africaine ont ordonné l'envoi d'une force"
        " en vue d'un retour au calme au Soudan."
    )
    assert not any(code == "100" for code, _, _, _ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_missiles_fired_at_no_one_named_are_a_show_of_force(pipeline: Pipeline) -> None:
    text = "La Corée du Nord a tiré trois missiles balistiques en mer de Chine orientale."
    assert ("150", "PRK", None, "asserted") in _coded(_run(pipeline, text))
    text = "La Russie a tiré des missiles sur Kiev dans la nuit."
    assert ("195", "RUS", "UKR", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_incise_within_a_quotation_is_not_what_the_quotation_says(pipeline: Pipeline) -> None:
    text = (
        "« Nous ne tolérerons aucune violence, a déclaré le président de la Commission de l'Union"
        " africaine, mais le dialogue reste ouvert. »"
    )
    (statement,) = [e for e in _run(pipeline, text).events if e.code.startswith("01")]
    assert statement.target is None  # (not the Union his title names)


@pytest.mark.model
def test_some_european_capitals_are_not_the_european_union(pipeline: Pipeline) -> None:
    text = (
        "Belgrade, qui n'applique pas les sanctions contre Moscou, a été accusée par plusieurs"
        " capitales européennes de favoriser la Russie, ce que le gouvernement serbe a toujours démenti."
    )
    coded = _coded(_run(pipeline, text))
    assert ("112", None, "SRB", "asserted") in coded  # (an agent naming no actor: no source at all)
    text = "L'embargo européen sur le pétrole russe est entré en vigueur."
    assert ("163", "eu", "RUS", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_speaking_somewhere_with_nothing_said_is_no_statement(pipeline: Pipeline) -> None:
    text = "Le ministre espagnol s'exprimait à Madrid, en marge d'une réunion de l'Otan."
    assert not any(code.startswith("01") for code, _, _, _ in _coded(_run(pipeline, text)))
    text = "« Nous resterons unis », s'est exprimé le ministre espagnol."
    assert ("010", "ESP", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_what_a_judgement_noun_has_after_de_is_what_is_judged(pipeline: Pipeline) -> None:
    text = "La condamnation par le Japon de l'invasion russe a irrité Moscou."
    assert ("111", "JPN", "RUS", "asserted") in _coded(_run(pipeline, text))
    text = "Après la contestation de la réélection de Nicolas Maduro, Caracas a rappelé ses diplomates."
    assert ("110", None, "VEN", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_attack_strikes_where_its_participle_says_but_not_a_sea(pipeline: Pipeline) -> None:
    text = "Une attaque menée dimanche dans le nord du Kosovo a fait un mort."
    assert ("190", None, "XKX", "asserted") in _coded(_run(pipeline, text))
    text = "La Corée du Nord a mené des frappes en mer de Chine orientale."
    assert not any(target == "east-china-sea" for _, _, target, _ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_an_institution_named_after_a_fronted_place_is_that_places_countrys(pipeline: Pipeline) -> None:
    text = (
        "Le Japon et la Chine ont signé un accord. "
        "A Séoul, le ministère des Affaires étrangères a rappelé que toute coopération militaire"
        " avec Pékin violerait les engagements de Tokyo."
    )
    assert ("010", "KOR", "CHN", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_inquiry_is_a_criminal_one_only_when_the_text_says_so(pipeline: Pipeline) -> None:
    text = "La Chine a ouvert mardi une enquête antidumping sur le porc européen."
    assert ("090", "CHN", "eu", "asserted") in _coded(_run(pipeline, text))
    text = "Le Kenya a ouvert une enquête pénale contre le Premier ministre ougandais."
    assert ("091", "KEN", "UGA", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_statement_of_hope_or_worry_is_an_optimistic_or_pessimistic_comment(pipeline: Pipeline) -> None:
    text = "Le porte-parole du gouvernement japonais a dit suivre la situation avec inquiétude."
    assert ("012", "JPN", None, "asserted") in _coded(_run(pipeline, text))
    text = "« C'est une lueur d'espoir pour tout un peuple », a réagi le ministre haïtien."
    assert ("013", "HTI", None, "asserted") in _coded(_run(pipeline, text))
    # (praise or criticism comes first)
    text = "« La Turquie est un partenaire fiable, et nous avons bon espoir », a déclaré le ministre russe."
    assert ("051", "RUS", "TUR", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_organization_that_calls_itself_national_is_of_the_articles_country(pipeline: Pipeline) -> None:
    text = (
        "Le Mexique a voté dimanche. L'Institut national électoral a annoncé la victoire de"
        " Claudia Sheinbaum. Le président mexicain a salué un résultat « historique »."
    )
    events = _run(pipeline, text).events
    (announcement,) = [e for e in events if e.code == "010"]
    assert announcement.target is None  # (a Mexican body speaking of a Mexican: its own side)
    assert all(e.target != "org:institut-national-electoral" for e in events)


@pytest.mark.model
def test_force_used_by_protesters_is_a_riot(pipeline: Pipeline) -> None:
    text = "Des centaines de manifestants ont envahi le Parlement géorgien mardi."
    assert ("145", None, "GEO", "asserted") in _coded(_run(pipeline, text))
    text = "L'armée russe a envahi l'Ukraine en février 2022."
    assert ("190", "RUS", "UKR", "asserted") in _coded(_run(pipeline, text))
    # Protesters who demand demonstrate (141), against whom they demand it of.
    text = "A Tbilissi, des milliers de manifestants ont réclamé la démission du Premier ministre géorgien."
    assert ("141", None, "GEO", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_an_appeal_for_aid_is_coded_with_its_author_from_the_participle(pipeline: Pipeline) -> None:
    text = "L'appel à l'aide lancé par le gouvernement haïtien est resté sans réponse."
    assert ("023", "HTI", None, "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_boarding_a_ship_is_seizing_property(pipeline: Pipeline) -> None:
    text = "L'abordage de bateaux philippins par les garde-côtes chinois a provoqué la colère de Manille."
    assert ("171", "CHN", "PHL", "asserted") in _coded(_run(pipeline, text))
    text = "Les garde-côtes chinois ont arraisonné un navire vietnamien."
    assert ("171", "CHN", "VNM", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_a_warning_given_together_is_not_aimed_at_a_fellow_speaker(pipeline: Pipeline) -> None:
    text = (
        "Le Mali et le Burkina Faso ont signé un pacte de défense. "
        "Bamako et Ouagadougou ont averti qu'une attaque contre l'un d'eux serait une déclaration de guerre."
    )
    coded = _coded(_run(pipeline, text))
    assert ("130", "BFA", "MLI", "asserted") not in coded
    assert ("130", "MLI", "BFA", "asserted") not in coded


@pytest.mark.model
def test_what_is_not_said_is_no_statement(pipeline: Pipeline) -> None:
    # "sans préciser": nothing was said.
    text = "Le ministre chinois a promis une riposte, sans en préciser la forme."
    assert not any(code == "010" for code, *_ in _coded(_run(pipeline, text)))
    # Words a quotation reports of others are the speaker's, not a statement of theirs.
    text = "« Nous avons entendu ce que les Maliens ont dit », a déclaré le président sénégalais."
    coded = _coded(_run(pipeline, text))
    assert not any(source == "MLI" for _, source, _, _ in coded)
    assert any(code == "010" and source == "SEN" for code, source, _, _ in coded)
    # A relative clause has its subject: the noun after its verb is its object.
    text = "Budapest a bloqué le budget de l'Union, qui exigeait l'accord des Vingt-Sept."
    assert not any(code == "100" for code, *_ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_a_refusal_of_an_act_takes_no_target_from_the_discourse(pipeline: Pipeline) -> None:
    text = (
        "Le Chili a expulsé des diplomates boliviens. "
        "La Bolivie a dénoncé une décision arbitraire. "
        "Le ministre bolivien a refusé de s'engager sur un calendrier."
    )
    coded = _coded(_run(pipeline, text))
    assert ("111", "BOL", "CHL", "asserted") in coded  # (a criticism is aimed at the counterpart)
    assert ("120", "BOL", None, "asserted") in coded
    assert ("120", "BOL", "CHL", "asserted") not in coded


@pytest.mark.model
def test_a_toll_is_no_event_and_the_attack_is(pipeline: Pipeline) -> None:
    text = "Plus de 300 civils ont été tués au Soudan depuis janvier."
    assert not any(code.startswith("18") for code, *_ in _coded(_run(pipeline, text)))
    text = (
        "Deux soldats maliens ont été tués lundi lors d'une attaque menée par des hommes armés "
        "près d'un poste frontière, dans le centre du Mali."
    )
    coded = _coded(_run(pipeline, text))
    assert ("190", None, "MLI", "asserted") in coded
    assert not any(code.startswith("18") for code, *_ in coded)


@pytest.mark.model
def test_a_fronted_participle_and_lui_find_the_names_a_misparse_hides(pipeline: Pipeline) -> None:
    # The parser hangs "M. Erdogan" on the host's name: the name before the main verb is whom
    # the participle receives, and "lui" is the other person the sentence named.
    text = (
        "Accueilli mardi par le président Kassym-Jomart Tokaïev, "
        "M. Erdogan lui a transmis un message de son gouvernement."
    )
    coded = _coded(_run(pipeline, text, "2024-02"))
    assert ("043", "KAZ", "TUR", "asserted") in coded
    assert ("010", "TUR", "KAZ", "asserted") in coded


@pytest.mark.model
def test_an_order_to_ones_own_forces_is_no_demand(pipeline: Pipeline) -> None:
    text = "Le président azerbaïdjanais a ordonné à l'armée de se retirer des hauteurs."
    assert not any(code.startswith("10") for code, *_ in _coded(_run(pipeline, text)))
    text = "Le Conseil de sécurité a ordonné à l'armée soudanaise de cesser ses frappes."
    assert any(
        code.startswith("10") and target == "SDN" for code, _, target, _ in _coded(_run(pipeline, text))
    )


@pytest.mark.model
def test_a_conditional_warning_names_no_one_to_aim_at(pipeline: Pipeline) -> None:
    lead = "Le Chili a expulsé des diplomates boliviens. "
    text = lead + "La Bolivie a averti qu'elle pourrait rompre ses relations si la crise s'aggravait."
    coded = _coded(_run(pipeline, text))
    assert ("130", "BOL", None, "asserted") in coded
    text = lead + "La Bolivie a averti qu'elle pourrait rompre ses relations."
    assert ("130", "BOL", "CHL", "asserted") in _coded(_run(pipeline, text))


@pytest.mark.model
def test_condemning_an_attack_by_no_one_named_aims_at_no_one(pipeline: Pipeline) -> None:
    text = (
        "La Serbie a déployé des troupes près du Kosovo. "
        "Un soldat a été blessé lors d'une attaque menée par des hommes armés, dans le nord du Kosovo. "
        "Le Royaume-Uni a condamné une attaque lâche."
    )
    coded = _coded(_run(pipeline, text))
    assert ("111", "GBR", None, "asserted") in coded


@pytest.mark.model
def test_a_bare_participle_is_no_incise(pipeline: Pipeline) -> None:
    # "jugé" qualifies the group before it: no one after it is its subject.
    text = (
        "Les tarifs frappent surtout le groupe SAIC, jugé peu coopératif pendant l'enquête, "
        "tandis que l'allemand Volkswagen paiera moins."
    )
    assert not any(code == "010" for code, *_ in _coded(_run(pipeline, text, "2024-10")))


@pytest.mark.model
def test_who_would_do_what_one_is_threatened_with_threatens(pipeline: Pipeline) -> None:
    text = "Le Gabon reste menacé de sanctions de l'Union africaine."
    coded = _coded(_run(pipeline, text, "2023-09"))
    assert any(code.startswith("131") and target == "GAB" for code, _, target, _ in coded)
    assert all(source is not None for code, source, _, _ in coded if code.startswith("13"))
    text = "Le Mali est menacé d'une intervention de la Cédéao."
    assert any(
        code == "138" and target == "MLI" for code, _, target, _ in _coded(_run(pipeline, text, "2023-09"))
    )
    # Not so for what one is accused of: no accusation by Russia.
    text = "Le ministre géorgien a été accusé d'ingérence russe."
    assert ("112", None, "GEO", "asserted") in _coded(_run(pipeline, text, "2024-11"))


@pytest.mark.model
def test_a_deadline_to_leave_is_an_expulsion_of_each_country_listed(pipeline: Pipeline) -> None:
    text = "Le Niger a donné quarante-huit heures à l'ambassadeur de France pour quitter le pays."
    assert ("166", "NER", "FRA", "asserted") in _coded(_run(pipeline, text, "2023-08"))
    text = (
        "Bamako a donné sept jours aux diplomates de trois pays européens, "
        "dont la France et l'Allemagne, pour quitter le territoire."
    )
    coded = _coded(_run(pipeline, text, "2023-08"))
    assert {("166", "MLI", "FRA", "asserted"), ("166", "MLI", "DEU", "asserted")} <= coded


@pytest.mark.model
def test_an_act_named_by_a_noun_without_whom_it_concerns_is_not_coded(pipeline: Pipeline) -> None:
    text = "Les exportations restent entravées par les sanctions occidentales."
    assert not any(code.startswith("16") for code, *_ in _coded(_run(pipeline, text)))
    text = "Moscou a dénoncé les sanctions occidentales contre la Russie."
    assert any(
        code.startswith("16") and target == "RUS" for code, _, target, _ in _coded(_run(pipeline, text))
    )


@pytest.mark.model
def test_force_that_names_no_target_strikes_where_the_article_takes_place(pipeline: Pipeline) -> None:
    text = (
        "Le Soudan s'enfonce dans la crise. "
        "Les paramilitaires accusent l'armée de bombarder des quartiers résidentiels."
    )
    assert ("195", "SDN", "SDN", "asserted") in _coded(_run(pipeline, text))
    # Not where the act is only told from, by the country or one of its people.
    text = "La France a reçu le président ukrainien. Le président français a condamné les frappes russes."
    assert not any(
        code.startswith("19") and target == "FRA" for code, _, target, _ in _coded(_run(pipeline, text))
    )
    # A country named as such does not strike itself; a reply strikes who struck first.
    text = "La Russie poursuivra son offensive, a prévenu le ministre ukrainien. L'Ukraine résiste."
    assert not any(
        code.startswith("19") and target == "RUS" for code, _, target, _ in _coded(_run(pipeline, text))
    )


@pytest.mark.model
def test_judging_a_situation_badly_is_a_worry_not_a_criticism(pipeline: Pipeline) -> None:
    text = "Le président brésilien a jugé la situation « honteuse »."
    coded = _coded(_run(pipeline, text))
    assert ("012", "BRA", None, "asserted") in coded
    assert not any(code == "111" for code, *_ in coded)


@pytest.mark.model
def test_a_thing_promised_before_is_no_promise(pipeline: Pipeline) -> None:
    text = "Le ministère n'a pas précisé le montant des investissements promis par le groupe français."
    assert not any(code.startswith("03") for code, *_ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_giving_up_an_act_is_that_act_negated(pipeline: Pipeline) -> None:
    coded = _coded(_run(pipeline, "Le président brésilien a renoncé à se rendre en Russie.", "2024-10"))
    assert ("042", "BRA", "RUS", "negated") in coded
    assert not any(code == "080" for code, *_ in coded)
    coded = _coded(_run(pipeline, "Le président kényan a renoncé au projet de loi de finances.", "2024-10"))
    assert ("080", "KEN", None, "asserted") in coded


@pytest.mark.model
def test_insisting_on_the_need_for_something_is_an_appeal(pipeline: Pipeline) -> None:
    text = "Le président sénégalais a insisté sur la nécessité d'un dialogue inclusif."
    coded = _coded(_run(pipeline, text))
    assert ("020", "SEN", None, "asserted") in coded
    assert not any(code == "010" for code, *_ in coded)


@pytest.mark.model
def test_hope_or_worry_joined_to_a_statement_or_unsaid_is_no_event_of_its_own(pipeline: Pipeline) -> None:
    text = "Le président chilien a jugé la décision « absurde » et regretté qu'elle soit si tardive."
    assert not any(code == "012" for code, *_ in _coded(_run(pipeline, text)))
    text = "Le chef de l'opposition bolivienne a écrit qu'il se cachait, craignant pour sa vie."
    assert not any(code == "012" for code, *_ in _coded(_run(pipeline, text)))
    text = "Le président chilien a dit craindre une nouvelle crise."
    assert any(code == "012" for code, *_ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_not_ruling_out_an_act_that_coerces_no_one_is_no_threat(pipeline: Pipeline) -> None:
    text = "La candidate chilienne n'excluait pas de contester les résultats devant les tribunaux."
    assert not any(code.startswith("13") for code, *_ in _coded(_run(pipeline, text)))
    text = "Le gouvernement américain n'a pas exclu de nouvelles frappes contre le Yémen."
    assert any(code.startswith("13") for code, *_ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_authorizing_a_deployment_somewhere_is_an_intent_to_protect(pipeline: Pipeline) -> None:
    text = "Le Conseil de sécurité de l'ONU a autorisé le déploiement au Mali d'une force africaine."
    coded = _coded(_run(pipeline, text, "2023-10"))
    assert any(code == "0334" and target == "MLI" for code, _, target, _ in coded)
    assert not any(code == "154" for code, *_ in coded)
    text = "Le déploiement doit encore être approuvé par le Parlement."
    assert not any(code == "0334" for code, *_ in _coded(_run(pipeline, text, "2023-10")))


@pytest.mark.model
def test_the_verb_of_a_comparison_is_no_event(pipeline: Pipeline) -> None:
    text = "La présidente a jugé la riposte plus ferme que ne l'espérait Moscou."
    assert not any(code == "013" for code, *_ in _coded(_run(pipeline, text)))


@pytest.mark.model
def test_a_currency_is_no_actor(pipeline: Pipeline) -> None:
    text = "Le rouble russe reculait de plus de 3 % face au dollar lundi matin."
    assert _coded(_run(pipeline, text)) == set()
