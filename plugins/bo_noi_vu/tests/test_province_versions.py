"""The national provincial index across its versions: 2012 (1294/QĐ-BNV), 2017
(2948/QĐ-BNV, see test_province_2017.py), 2019 (1150/QĐ-BNV) and 2022 (876/QĐ-BNV). Every
number has the status the sources give it; unknowns are explicit and machine-readable;
published tables of totals reproduce without a false alarm."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

import parindex
from parindex import Status


def _framework(year: int) -> parindex.Framework:
    return parindex.get_framework(f"bo-noi-vu/province/{year}")


def test_each_version_has_its_legal_basis_and_years() -> None:
    versions = {year: _framework(year) for year in (2012, 2017, 2019, 2022)}
    assert {y: f.legal_basis.decision for y, f in versions.items()} == {
        2012: "1294/QĐ-BNV", 2017: "2948/QĐ-BNV", 2019: "1150/QĐ-BNV", 2022: "876/QĐ-BNV"}
    assert [(f.first_year, f.last_year) for f in versions.values()] == [
        (2012, 2012), (2017, 2017), (2019, 2021), (2022, 2030)]


def test_2012_is_appraised_plus_survey_with_unknown_maxima() -> None:
    framework = _framework(2012)
    assert framework.scale == 100 and framework.fact("scale").status is Status.READ
    assert [(n.code, n.kind.value) for n in framework.criteria] == [
        ("1", "criterion"), ("2", "survey")]
    assert framework.unknowns()[:2] == ["criteria.1.max", "criteria.2.max"]
    assert framework.fact("rank_by").status is Status.INFERRED  # the index is their sum


def test_2019_fields_are_the_self_assessed_maxima_and_the_survey_is_inferred() -> None:
    framework = _framework(2019)
    maxima = [n.max for n in framework.criteria]
    assert maxima == [Decimal(m) for m in ("7", "5", "14", "7.5", "8", "8.5", "9", "6", "35")]
    assert sum(maxima[:8], Decimal(0)) == 65 and framework.max == 100
    assert {n.provenance.status for n in framework.criteria[:8]} == {Status.READ}
    survey = framework.criteria[8]
    assert survey.kind is parindex.NodeKind.SURVEY and survey.provenance.status is Status.INFERRED


def test_2022_fields_and_survey_are_unknown() -> None:
    framework = _framework(2022)
    assert len(framework.criteria) == 9
    assert [f"criteria.{i}.max" for i in range(1, 10)] == [
        u for u in framework.unknowns() if u.startswith("criteria.")]
    assert all(n.provenance.status is Status.UNKNOWN for n in framework.criteria)


# An illustrative 2012 table of provinces. INVENTED: no table of the 2012 results was
# available; the figures follow only the arithmetic 1294/QĐ-BNV defines (index = appraised
# + survey on a 100-point scale, provinces ranked on it). The provinces are named "Tỉnh
# Minh Họa" ("illustration") so that no figure passes for a real one.
_TABLE_2012 = """Bảng minh họa (số liệu bịa, không phải kết quả thật);;;;
Tỉnh, thành phố;Điểm thẩm định;Điểm điều tra XHH;Chỉ số;Xếp hạng
Tỉnh Minh Họa A;60,20;22,15;82,35;1
Tỉnh Minh Họa B;58,00;20,10;78,10;2
Tỉnh Minh Họa C;55,50;22,60;78,10;2
Tỉnh Minh Họa D;50,25;19,00;69,25;4
"""


def _reproduce(tmp_path: Path, text: str) -> parindex.Reproduction:
    path = tmp_path / "par-index-2012.csv"
    path.write_text(text, encoding="utf-8")
    return parindex.reproduce(parindex.read_table(path, _framework(2012)))


def test_a_2012_table_of_provinces_reproduces_with_no_false_alarm(tmp_path: Path) -> None:
    reproduction = _reproduce(tmp_path, _TABLE_2012)
    assert reproduction.problems == () and reproduction.discrepancies == []
    for unit in reproduction.units:
        # The parts are what each unit is scored from; the index (their sum over the
        # 100-point scale, though each part's maximum is unknown) and the rank are checked.
        assert set(unit.checked) == {"index", "rank"} and unit.unchecked == ()
        assert unit.result.arising_max == 100
    assert [u.rank for u in reproduction.units] == [1, 2, 2, 4]


def test_without_a_sourced_scale_the_index_would_be_unchecked_naming_the_unknowns(
        tmp_path: Path) -> None:
    import attrs

    # The default scale, 100, is no source: it never stands in for unknown maxima.
    sourced = _framework(2012)
    framework = attrs.evolve(sourced, provenance={
        k: v for k, v in sourced.provenance.items() if k != "scale"})
    path = tmp_path / "par-index-2012.csv"
    path.write_text(_TABLE_2012, encoding="utf-8")
    unit = parindex.reproduce(parindex.read_table(path, framework)).units[0]
    assert unit.discrepancies == () and unit.checked == ("rank",)
    assert unit.unchecked[0].startswith("index 82.35: not checked: the index needs the "
                                        "maximum of appraised")


@pytest.mark.parametrize("planted, found", [
    (("22,15;82,35;1", "22,15;82,35;2"), {"Tỉnh Minh Họa A": {"rank"}}),
    # A part mistyped: 77,35 is not the printed 82,35 and would rank A 3rd. B's and C's
    # printed 2nd follow A's printed index (the publisher's figure): only A is named.
    (("60,20;22,15", "55,20;22,15"), {"Tỉnh Minh Họa A": {"index", "rank"}}),
    (("22,60;78,10;2", "22,60;78,10;3"), {"Tỉnh Minh Họa C": {"rank"}}),  # a tie apart
    (("69,25;4", "69,25;3"), {"Tỉnh Minh Họa D": {"rank"}}),
    (("22,15;82,35", "22,15;82,53"), {"Tỉnh Minh Họa A": {"index"}}),  # a changed index
    # A part mistyped where the printed index still says what the sum was.
    (("19,00;69,25", "19,50;69,25"), {"Tỉnh Minh Họa D": {"index"}}),
])
def test_planted_errors_in_a_2012_table_are_named(tmp_path: Path, planted: tuple[str, str],
                                                  found: dict[str, set[str]]) -> None:
    reproduction = _reproduce(tmp_path, _TABLE_2012.replace(*planted))
    assert {u.unit: {d.what for d in u.discrepancies} for u in reproduction.units
            if u.discrepancies} == found
