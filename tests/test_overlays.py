"""Completion overlays: validated against their base, merged with provenance, and the two
acceptance cases of the documentation (docs/overlays.md).

The overlays' numbers are INVENTED for the documentation and tests (docs/examples/overlays/,
each file says so). Only the Hướng Hóa published figures (80.54, 7/10, Tốt; seed 004) and
the Sơn Dung dossier counts (489 of 493 resolved before or on time; seed 003) are real.
"""

from __future__ import annotations

import json
from decimal import Decimal as D
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import parindex
from parindex import FrameworkError, MissingInformationError, Status
from parindex._cli import main
from parindex.testing import strategies

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "examples" / "overlays"
QUANG_TRI = EXAMPLES / "quang-tri-2020-fields.toml"
QUANG_NGAI = EXAMPLES / "quang-ngai-3.4.1.toml"
SON_DUNG = EXAMPLES / "son-dung-2023.toml"
# The founding documents sit beside the repository (shared/ next to a clone, as in CI).
SEED_003 = ROOT.parent / "shared" / "seeds" / "003_6db642d795613b0e.txt"

HEADER = """\
base = "quang-tri/district/2020"
id = "quang-tri/district/2020-test"

[sources]
mine = "made up for the tests"
"""


def _apply(text: str) -> parindex.Framework:
    return parindex.apply_overlay(parindex.loads_overlay(text))


def _problems(text: str) -> list[str]:
    with pytest.raises(FrameworkError) as error:
        _apply(text)
    return [str(p) for p in error.value.problems]


# --- acceptance (a): Quảng Trị 2020 completed at field level, ten districts ranked ----------

@pytest.fixture(scope="module")
def quang_tri() -> parindex.Framework:
    return parindex.apply_overlay(parindex.load_overlay(QUANG_TRI))


def test_quang_tri_overlay_completes_the_fields(quang_tri):
    base = parindex.get_framework("quang-tri/district/2020")
    assert quang_tri.id == "quang-tri/district/2020-example"
    assert quang_tri.derived_from == base.id
    assert [n.max for n in quang_tri.criteria] == [D(m) for m in (10, 10, 16, 12, 16, 12, 24)]
    assert quang_tri.max == 100
    # What the overlay set carries its source; the rest keeps the base's provenance.
    assert {n.provenance.source for n in quang_tri.criteria} == {"example"}
    assert [n.name for n in quang_tri.criteria] == [n.name for n in base.criteria]
    assert quang_tri.provenance["not_arising"].source == "example"
    assert quang_tri.provenance["legal_basis"] == base.provenance["legal_basis"]
    assert quang_tri.sources["example"].startswith("NOT A SOURCE")
    assert quang_tri.sources["seed-004"] == base.sources["seed-004"]
    assert quang_tri.unknowns() == ["rank_by", "tie_break"]
    assert base.completeness()[Status.UNKNOWN] == 7
    assert quang_tri.completeness()[Status.READ] == 7
    # A derived framework is a framework file like any other: it round-trips.
    assert parindex.loads_framework(parindex.dumps_framework(quang_tri)) == quang_tri


def test_quang_tri_ten_districts_scored_and_ranked(quang_tri):
    units = [parindex.load_assessment(p) for p in sorted((EXAMPLES / "quang-tri-2020").glob("*.toml"))]
    assert len(units) == 10
    ranking = parindex.score_many(quang_tri, units)
    table = {u.result.unit: (u.result.total, u.rank, u.result.band.name) for u in ranking}
    # Hướng Hóa's published figures (seed 004): 80.54 points, 7th of 10, Tốt.
    assert table["Huyện Hướng Hóa"] == (D("80.54"), 7, "Tốt")
    assert ranking.unit("Huyện Hướng Hóa").result.discrepancies == ()
    assert table["Thành phố Đông Hà"] == (D("91.70"), 1, "Tốt")
    # Hải Lăng and Đakrông tie at 78.20: competition ranking gives both 8, then 10.
    assert table["Huyện Hải Lăng"][1] == table["Huyện Đakrông"][1] == 8
    assert table["Huyện Cồn Cỏ"] == (D("73.00"), 10, "Khá")
    assert sorted(rank for _, rank, _ in table.values()) == [1, 2, 3, 4, 5, 6, 7, 8, 8, 10]
    # The same units, scored under the shipped framework, are refused with what to supply.
    with pytest.raises(MissingInformationError) as error:
        parindex.score_many(parindex.get_framework("quang-tri/district/2020"), units)
    text = str(error.value)
    assert 'missing criteria.1.max; in an overlay write: [criteria."1"] max = ...' in text
    assert "missing bands.Tốt.min" in text
    assert 'base = "quang-tri/district/2020"' in text


