"""The Quảng Trị district framework for 2020 (QĐ 2896/QĐ-UBND), checked against its sources.

Every maximum and threshold is unknown; these tests pin what the sources do establish
(the seven fields and the band names in use) and that the unknowns are explicit and make
scoring refuse.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import pytest

import parindex
from parindex import NodeKind, Status
from parindex._cli import main
from parindex.testing import check_framework
from parindex.testing.pytest_plugin import conformance_tests

FRAMEWORK_ID = "quang-tri/district/2020"
FILE = Path(str(files("parindex_quang_tri") / "frameworks" / "district-2020.toml"))
UNNAMED = "(tên không có trong nguồn)"

#: The fields, in the order of the sections of Kế hoạch 322/KH-UBND of huyện Hướng Hóa
#: (22/7/2021), with its headings.
SEED_004 = {
    "1": "Công tác chỉ đạo điều hành",
    "2": "Cải cách thể chế",
    "3": "Cải cách thủ tục hành chính",
    "4": "Cải cách tổ chức bộ máy hành chính nhà nước",
    "5": "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    "6": "Cải cách tài chính công",
    "7": "Hiện đại hóa hành chính",
}


# The kit's conformance suite, one test per framework this plugin provides.
test_conformance = conformance_tests("quang_tri")


def framework() -> parindex.Framework:
    return parindex.get_framework(FRAMEWORK_ID)


def test_provided_by_this_distribution():
    provider = parindex.registry().provider(FRAMEWORK_ID)
    assert (provider.name, provider.distribution) == ("quang_tri", "parindex-quang-tri")
    assert parindex.load_framework(FILE) == framework()


def test_legal_basis_and_years():
    fw = framework()
    assert fw.legal_basis.decision == "2896/QĐ-UBND"
    assert fw.legal_basis.date.isoformat() == "2019-10-24"
    assert (fw.level, fw.first_year, fw.last_year) == ("district", 2020, 2020)
    # QĐ 301/QĐ-UBND (the 2020 results): both dates the sources give are kept.
    assert "25/02/2021" in fw.sources["qd-301-2021"]
    assert "05/02/2021" in fw.sources["qd-301-2021"]


def test_every_node_has_provenance():
    fw = framework()
    for node in fw.walk():
        prov = node.provenance
        assert prov.status is Status.UNKNOWN and node.max is None, node.code
        assert prov.source == "seed-004" and prov.note, node.code
    for band in fw.bands:
        assert band.min is None and band.provenance.status is Status.UNKNOWN
        assert band.provenance.note
        assert band.provenance.source is None or band.provenance.source in fw.sources
    decimals = fw.fact("decimals")
    assert (fw.decimals, decimals.status, decimals.source) == (2, Status.INFERRED, "seed-004")
    assert fw.max is None


def test_unknowns_are_explicit():
    # Compared once each: the core lists a framework-level not_arising = "unknown"
    # both for the policy and for its [provenance] entry (a duplicate in the core).
    assert list(dict.fromkeys(framework().unknowns())) == [
        "criteria.1.max", "criteria.2.max", "criteria.3.max", "criteria.4.max",
        "criteria.5.max", "criteria.6.max", "criteria.7.max",
        "bands.Tốt.min", "bands.Khá.min", f"bands.{UNNAMED}.min",
        "not_arising", "band_basis", "ranking", "rank_by", "tie_break"]


def test_seven_fields_with_the_seed_names():
    fw = framework()
    assert {n.code: n.name for n in fw.criteria} == SEED_004
    assert [n.code for n in fw.criteria] == list(SEED_004)
    assert all(n.kind is NodeKind.CRITERION and n.is_leaf for n in fw.criteria)


def test_bands_in_use_without_thresholds():
    fw = framework()
    assert [(b.name, b.min, b.provenance.source) for b in fw.bands] == [
        ("Tốt", None, "qd-301-2021"), ("Khá", None, "qd-301-2021"), (UNNAMED, None, None)]
    # Tốt ≥ 80 fits the known results but is not confirmed: it must not be encoded.
    assert "not confirmed" in fw.bands[0].provenance.note
    ranking = fw.fact("ranking")
    assert ranking.status is Status.UNKNOWN and "7/10" in ranking.note


def test_published_total_cannot_be_banded():
    # KH 322/KH-UBND: huyện Hướng Hóa, 80.54 points in 2020, published in the Tốt group.
    with pytest.raises(parindex.MissingInformationError, match="'Tốt'.*no source gives"):
        parindex.classify(framework(), Decimal("80.54"))


def test_text_is_nfc():
    assert unicodedata.is_normalized("NFC", FILE.read_text(encoding="utf-8"))


def _assessment(points: str) -> parindex.Assessment:
    # Test input only: an invented district with zero points, not data about any unit.
    return parindex.loads_assessment(
        f'framework = "{FRAMEWORK_ID}"\nunit = "Huyện thử nghiệm"\nyear = 2020\n'
        f"[points]\n{points}")


def test_scoring_field_points_refuses_for_want_of_maxima():
    fields = "\n".join(f'"{n}" = 0' for n in SEED_004)
    with pytest.raises(parindex.MissingInformationError) as error:
        parindex.score(framework(), _assessment(fields))
    message = str(error.value)
    assert "needs the maxima of 1, 2, 3, 4, 5, 6, 7" in message
    assert "no source gives them" in message


def test_marking_not_arising_refuses():
    fields = "\n".join(f'"{n}" = 0' for n in list(SEED_004)[:-1]) + '\n"7" = "x"'
    with pytest.raises(parindex.MissingInformationError, match="did not arise"):
        parindex.score(framework(), _assessment(fields))


def test_validate_passes(capsys):
    assert main(["validate", str(FILE)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].endswith(f"valid framework {FRAMEWORK_ID} (7 nodes)")
    assert lines[1:] == [f"  unknown: {u}" for u in framework().unknowns()]


def test_conforms_strictly_and_lists_every_unknown():
    report = check_framework(framework(), strict=True)
    assert report.errors == report.unfinished == ()
    assert [f.key for f in report.notes] == framework().unknowns()
