"""The event ontology: the types, their ACE / CAMEO / emergency codes, and each type's
example sentence and near miss run through the default pipeline (issue 20)."""

from __future__ import annotations

import json
import tomllib

import pytest

from newsie.events.ontology import DOC, builtin_templates, coverage, examples, render
from newsie.events.template import (
    ACE_SUBTYPES,
    CODE_FIELDS,
    cameo_codes,
    parse_templates,
    quad_class_of,
)
from newsie.resources import corpora_path

#: The news-desk classes of the national emergency plan the issue names, by type.
EMERGENCY_TYPES = {
    "food_poisoning": "public_health",
    "epidemic_outbreak": "public_health",
    "animal_epidemic": "public_health",
    "mine_accident": "accident",
    "workplace_accident": "accident",
    "pollution_incident": "accident",
    "typhoon": "natural_disaster",
    "rainstorm": "natural_disaster",
    "heat_wave": "natural_disaster",
    "cold_wave": "natural_disaster",
    "landslide": "natural_disaster",
    "forest_fire": "natural_disaster",
    "stampede": "accident",
    "drowning": "accident",
    "kidnapping": "social_security",
    "shooting": "social_security",
    "cyberattack": "social_security",
    "data_breach": "social_security",
}
BUSINESS_AND_POLITICS = {
    "merger",
    "bankruptcy",
    "share_buyback",
    "dividend",
    "share_pledge",
    "stake_increase",
    "stake_reduction",
    "production_halt",
    "election",
    "taking_office",
    "phone_call",
    "talks",
    "agreement_signed",
    "military_exercise",
    "missile_launch",
    "ceasefire",
    "tariff",
}


@pytest.fixture(scope="module")
def templates():
    return builtin_templates()


@pytest.fixture(scope="module")
def nlp():
    import newsie

    return newsie.load()


def test_at_least_130_types(templates):
    assert len(templates) >= 130


def test_every_ace_subtype_and_cameo_root_is_mapped(templates):
    cov = coverage(templates)
    assert len(ACE_SUBTYPES) == 33
    assert cov["ace_missing"] == []
    assert cov["cameo_roots_missing"] == []


def test_emergency_and_business_types_exist(templates):
    for name, emergency_class in EMERGENCY_TYPES.items():
        assert templates[name].emergency_class == emergency_class, name
    assert BUSINESS_AND_POLITICS <= set(templates)
    assert {t.emergency_class for t in templates.values()} >= {
        "natural_disaster",
        "accident",
        "public_health",
        "social_security",
    }


def test_codes_table_covers_exactly_the_builtin_types(templates):
    with corpora_path("ontology", "codes.toml").open("rb") as handle:
        table = tomllib.load(handle)
    assert set(table) == set(templates)
    for name, codes in table.items():
        assert set(codes) <= {"ace", "cameo", "emergency_class", "goldstein"}, name


def test_goldstein_and_quad_class_follow_the_cameo_code(templates):
    known = cameo_codes()
    assert {f"{n:02d}" for n in range(1, 21)} <= set(known)
    for template in templates.values():
        if template.cameo is None:
            assert template.goldstein is None and template.quad_class is None
            continue
        assert template.goldstein == known[template.cameo]["goldstein"], template.type
        assert template.quad_class == quad_class_of(template.cameo), template.type
        assert template.cameo_root == template.cameo[:2]
    assert templates["ceasefire"].codes() == {
        "ace": None,
        "cameo": "0871",
        "cameo_root": "08",
        "goldstein": 9.0,
        "quad_class": 2,
        "emergency_class": None,
        "broader": None,
    }
    assert templates["attack"].quad_class == 4 and templates["praise"].quad_class == 1


def test_a_template_own_code_wins_and_bad_codes_fail():
    (template,) = parse_templates({"type": "attack", "triggers": ["袭击"], "cameo": "186"})
    assert (template.cameo, template.goldstein, template.ace) == ("186", -10.0, "Conflict:Attack")
    with pytest.raises(ValueError):
        parse_templates({"type": "x_test", "triggers": ["x"], "cameo": "999"})
    with pytest.raises(ValueError):
        parse_templates({"type": "x_test", "triggers": ["x"], "ace": "Conflict:Riot"})
    with pytest.raises(ValueError):
        parse_templates({"type": "x_test", "triggers": ["x"], "cameo": "19", "quad_class": 1})


def test_new_types_are_their_own_layer(templates):
    """The desk types run in a pass of their own: they change no event of a base type."""
    for template in templates.values():
        if template.duee or template.type in {
            "procurement",
            "donation",
            "opening",
            "founding",
            "appointment",
            "partnership",
            "investment",
            "policy_launch",
            "research_result",
            "product_issue",
            "earnings",
            "sanctions",
            "visit",
            "departure",
            "product_launch",
            "fire",
        }:
            assert template.layer == "base", template.type
    assert {templates[name].layer for name in EMERGENCY_TYPES} == {"desk"}


def test_desk_layer_leaves_base_events_alone(nlp):
    # 指控 (accusation) after 提起诉讼 would end the lawsuit's clause if both were one
    # layer, and 联邦政府 would no longer be the defendant
    from newsie.stages.events import EventStage

    text = "加州高铁管理局17日就此向法院起诉联邦政府，指控联邦政府滥用职权。"
    doc = nlp(text, published="2025-07-18", disable=["events"])
    base_only = EventStage(types=[t for t, x in builtin_templates().items() if x.layer == "base"])
    everything = EventStage()
    before = [(e.type, e.trigger.start, e.roles) for e in base_only(doc.model_copy()).events]
    after = everything(doc.model_copy()).events
    assert [
        (e.type, e.trigger.start, e.roles)
        for e in after
        if e.type in dict.fromkeys(t for t, _, _ in before)
    ] == before
    assert "accusation" in {e.type for e in after}