def test_quang_tri_cli(capsys):
    huong_hoa = str(EXAMPLES / "quang-tri-2020" / "huong-hoa.toml")
    assert main(["score", "--json", huong_hoa, "--framework", str(QUANG_TRI)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["framework"], data["total"], data["band"]) == (
        "quang-tri/district/2020-example", "80.54", "Tốt")
    assert main(["score", huong_hoa]) == 2
    err = capsys.readouterr().err  # the first problems, a count of the rest, the summary
    assert "missing criteria.1.max" in err and "more problem(s)" in err
    assert 'base = "quang-tri/district/2020"' in err
    assert main(["frameworks", "--json", "--completeness", "--framework", str(QUANG_TRI),
                 "--framework", "quang-tri/district/2020"]) == 0
    derived, base = json.loads(capsys.readouterr().out)["frameworks"]
    assert derived["completeness"] == {"seed": 0, "read": 7, "inferred": 0, "assumed": 0, "unknown": 0}
    assert derived["derived_from"] == "quang-tri/district/2020"
    assert base["completeness"]["unknown"] == 7
    assert base["unknowns"][:2] == ["criteria.1.max", "criteria.2.max"]
    assert derived["bands"] == {"Tốt": "read", "Khá": "read", "Trung bình": "read"}


# --- acceptance (b): Quảng Ngãi 3.4.1 scored from seed 003's dossier counts -----------------

def test_seed_003_prints_the_counts():
    if not SEED_003.exists():
        pytest.skip("the seeds are not on this machine")
    text = SEED_003.read_text(encoding="utf-8")
    assert "hồ sơ đã giải quyết 493 hồ sơ" in text
    assert "giải quyết trước hạn và đúng hạn: 489" in text


def test_quang_ngai_3_4_1_proportional_rule():
    framework = parindex.apply_overlay(parindex.load_overlay(QUANG_NGAI))
    base = parindex.get_framework("quang-ngai/commune/2023")
    assert base.nodes["3.4.1"].rule.kind == "unknown"
    rule = framework.nodes["3.4.1"].rule
    assert (rule.kind, rule.provenance.source) == ("proportional", "example")
    assert framework.unknown_rules() == [r for r in base.unknown_rules()
                                         if r != "criteria.3.4.1.rule"]
    points, text = parindex.score_leaf(framework, "3.4.1", {"on_time": 489, "resolved": 493})
    # 1 × 489/493 = 0.99188… → 0.99 (half up, 2 places, as the overlay declares).
    assert points == D("0.99")
    assert text == ("on_time 489 ÷ resolved 493 = 99.19 %; 1 × share, rounded half up to 2 "
                    "places = 0.99")
    with pytest.raises(MissingInformationError, match="rule is unknown"):
        parindex.score_leaf(base, "3.4.1", {"on_time": 489, "resolved": 493})


def test_quang_ngai_cli(capsys):
    assert main(["rule", "3.4.1", "on_time=489", "resolved=493", "--json",
                 "--framework", str(QUANG_NGAI)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["points"] == "0.99" and data["max"] == "1"
    assert data["rule"]["kind"] == "proportional" and data["inputs"] == {
        "on_time": "489", "resolved": "493"}
    # The whole commune cannot be scored: seed 003 gives no other points.
    assert main(["score", str(SON_DUNG), "--framework", str(QUANG_NGAI)]) == 2
    err = capsys.readouterr().err
    assert "no points for 1 (Công tác chỉ đạo, điều hành)" in err
    assert "3.4.1" not in err


# --- validation against the base ----------------------------------------------------------

def test_unknown_code_is_an_error_with_its_line():
    problems = _problems(HEADER + '\n[criteria."8"]\nmax = 5\nstatus = "read"\nsource = "mine"\n')
    assert problems == ["line 7: criteria.8: '8' is not a criterion of "
                        "quang-tri/district/2020 (an overlay adds nodes only beneath the "
                        "base's nodes: give parent = \"...\" or a code that extends a known "
                        "one, like 3.4.2 under 3.4)"]


def test_changed_total_and_maxima_that_do_not_add_up():
    hue = parindex.get_framework("thua-thien-hue/commune/2022")
    overlay = parindex.loads_overlay(
        'base = "thua-thien-hue/commune/2022"\nid = "thua-thien-hue/commune/2022-x"\n'
        'corrects = ["criteria.1.1.max"]\n[sources]\nmine = "made up"\n'
        '[criteria."1.1"]\nmax = 3\nstatus = "read"\nsource = "mine"\n')
    with pytest.raises(FrameworkError) as error:
        parindex.apply_overlay(overlay, hue)
    # 1.1's items now cover 2 of its 3 points: a partial itemisation, reported as a
    # finding when scoring; field 1's items exceed its 10 points: an error.
    [problem] = error.value.problems
    assert problem.message == ("after the overlay, 1: items' maxima add up to 11.0, not to "
                               "the maximum 10.0 (difference -1.0)")


def test_conflict_with_a_sourced_value_needs_corrects():
    text = ('base = "thua-thien-hue/commune/2022"\nid = "thua-thien-hue/commune/2022-x"\n'
            '[sources]\nmine = "made up"\n[criteria."1.1"]\nname = "Khác"\n')
    [problem] = _problems(text)
    assert "conflicts with the base" in problem and "'criteria.1.1.name' to corrects" in problem
    derived = _apply(text.replace("[sources]", 'corrects = ["criteria.1.1.name"]\n[sources]'))
    assert derived.nodes["1.1"].name == "Khác"
    problems = _problems(text.replace("[sources]", 'corrects = ["bands"]\n[sources]'))
    assert "line 3: corrects: 'bands' is listed in corrects, but the overlay does not " \
           "change it" in problems


def test_a_fact_needs_its_provenance_and_a_value_its_source():
    problems = _problems('not_arising = "exclude"\n' + HEADER)
    assert any("the overlay sets not_arising; say where it comes from" in p for p in problems)
    problems = _problems(HEADER + '\n[criteria."1"]\nmax = 10\nstatus = "read"\n')
    assert any("a read value needs a source" in p for p in problems)
    problems = _problems(HEADER + '\n[criteria."1"]\nmax = 10\nstatus = "read"\nsource = "x"\n')
    assert any("source 'x' is not a key of [sources]" in p for p in problems)


def test_overlay_needs_own_id_and_sources():
    problems = _problems('base = "quang-tri/district/2020"\nid = "quang-tri/district/2020"\n')
    assert any("needs its own id" in p for p in problems)
    assert any("an overlay cites its own sources" in p for p in problems)
    with pytest.raises(FrameworkError, match="missing"):
        parindex.loads_overlay('base = "quang-tri/district/2020"\n')
    with pytest.raises(parindex.UnknownFrameworkError):
        _apply(HEADER.replace("quang-tri/district/2020\"", "quang-tri/district/2019\"", 1))


def test_overlay_rules_are_checked_like_framework_rules():
    problems = _problems(HEADER + '\n[criteria."1"]\nmax = 10\nstatus = "read"\nsource = "mine"'
                         '\nrule = { kind = "proportional", numerator = "a", status = "read", '
                         'source = "mine" }\n')
    assert any("denominator: missing" in p for p in problems)


def test_overlay_files_through_the_cli(tmp_path, capsys):
    path = tmp_path / "overlay.toml"
    path.write_text(HEADER + '\n[criteria."9"]\nmax = 5\nstatus = "read"\nsource = "mine"\n',
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    assert f"{path}:7: criteria.9" in capsys.readouterr().err
    assert main(["validate", str(QUANG_TRI)]) == 0
    assert "valid overlay: quang-tri/district/2020-example derived from " \
           "quang-tri/district/2020" in capsys.readouterr().out


def test_bands_that_do_not_cover_every_value():
    problems = _problems(HEADER + '\n[[bands]]\nname = "Tốt"\nmin = 80\nstatus = "read"\n'
                         'source = "mine"\n')
    assert problems == ["line 7: bands: the last band (Tốt) must start at 0 so that bands "
                        "cover every value"]


def test_a_node_policy_that_contradicts_a_sourced_one_is_a_conflict():
    hue = ('base = "thua-thien-hue/commune/2022"\nid = "thua-thien-hue/commune/2022-x"\n'
           '[sources]\nmine = "made up"\n')
    # Huế excludes items that did not arise (inferred from QĐ 2204): "full" contradicts it.
    [problem] = _problems(hue + '[criteria."1.1"]\nnot_arising = "full"\n')
    assert "'criteria.1.1.not_arising' to corrects" in problem
    # Its survey's policy is unknown: an overlay may fill it in.
    derived = _apply(hue + '[criteria."9"]\nnot_arising = "exclude"\n')
    assert derived.nodes["9"].not_arising is parindex.NotArisingPolicy.EXCLUDE
    assert "criteria.9.not_arising" not in derived.unknowns()


def test_replacing_a_sourced_fact_provenance_is_a_conflict():
    hue = ('base = "thua-thien-hue/commune/2022"\nid = "thua-thien-hue/commune/2022-x"\n'
           '[sources]\nmine = "made up"\n')
    [problem] = _problems(hue + '[provenance]\nband_basis = { status = "read", source = "mine" }\n')
    assert "'band_basis' to corrects" in problem
    # Huế's ranking is a convention (status unknown): an overlay may source it.
    derived = _apply(hue + '[provenance]\nranking = { status = "read", source = "mine" }\n')
    assert derived.fact("ranking").source == "mine" and "ranking" not in derived.unknowns()


# --- property: completing what a framework leaves unknown gives the complete framework's
# scores ---------------------------------------------------------------------------------

def _blank(node: parindex.Node, codes: set[str]) -> parindex.Node:
    children = [_blank(child, codes) for child in node.children]
    if node.code in codes:
        return attrs.evolve(node, max=None, children=children,
                            provenance=parindex.Provenance(Status.UNKNOWN))
    return attrs.evolve(node, children=children)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_overlay_of_the_blanked_maxima_restores_the_scores(data):
    complete = data.draw(strategies.frameworks())
    codes = sorted(data.draw(st.sets(st.sampled_from(sorted(complete.nodes)), min_size=1)))
    base = attrs.evolve(complete, criteria=[_blank(n, set(codes)) for n in complete.criteria])
    lines = [f'base = "{base.id}"', f'id = "{base.id}-completed"', "[sources]",
             'annex = "made up for the test"']
    for code in codes:
        lines += [f'[criteria."{code}"]', f"max = {complete.nodes[code].max}",
                  'status = "read"', 'source = "annex"']
    derived = parindex.apply_overlay(parindex.loads_overlay("\n".join(lines)), base)
    assert [n.max for n in derived.walk()] == [n.max for n in complete.walk()]
    assert {derived.nodes[c].provenance.source for c in codes} == {"annex"}
    assert derived.unknowns() == [u for u in complete.unknowns()]
    assessment = data.draw(strategies.assessments(complete))
    expected = parindex.score(complete, assessment)
    got = parindex.score(derived, attrs.evolve(assessment, framework=base.id))
    assert (got.total, got.index, got.band) == (expected.total, expected.index, expected.band)
    assert {c: (n.points, n.arising_max) for c, n in got.nodes.items()} == \
        {c: (n.points, n.arising_max) for c, n in expected.nodes.items()}


def test_a_misspelled_rule_kind_in_an_overlay_is_located(tmp_path, capsys):
    # Written as a reviewer would from the docs, with one typo: every command that takes
    # --framework names the file, the line and the code, not just the unknown kind.
    text = QUANG_NGAI.read_text(encoding="utf-8").replace('"proportional"', '"proportionnal"')
    assert '"proportionnal"' in text
    overlay = tmp_path / "typo.toml"
    overlay.write_text(text, encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "proportionnal" in row)
    for command in (["validate", str(overlay)],
                    ["score", str(SON_DUNG), "--framework", str(overlay)],
                    ["rule", "3.4.1", "on_time=489", "resolved=493", "--framework",
                     str(overlay)]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"parindex: error: {overlay}:{line}: criteria.\"3.4.1\".rule.kind: "
                              "kind 'proportionnal' is not a registered rule kind"), err


# --- adding nodes beneath known ones, extending years (issue 9, item 3) ----------------------

QN_HEADER = """\
base = "quang-ngai/commune/2023"
id = "quang-ngai/commune/2023-test"

[sources]
annex = "An annex INVENTED for the tests: not Quảng Ngãi's real numbers"
"""


def test_an_overlay_adds_items_beneath_known_nodes_in_printed_order():
    base = parindex.get_framework("quang-ngai/commune/2023")
    assert "3.4.2" not in base.nodes and "3.4.1" in base.nodes
    text = QN_HEADER + """
[criteria."3.4.2"]
name = "Mục thêm (bịa cho kiểm thử)"
max = 1.5
status = "read"
source = "annex"

[criteria."3.4.2.1"]
name = "Mục con thêm"
max = 1.5
status = "read"
source = "annex"

[criteria."3.4.1"]
max = 2
status = "read"
source = "annex"
"""
    derived = _apply(text)
    assert [child.code for child in derived.nodes["3.4"].children] == ["3.4.1", "3.4.2",
                                                                       "3.4.3"]
    added = derived.nodes["3.4.2"]
    assert added.max == D("1.5") and added.provenance == parindex.Provenance(
        Status.READ, "annex")
    assert [child.code for child in added.children] == ["3.4.2.1"]
    assert derived.parents["3.4.2.1"] == "3.4.2"
    assert derived.nodes["3.4.1"].max == D(2)
    # The derived framework writes and reads back as any framework.
    assert parindex.loads_framework(parindex.dumps_framework(derived)) == derived


def test_added_nodes_are_checked_like_a_framework_file():
    problems = _problems(QN_HEADER + '\n[criteria."3.4.2"]\nname = "Thiếu nguồn"\nmax = 1\n'
                         'status = "read"\n\n[criteria."9.1"]\nname = "Mồ côi"\nmax = 1\n'
                         'status = "read"\nsource = "annex"\n')
    assert 'line 7: criteria."3.4.2".source: a read value needs a source' in problems
    # 9.1 hangs beneath no known node: not added, named with its line.
    assert any(p.startswith("line 12: criteria.\"9.1\": '9.1' is not a criterion")
               for p in problems)
    # Items that exceed their (known) parent's maximum are an error of the overlay.
    hue = parindex.get_framework("thua-thien-hue/commune/2022")
    overlay = parindex.loads_overlay(
        'base = "thua-thien-hue/commune/2022"\nid = "thua-thien-hue/commune/2022-x"\n'
        '[sources]\nmine = "made up"\n[criteria."1.1.3"]\nname = "Thêm"\nmax = 1\n'
        'status = "read"\nsource = "mine"\n')
    with pytest.raises(FrameworkError, match="after the overlay, 1.1: items' maxima add up"):
        parindex.apply_overlay(overlay, hue)


def test_an_overlay_extends_the_years_a_framework_covers():
    base = parindex.get_framework("quang-ngai/commune/2023")
    assert (base.first_year, base.last_year) == (2023, 2024)
    derived = _apply(QN_HEADER.replace('id = "quang-ngai/commune/2023-test"',
                                       'id = "quang-ngai/commune/2023-test"\nlast_year = 2026')
                     + '\n[provenance]\nyears = { status = "read", source = "annex" }\n')
    assert (derived.first_year, derived.last_year) == (2023, 2026)
    assert derived.provenance["years"] == parindex.Provenance(Status.READ, "annex")
    # Without its provenance, and narrowing sourced years, it is refused.
    problems = _problems(QN_HEADER.replace('id = "quang-ngai/commune/2023-test"',
                                           'id = "quang-ngai/commune/2023-test"\n'
                                           'last_year = 2023'))
    assert any("line 3: last_year: the overlay sets the years it covers" in p
               for p in problems)
    assert any("conflicts with the base, which gives the years 2023–2024" in p
               for p in problems)
