"""The Quảng Ngãi commune framework (Đề án 2023–2030), checked against its sources.

Every maximum and threshold is unknown; these tests pin what the sources do establish
(codes and names as printed) and that the unknowns are explicit and make scoring refuse.
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

FRAMEWORK_ID = "quang-ngai/commune/2023"
FILE = Path(str(files("parindex_quang_ngai") / "frameworks" / "commune-2023.toml"))
UNNAMED = "(tên không có trong nguồn)"

#: Codes and names as printed in the Ba Xa decision (QĐ …/QĐ-UBND, 12/2023, of the Chủ
#: tịch UBND xã Ba Xa, issuing the Kế hoạch khắc phục, cải thiện và nâng cao Chỉ số CCHC
#: năm 2024).
SEED_001 = {
    "1": "Công tác chỉ đạo, điều hành",
    "3": "Cải cách thủ tục hành chính",
    "3.1.1.2": "Có các kiến nghị cải cách TTHC, kiến nghị cụ thể sửa đổi, bổ sung VBQPPL quy "
               "định TTHC",
    "3.4.1": "Tỷ lệ hồ sơ TTHC do UBND xã tiếp nhận trong năm được giải quyết trước hạn, "
             "đúng hạn",
    "3.4.3": "Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hạn trong giải "
             "quyết hồ sơ TTHC",
    "6": "Cải cách tài chính công",
    "6.2.3": "Thực hiện quy định về sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý",
    "7": "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "7.3.3": "Triển khai thực hiện số hóa hồ sơ, kết quả giải quyết TTHC",
    "7.3.4": "Tỷ lệ hồ sơ có phát sinh dịch vụ công trực tuyến một phần",
    "7.3.6": "Tỷ lệ hồ sơ trực tuyến toàn trình",
    "7.3.7": "Thực hiện thanh toán trực tuyến",
}
#: Fields 2, 4, 5: names inferred from the sections of xã Sơn Dung's 2023 report (Báo
#: cáo công tác cải cách hành chính, kỷ luật, kỷ cương hành chính tại xã Sơn Dung).
SEED_003 = {"2": "Cải cách thể chế", "4": "Cải cách tổ chức bộ máy",
            "5": "Cải cách chế độ công vụ"}
#: Nodes implied by printed codes, or (8) only by the national pattern.
IMPLIED = ["3.1", "3.1.1", "3.4", "6.2", "7.3", "8"]


# The kit's conformance suite, one test per framework this plugin provides.
test_conformance = conformance_tests("quang_ngai")


def framework() -> parindex.Framework:
    return parindex.get_framework(FRAMEWORK_ID)


def test_provided_by_this_distribution():
    provider = parindex.registry().provider(FRAMEWORK_ID)
    assert (provider.name, provider.distribution) == ("quang_ngai", "parindex-quang-ngai")
    assert parindex.load_framework(FILE) == framework()


def test_legal_basis_and_years():
    fw = framework()
    assert fw.legal_basis.decision == "673/QĐ-UBND"
    assert fw.legal_basis.date.isoformat() == "2023-07-17"
    assert (fw.level, fw.first_year, fw.last_year) == ("commune", 2023, 2024)
    assert "30/8/2019" in fw.fact("legal_basis").note  # the earlier 673/QĐ-UBND
    assert fw.fact("years").source == "qd-134-2025"


def test_every_node_has_provenance():
    fw = framework()
    for node in fw.walk():
        prov = node.provenance
        assert prov.status is Status.UNKNOWN and node.max is None, node.code
        assert prov.source in fw.sources, node.code
        assert prov.note, node.code
    for band in fw.bands:
        assert band.min is None and band.provenance.status is Status.UNKNOWN
        assert band.provenance.note
        assert band.provenance.source is None or band.provenance.source in fw.sources
    assert fw.max is None


def test_unknowns_are_explicit():
    # Compared once each: the core lists a framework-level not_arising = "unknown"
    # both for the policy and for its [provenance] entry (a duplicate in the core).
    assert list(dict.fromkeys(framework().unknowns())) == [
        "criteria.1.max", "criteria.2.max", "criteria.3.max", "criteria.3.1.max",
        "criteria.3.1.1.max", "criteria.3.1.1.2.max", "criteria.3.4.max",
        "criteria.3.4.1.max", "criteria.3.4.3.max", "criteria.4.max", "criteria.5.max",
        "criteria.6.max", "criteria.6.2.max", "criteria.6.2.3.max", "criteria.7.max",
        "criteria.7.3.max", "criteria.7.3.3.max", "criteria.7.3.4.max",
        "criteria.7.3.6.max", "criteria.7.3.7.max", "criteria.8.max",
        "bands.Hoàn thành xuất sắc nhiệm vụ.min", "bands.Hoàn thành tốt nhiệm vụ.min",
        f"bands.{UNNAMED}.min",
        "not_arising", "band_basis", "decimals", "ranking", "rank_by", "tie_break"]


def test_named_codes_carry_the_seed_names():
    fw = framework()
    for code, name in SEED_001.items():
        assert fw.nodes[code].name == name, code
        assert fw.nodes[code].provenance.source == "seed-001", code
    for code, name in SEED_003.items():
        node = fw.nodes[code]
        assert node.name == name and node.provenance.source == "seed-003", code
        assert "INFERRED" in node.provenance.note and "xã sơn dung" in node.provenance.note.lower()


def test_unnamed_nodes_say_so():
    fw = framework()
    assert [n.code for n in fw.walk() if n.name == UNNAMED] == IMPLIED
    assert "national pattern" in fw.nodes["8"].provenance.note
    assert fw.nodes["8"].provenance.source == "bnv"
    assert all(n.name.startswith("(") is (n.code in IMPLIED) for n in fw.walk())


def test_tree_follows_the_printed_codes():
    fw = framework()
    assert [n.code for n in fw.criteria] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert all(n.kind is NodeKind.CRITERION for n in fw.walk())
    assert fw.parents["3.1.1.2"] == "3.1.1" and fw.parents["3.1.1"] == "3.1"
    assert [c.code for c in fw.nodes["7.3"].children] == ["7.3.3", "7.3.4", "7.3.6", "7.3.7"]
    assert len(fw.nodes) == 21


def test_bands_and_ranking():
    fw = framework()
    assert [b.name for b in fw.bands] == [
        "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", UNNAMED]
    assert fw.bands[1].provenance.source == "seed-001"
    assert "INFERRED" in fw.bands[0].provenance.note
    ranking = fw.fact("ranking")
    assert ranking.status is Status.UNKNOWN and "10/19" in ranking.note


def test_text_is_nfc():
    text = FILE.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def _assessment(points: str) -> parindex.Assessment:
    # Test input only: an invented commune with zero points, not data about any unit.
    return parindex.loads_assessment(
        f'framework = "{FRAMEWORK_ID}"\nunit = "Xã thử nghiệm"\nyear = 2023\n'
        f"[points]\n{points}")


def test_scoring_field_points_refuses_for_want_of_maxima():
    fields = "\n".join(f'"{n}" = 0' for n in range(1, 9))
    with pytest.raises(parindex.MissingInformationError) as error:
        parindex.score(framework(), _assessment(fields))
    message = str(error.value)
    assert "needs the maxima of 1, 2, 3, 4, 5, 6, 7, 8" in message
    assert "no source gives them" in message


def test_marking_not_arising_refuses():
    fields = "\n".join(f'"{n}" = 0' for n in range(1, 8)) + '\n"8" = "x"'
    with pytest.raises(parindex.MissingInformationError, match="did not arise"):
        parindex.score(framework(), _assessment(fields))


def test_band_thresholds_are_unknown():
    with pytest.raises(parindex.MissingInformationError,
                       match="'Hoàn thành xuất sắc nhiệm vụ'.*no source gives"):
        parindex.classify(framework(), Decimal("90"))


def test_validate_passes(capsys):
    assert main(["validate", str(FILE)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].endswith(f"valid framework {FRAMEWORK_ID} (21 nodes)")
    assert lines[1:] == [f"  unknown: {u}" for u in framework().unknowns()]


def test_conforms_strictly_and_lists_every_unknown():
    report = check_framework(framework(), strict=True)
    assert report.errors == report.unfinished == ()
    assert [f.key for f in report.notes] == framework().unknowns()