def test_events_carry_their_codes_in_the_model_schema_and_exports(nlp):
    import newsie
    from newsie.export.tables import EVENT_COLUMNS, event_row

    doc = nlp("以色列和哈马斯宣布停火。", published="2025-01-16")
    (event,) = [e for e in doc.events if e.type == "ceasefire"]
    assert (event.cameo, event.cameo_root, event.goldstein, event.quad_class) == (
        "0871",
        "08",
        9.0,
        2,
    )
    data = json.loads(event.model_dump_json())
    assert data["cameo"] == "0871" and data["ace"] is None
    row = event_row(event)
    names = [name for name, _ in EVENT_COLUMNS]
    for field in CODE_FIELDS:
        assert field in names and row[field] == getattr(event, field)
    schema = newsie.json_schema()
    ceasefire = schema["$defs"]["CeasefireEvent"]["properties"]
    assert ceasefire["cameo"]["default"] == "0871" and ceasefire["goldstein"]["default"] == 9.0
    attack = schema["$defs"]["AttackEvent"]["properties"]
    assert attack["ace"]["default"] == "Conflict:Attack"
    assert attack["emergency_class"]["default"] == "social_security"
    # an event read back from JSON keeps them
    again = newsie.events.models.event_adapter().validate_json(event.model_dump_json())
    assert again.goldstein == 9.0


def test_every_type_has_an_example_and_a_near_miss(templates):
    proofs = examples()
    assert set(proofs) == set(templates)
    for name, proof in proofs.items():
        assert proof["example"] and proof["near_miss"], name
        assert set(proof.get("roles", {})) <= set(templates[name].roles), name


@pytest.mark.parametrize("name", sorted(examples()))
def test_example_yields_the_type_and_the_near_miss_does_not(nlp, name):
    proof = examples()[name]
    doc = nlp(proof["example"], published="2025-06-01")
    found = [e for e in doc.events if e.type == name]
    assert found, (name, [(e.type, e.trigger.text) for e in doc.events])
    roles = found[0].roles
    for role, text in proof.get("roles", {}).items():
        assert text in roles.get(role, []), (name, role, roles)
    near = nlp(proof["near_miss"], published="2025-06-01")
    assert [e.trigger.text for e in near.events if e.type == name] == [], name


def test_role_names_are_shared(templates):
    """One name per meaning across types: no synonyms of place, deaths, injuries."""
    synonyms = {
        "location",
        "site",
        "venue",
        "dead",
        "death_toll",
        "killed",
        "fatalities",
        "injured",
        "wounded",
        "casualties",
        "firm",
        "corporation",
        "money",
        "sum",
        "offender",
        "criminal",
        "attacker",
        "assailant",
    }
    for template in templates.values():
        assert not synonyms & set(template.roles), template.type
        for role in ("deaths", "injuries", "missing"):
            if role in template.roles:
                assert template.roles[role].labels == ("COUNT",), (template.type, role)
        if "count" in template.roles:  # a toll of people is deaths / injuries / missing
            assert template.type not in ("death", "missing_person", "injury"), template.type
    desk = [t for t in templates.values() if t.layer == "desk"]
    for template in desk:
        if {"deaths", "injuries"} & set(template.roles) and template.type != "epidemic_outbreak":
            assert "place" in template.roles, template.type


def test_ontology_doc_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/ontology.md is out of date: python -m newsie.events.ontology"
    )


@pytest.mark.parametrize(
    ("text", "narrow", "broad"),
    [
        ("美国得州一商场发生枪击事件，造成3人死亡。", "shooting", "attack"),
        ("云南大理发生森林火灾。", "forest_fire", "fire"),
    ],
)
def test_one_trigger_one_event_of_the_narrowest_type(nlp, text, narrow, broad):
    """A shooting is an attack: one 枪击 gives one event, a shooting that names its
    broader type (corpora/ontology/broader.toml), in the event and its export row."""
    events = nlp(text, published="2025-06-01").events
    assert [e.type for e in events if e.type in (narrow, broad)] == [narrow]
    (event,) = [e for e in events if e.type == narrow]
    assert event.broader == broad
    from newsie.export.tables import event_row

    assert event_row(event)["broader"] == broad
    import newsie

    schema = newsie.json_schema()["$defs"][f"{narrow.title().replace('_', '')}Event"]
    assert schema["properties"]["broader"]["default"] == broad


def test_broader_types_are_base_types_and_kinds_of_their_own(templates):
    for template in templates.values():
        if template.broader is not None:
            assert templates[template.broader].layer == "base", template.type
            assert template.layer != "base", template.type


#: The roles each narrower type shares with the type it is a kind of (broader.toml): a
#: dashboard that reads a shooting as an attack finds its parties under the attack's names.
SHARED_WITH_BROADER = {
    "shooting": {"perpetrator", "target", "place", "deaths", "injuries"},
    "forest_fire": {"place", "deaths", "injuries"},
    "indictment": {"plaintiff", "defendant"},
    "stake_reduction": {"seller", "asset", "price"},
    "stake_increase": {"acquirer", "target", "price"},
    "share_buyback": {"acquirer", "target", "price"},
    "tariff": {"issuer"},
    "taking_office": {"person", "position"},
}


def test_a_narrower_type_names_its_roles_as_its_broader_type(templates):
    narrower = {name: t.broader for name, t in templates.items() if t.broader}
    assert set(narrower) == set(SHARED_WITH_BROADER)
    for name, broader in narrower.items():
        shared = set(templates[name].roles) & set(templates[broader].roles)
        assert SHARED_WITH_BROADER[name] <= shared, (name, broader, shared)
