"""The companion indices: PAPI (8 dimensions out of 80) and the 766/QĐ-TTg service index
(five groups of 18, 20, 22, 22, 18), checked against what their sources establish.

No published set of a province's PAPI dimension scores or 766 group scores was available,
so the tables the reproduce tests read are INVENTED (docs/examples/companion/, each file
says so) with planted errors; only the structure (maxima, names) comes from sources.
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal as D
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import parindex
from parindex import IndexKind, Status
from parindex._cli import main
from parindex.testing.pytest_plugin import conformance_tests

PAPI, SERVICE = "papi/province/2018", "ttg-766/province/2022"
FRAMEWORKS = Path(str(files("parindex_companion") / "frameworks"))
ROOT = Path(__file__).resolve().parents[3]
TABLES = ROOT / "docs" / "examples" / "companion"

PAPI_DIMENSIONS = {
    "1": "Tham gia của người dân ở cấp cơ sở",
    "2": "Công khai, minh bạch trong việc ra quyết định ở địa phương",
    "3": "Trách nhiệm giải trình với người dân",
    "4": "Kiểm soát tham nhũng trong khu vực công",
    "5": "Thủ tục hành chính công",
    "6": "Cung ứng dịch vụ công",
    "7": "Quản trị môi trường",
    "8": "Quản trị điện tử",
}
SERVICE_GROUPS = {"1": ("Công khai, minh bạch", 18), "2": ("Tiến độ, kết quả giải quyết", 20),
                  "3": ("Số hóa hồ sơ", 22), "4": ("Cung cấp dịch vụ trực tuyến", 22),
                  "5": ("Mức độ hài lòng", 18)}

test_conformance = conformance_tests("companion")


def test_provided_and_marked_as_companion_indices():
    papi, service = parindex.get_framework(PAPI), parindex.get_framework(SERVICE)
    assert (papi.index_kind, service.index_kind) == (IndexKind.PAPI, IndexKind.SERVICE_INDEX)
    assert papi.is_companion and service.is_companion
    assert not parindex.get_framework("thua-thien-hue/commune/2022").is_companion
    for fid in (PAPI, SERVICE):
        assert parindex.registry().provider(fid).distribution == "parindex-companion"


def test_papi_eight_dimensions_of_ten_out_of_80():
    papi = parindex.get_framework(PAPI)
    assert {n.code: n.name for n in papi.criteria} == PAPI_DIMENSIONS
    assert all(n.max == 10 and n.is_leaf for n in papi.criteria)
    assert {n.provenance.status for n in papi.criteria} == {Status.INFERRED}
    assert papi.max == 80 and papi.bands == ()
    assert papi.first_year == 2018 and papi.fact("years").status is Status.READ


def test_service_index_five_groups_with_their_read_maxima():
    service = parindex.get_framework(SERVICE)
    assert {n.code: (n.name, n.max) for n in service.criteria} == SERVICE_GROUPS
    assert service.max == 100 and service.maxima_mismatches() == []
    assert [(n.code, n.max) for n in service.nodes["4"].children] == [("4.1", 12),
                                                                     ("4.2", 10)]
    assert {n.provenance.status for n in service.walk()} == {Status.READ}
    assert service.legal_basis.decision == "766/QĐ-TTg"
    assert service.unknowns()[:1] == ["bands.(tên không có trong nguồn).min"]


def test_listings_keep_par_index_and_companions_apart(capsys):
    assert main(["frameworks", "--json"]) == 0
    listed = {f["id"]: f for f in json.loads(capsys.readouterr().out)["frameworks"]}
    assert listed[PAPI]["index_kind"] == "papi" and listed[PAPI]["companion"] is True
    assert listed[SERVICE]["index_kind"] == "service-index"
    assert listed["thua-thien-hue/commune/2022"]["index_kind"] == "par-index"
    assert listed["thua-thien-hue/commune/2022"]["companion"] is False
    assert main(["frameworks", "--completeness", "--framework", PAPI]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{PAPI} (companion index: papi): 8 nodes: 0 seed, 0 read, "
                          "8 inferred, 0 assumed, 0 unknown")


def _reproduce(table: Path, framework: str, capsys) -> tuple[int, dict]:
    # The invented tables have no year column; both frameworks are open-ended.
    status = main(["reproduce", str(table), "--framework", framework, "--year", "2023",
                   "--json"])
    return status, json.loads(capsys.readouterr().out)


def test_papi_dimension_scores_reproduce_the_totals_and_planted_errors(capsys):
    status, report = _reproduce(TABLES / "papi-invented.csv", PAPI, capsys)
    assert status == 1  # a printed figure differs
    totals = {u["unit"]: u["total"] for u in report["units"]}
    assert totals == {"Tỉnh Minh Họa A": "42.97", "Tỉnh Minh Họa B": "41.25",
                      "Tỉnh Minh Họa C": "39.65", "Tỉnh Minh Họa D": "39.65"}
    found = sorted((u["unit"], d["what"], d["published"]) for u in report["units"]
                   for d in u["discrepancies"])
    assert found == [("Tỉnh Minh Họa B", "total", "41.52"), ("Tỉnh Minh Họa D", "rank", "4")]


def test_service_group_scores_reproduce_the_totals_and_planted_errors(capsys):
    status, report = _reproduce(TABLES / "service-766-invented.csv", SERVICE, capsys)
    assert status == 1
    totals = {u["unit"]: u["total"] for u in report["units"]}
    assert totals == {"Tỉnh Minh Họa A": "84.25", "Tỉnh Minh Họa B": "76.5",
                      "Tỉnh Minh Họa C": "67.70"}
    found = [(u["unit"], d["what"], d["published"]) for u in report["units"]
             for d in u["discrepancies"]]
    assert found == [("Tỉnh Minh Họa B", "total", "75.6")]


@given(scores=st.lists(st.integers(0, 1000), min_size=8, max_size=8))
def test_a_papi_total_is_the_plain_sum_of_its_dimensions(scores):
    points = {str(i + 1): D(s) / 100 for i, s in enumerate(scores)}
    assessment = parindex.Assessment(PAPI, "Tỉnh Minh Họa", 2020, points)
    result = parindex.score(parindex.get_framework(PAPI), assessment)
    assert result.total == sum(points.values(), D(0))
    assert result.band is None


def test_text_is_nfc():
    for path in FRAMEWORKS.glob("*.toml"):
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8"))


def test_index_kind_round_trips_through_toml():
    for fid in (PAPI, SERVICE):
        framework = parindex.get_framework(fid)
        text = parindex.dumps_framework(framework)
        assert f'index_kind = "{framework.index_kind.value}"' in text
        assert parindex.loads_framework(text) == framework
    hue = parindex.get_framework("thua-thien-hue/commune/2022")
    assert "index_kind" not in parindex.dumps_framework(hue)  # the default is not written


def test_an_unknown_index_kind_is_an_error():
    text = (FRAMEWORKS / "papi-2018.toml").read_text(encoding="utf-8")
    with pytest.raises(parindex.FrameworkError, match="index_kind"):
        parindex.loads_framework(text.replace('index_kind = "papi"', 'index_kind = "pci"'))
