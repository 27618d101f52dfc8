"""The Thừa Thiên Huế commune framework for 2022, checked against its sources."""

from __future__ import annotations

from decimal import Decimal

import parindex
from parindex import NodeKind, Status
from parindex.testing import assert_result_equal, check_framework
from parindex.testing.pytest_plugin import conformance_tests

FRAMEWORK_ID = "thua-thien-hue/commune/2022"


# The kit's conformance suite, one test per framework this plugin provides.
test_conformance = conformance_tests("thua_thien_hue")


def framework() -> parindex.Framework:
    return parindex.get_framework(FRAMEWORK_ID)


def test_provided_by_this_plugin():
    assert parindex.registry().provider(FRAMEWORK_ID).distribution == "parindex-thua-thien-hue"


def test_seventy_appraised_plus_thirty_survey():
    fw = framework()
    fields = {n.code: n.max for n in fw.criteria if n.kind is NodeKind.CRITERION}
    # Kế hoạch 69/KH-UBND of xã Thủy Thanh (12/12/2022) prints the fields' maxima
    # 10, 4.5, 14.5, 3, 10, 9, 15, 4 (sum 70).
    assert fields == {"1": Decimal("10.0"), "2": Decimal("4.5"), "3": Decimal("14.5"),
                      "4": Decimal("3.0"), "5": Decimal("10"), "6": Decimal("9.0"),
                      "7": Decimal("15.0"), "8": Decimal("4.0")}
    assert sum(fields.values()) == 70
    [survey] = [n for n in fw.criteria if n.kind is NodeKind.SURVEY]
    assert (survey.code, survey.max) == ("9", Decimal("30.0"))
    assert fw.max == 100


def test_every_number_has_provenance():
    fw = framework()
    for node in fw.walk():
        assert node.provenance.status is not Status.UNKNOWN, node.code
        assert node.provenance.source in fw.sources, node.code
    inferred = [n.code for n in fw.walk() if n.provenance.status is Status.INFERRED]
    assert inferred == ["3.5.2"]  # printed "x", its maximum deduced from 3.5's
    for band in fw.bands:
        assert band.provenance.source in fw.sources
    assert [(b.name, b.min, b.provenance.status) for b in fw.bands] == [
        ("Xuất sắc", 90, Status.READ), ("Tốt", 80, Status.READ), ("Khá", 70, Status.READ),
        ("Trung bình", 55, Status.READ), ("Yếu", 0, Status.INFERRED)]


def test_unknowns_are_explicit():
    fw = framework()
    assert fw.unknowns() == ["ranking", "tie_break", "criteria.9.not_arising"]
    assert fw.tie_break == ()
    assert fw.legal_basis.decision == "2204/QĐ-UBND"


def test_gaps_in_the_seed_are_reported():
    assert [str(m) for m in framework().maxima_mismatches()] == [
        "3: items' maxima add up to 13.5, not to the maximum 14.5 (difference 1.0)",
        "6: items' maxima add up to 8.0, not to the maximum 9.0 (difference 1.0)"]


def test_codes_are_unique_and_as_printed():
    codes = list(framework().nodes)
    assert len(codes) == len(set(codes)) == 66
    assert codes[:4] == ["1", "1.1", "1.1.1", "1.1.2"]


def test_bundled_example_scores_as_printed():
    result = parindex.score(framework(), parindex.load_assessment(parindex.example_path()))
    assert (result.appraised, result.total, result.band.name) == \
        (Decimal("49.97"), Decimal("78.636"), "Khá")
    assert_result_equal(result, appraised="49.97", survey="28.666", total="78.636",
                        index="79.031", band="Khá")


def test_conforms_strictly_with_the_seed_gaps_explained():
    report = check_framework(framework(), strict=True)
    gaps = [(f.code, f.severity) for f in report.findings if f.check == "maxima"]
    assert gaps == [("3", "note"), ("6", "note")]
