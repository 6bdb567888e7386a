"""Governance facts and roles say what the text says, no more (issue 10): who gave the SI coordination before 2013,
what the closing name means, what the COMEX's engagement was, and that IT purchasing was decided, not done."""

from __future__ import annotations

import pytest

from srom_data.loader import load_default
from srom_data.text import canonical_quote


@pytest.fixture(scope="module")
def kb():
    return load_default()


def instance(kb, instance_id: str):
    return next(i for i in kb.governance.instances if i.id == instance_id)


def fact(kb, fact_id: str):
    return next(f for f in kb.governance.facts if f.id == fact_id)


def test_the_cci_nantes_st_nazaire_gave_the_coordination_it_did_not_receive_it(kb):
    (role,) = instance(kb, "gouv.dsi-nantes").roles
    quote = "Via son Directeur des Systèmes d’Information, la CCI Nantes St-Nazaire assurait une coordination "
    quote += "opérationnelle."
    assert canonical_quote(role.evidence.quote) == canonical_quote(quote)
    assert "pour la CCI Nantes St-Nazaire" not in role.text
    assert "la CCI Nantes St-Nazaire assurait une coordination opérationnelle" in role.text
    assert "c'est elle qui la donnait" in role.text


def test_the_director_general_is_named_at_the_close_not_said_to_sign(kb):
    signature = fact(kb, "fact.signataire-srom")
    assert signature.answer.startswith("Le texte ne dit pas qui le signe")
    assert "Alain Schlesser, Directeur général de la CCI Pays de la Loire" in signature.answer
    dg = instance(kb, "gouv.directeur-general")
    assert "signer" not in {r.verb for r in dg.roles}
    assert any("ne dit pas qu'il le signe" in r.text for r in dg.roles)


def test_the_comex_engagement_is_not_described_beyond_the_text(kb):
    (role,) = [r for r in instance(kb, "gouv.comex").roles if r.verb == "engager"]
    assert "S'est engagé à constituer" not in role.text
    assert "le texte ne dit pas en quoi consistait cet engagement" in role.text
    assert "Suite à un engagement du COMEX" in role.evidence.quote


def test_it_purchasing_was_decided_not_said_to_be_centralised(kb):
    purchasing = fact(kb, "fact.achats-informatiques")
    assert "centralisés depuis" not in purchasing.answer and "centralisés" not in purchasing.question
    assert "a décidé de centraliser les achats informatiques" in purchasing.answer
    assert "pas sa mise en œuvre" in purchasing.answer


def test_com_names_the_function_and_the_convention_with_the_state(kb):
    """'COM' is the Communication / marketing function and the Convention d'Objectifs et de Moyens: a name the bot
    asks back about."""
    from srom_data.entities import alias_index

    assert set(alias_index(kb)["com"]) == {"COM", "gouv.convention-objectifs-moyens"}
    convention = instance(kb, "gouv.convention-objectifs-moyens")
    assert convention.kind == "agreement"
    assert "de la COM (Convention d’Objectifs et de Moyens) conclue avec l’État" in convention.roles[0].evidence.quote
    follow_up = fact(kb, "fact.suivi-com")
    assert follow_up.instances == ("gouv.bureau", "gouv.convention-objectifs-moyens")
